import type { Handler } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";

/** A write handler: once it answers (a refusal throws), the books changed and are saved. */
export const changing = (runtime: SandboxRuntime, handler: Handler): Handler => async (ctx) => {
  const reply = await handler(ctx);
  runtime.changed();
  return reply;
};

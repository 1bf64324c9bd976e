/**
 * Turns the books' write outcomes into Daftra's answers: 202 `{id}` for creates, 200 for edits and
 * deletes, 400 with `validation_errors` or a message, 404 for a missing record. Every successful
 * write schedules persistence.
 */
import type { Body, WriteOutcome } from "../../books/writes/index.js";
import { created, done, failed, validationFailed, type Reply } from "../../http/reply.js";
import type { RequestContext } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";

export type Answer = "created" | "edited" | { deleted: string | undefined };

export function reply(runtime: SandboxRuntime, outcome: WriteOutcome, answer: Answer): Reply {
  if ("errors" in outcome) return validationFailed(outcome.errors);
  if ("refused" in outcome) return failed(400, outcome.refused);
  if ("missing" in outcome) return failed(404, outcome.missing);
  runtime.changed();
  if (answer === "created") return created(outcome.id);
  return done(answer === "edited" ? undefined : answer.deleted);
}

/** The model object of a body (`{"Client": {...}}`), or undefined when it is missing. */
export function modelOf(body: unknown, model: string): Body | undefined {
  const value = (body as Body | undefined)?.[model];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Body) : undefined;
}

/** A numeric `:id` path parameter, or undefined (which no record has). */
export const idParam = (ctx: RequestContext): number | undefined => (/^\d+$/.test(ctx.params.id ?? "") ? Number(ctx.params.id) : undefined);

/** A write that needs the model object; without it Daftra answers "<Model> is empty". */
export function withModel(model: string, act: (record: Body, ctx: RequestContext) => WriteOutcome) {
  return (ctx: RequestContext): WriteOutcome => {
    const record = modelOf(ctx.body, model);
    return record ? act(record, ctx) : { errors: { [model]: `${model} is empty` } };
  };
}

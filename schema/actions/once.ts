import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { WriteResult } from "../../src/connector/writes.js";
import type { ProviderRequest } from "../../src/connector/writes.js";
import { rawOf } from "../../src/connector/raw.js";

export interface OnceOptions {
  /** Where the key lives, e.g. `<organizationId>:createContact`. */
  scope: string;
  idempotencyKey?: string | null;
  dryRun: boolean;
  /** What the key stands for; the same key with another request is refused. */
  request: unknown;
}

/** Runs a write once per idempotency key (dry runs and keyless writes just run), saying whether it replayed. */
export async function once<T extends object>(ctx: GatewayContext, { scope, idempotencyKey, dryRun, request }: OnceOptions, execute: () => Promise<T>): Promise<T & { replayed: boolean }> {
  if (dryRun || !idempotencyKey) return { ...(await execute()), replayed: false };
  const { value, replayed } = await ctx.idempotency.run({ scope, key: idempotencyKey, request, execute });
  return { ...value, replayed };
}

/** A record with its lazy `raw` computed, so the answer can be stored for idempotent replay. */
export function materialised<T extends { raw?: unknown }>(record: T): T {
  return { ...record, raw: rawOf(record.raw) };
}

/** A record write's result as a payload: the record (raw materialised, so it can be stored) or the dry-run request. */
export function recordOrRequest<T extends { raw?: unknown }>(result: WriteResult<T>): { record: T | null; request: ProviderRequest | null } {
  return result.kind === "dryRun" ? { record: null, request: result.request } : { record: materialised(result.record), request: null };
}

import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { CreatableEntity, InputTypes, ProviderRequest } from "../../src/connector/writes.js";
import type { EntityTypes } from "../../src/connector/entities.js";
import { rawOf } from "../../src/connector/raw.js";
import type { WriteArgs } from "./write.args.js";

export interface CreatePayload<T> {
  record: T | null;
  request: ProviderRequest | null;
  replayed: boolean;
}

/** The one path every create mutation takes: dry run, or idempotent send through the guarded adapter. */
export async function runCreate<E extends CreatableEntity>(ctx: GatewayContext, entity: E, input: InputTypes[E], args: WriteArgs): Promise<CreatePayload<EntityTypes[E]>> {
  const adapter = await ctx.organizations.adapter(args.organizationId);
  const send = async () => {
    const result = await adapter.create!(entity, input, { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey });
    if (result.kind === "dryRun") return { record: null, request: result.request };
    return { record: { ...result.record, raw: rawOf(result.record.raw) } as EntityTypes[E], request: null };
  };
  if (args.dryRun || !args.idempotencyKey) return { ...(await send()), replayed: false };
  const { value, replayed } = await ctx.idempotency.run({
    scope: `${args.organizationId}:create${entity}`,
    key: args.idempotencyKey,
    request: input,
    execute: send,
  });
  return { ...value, replayed };
}

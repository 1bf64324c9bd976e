import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { CreatableEntity, InputTypes, ProviderRequest } from "../../src/connector/writes.js";
import type { EntityTypes } from "../../src/connector/entities.js";
import type { WriteArgs } from "./write.args.js";
import { once, recordOrRequest } from "./once.js";

export interface CreatePayload<T> {
  record: T | null;
  request: ProviderRequest | null;
  replayed: boolean;
}

/** The one path every create mutation takes: dry run, or idempotent send through the guarded adapter. */
export async function runCreate<E extends CreatableEntity>(ctx: GatewayContext, entity: E, input: InputTypes[E], args: WriteArgs): Promise<CreatePayload<EntityTypes[E]>> {
  const adapter = await ctx.organizations.adapter(args.organizationId);
  const options = { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey };
  return once(ctx, { scope: `${args.organizationId}:create${entity}`, ...options, request: input }, async () =>
    recordOrRequest(await adapter.create!(entity, input, options)),
  );
}

import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ActionInputs, ActionName, ActionResults, ProviderRequest } from "../../src/connector/writes.js";
import { once } from "./once.js";

export interface ActionRunArgs {
  idempotencyKey?: string | null;
  dryRun: boolean;
}

/**
 * The one path every non-record action takes (allocations, stock, transfers): dry run, or an
 * idempotent `perform` through the guarded adapter, scoped `<organizationId>:<action>`. `answer`
 * shapes the payload from the provider's result (null on a dry run) or the dry-run request.
 */
export async function runAction<A extends ActionName, P extends object>(
  ctx: GatewayContext,
  organizationId: string,
  action: A,
  input: ActionInputs[A],
  args: ActionRunArgs,
  answer: (result: ActionResults[A] | null, request: ProviderRequest | null) => P,
): Promise<P & { replayed: boolean }> {
  const adapter = await ctx.organizations.adapter(organizationId);
  const options = { dryRun: args.dryRun, idempotencyKey: args.idempotencyKey ?? undefined };
  return once(ctx, { scope: `${organizationId}:${action}`, ...options, request: input }, async () => {
    const result = await adapter.perform!(action, input, options);
    return result.kind === "dryRun" ? answer(null, result.request) : answer(result.record, null);
  });
}

import { Scope } from "../../auth/scopes.js";
import type { Principal } from "../../context/gateway-context.js";
import type { WorkerDeps, WorkerHandle } from "./worker-context.js";

/**
 * The endpoint owner's key as it is now (cached ≤ the principal TTL), when it may still have deliveries:
 * a revoked key, or one without SUBSCRIBE, disables the endpoint (no event: nobody is left to tell) and
 * answers undefined. The consumer asks before queuing, the sender before every attempt.
 */
export async function ownerWhoMayDeliver(worker: WorkerHandle, deps: Pick<WorkerDeps, "principals">): Promise<Principal | undefined> {
  const principal = await deps.principals.get(worker.endpoint.apiKeyId);
  if (worker.stopped) return undefined;
  if (principal === null) {
    await worker.disable("its API key was revoked", false);
    return undefined;
  }
  if (!principal.scopes.includes(Scope.SUBSCRIBE)) {
    await worker.disable("its API key no longer has the SUBSCRIBE scope, which webhook deliveries need", false);
    return undefined;
  }
  return principal;
}

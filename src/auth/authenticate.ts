import type { Principal } from "../context/gateway-context.js";
import type { ApiKeyService } from "./api-key-service.js";
import { bearerToken } from "./bearer-token.js";
import type { UnauthenticatedReason } from "./unauthenticated.js";

export type AuthenticationResult = { ok: true; principal: Principal } | { ok: false; reason: UnauthenticatedReason };

/**
 * Resolves an `Authorization` value ("Bearer <key>") to a principal. Shared by the HTTP
 * middleware and the graphql-ws connection handler so both accept exactly the same keys.
 */
export async function authenticate(apiKeys: ApiKeyService, authorization: unknown): Promise<AuthenticationResult> {
  const key = bearerToken(authorization);
  if (key === undefined) return { ok: false, reason: "missing" };
  const principal = await apiKeys.verify(key);
  return principal ? { ok: true, principal } : { ok: false, reason: "invalid" };
}

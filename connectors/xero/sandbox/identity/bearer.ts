/**
 * Bearer-token check for the accounting API and /connections: 401 problem-JSON with
 * `TokenExpired: …` for an expired token, `AuthorizationUnsuccessful` for anything else.
 * https://developer.xero.com/documentation/api/accounting/responsecodes
 */
import { header, type RequestContext } from "../http/context.js";
import { HttpError, problem } from "../http/errors.js";
import type { SandboxRuntime } from "../runtime.js";
import { hasScope } from "./scopes.js";
import { lookupAccessToken, type AccessGrant } from "./token-store.js";

/** "04/09/2023 05:16:59", the form Xero uses in `TokenExpired` details (UTC). */
function expiryText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export function authenticate(runtime: SandboxRuntime, ctx: RequestContext): AccessGrant {
  const authorization = header(ctx, "authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new HttpError(problem(401, "AuthorizationUnsuccessful"), "missing bearer token");
  const found = lookupAccessToken(runtime.state.identity, match[1]!, ctx.now.getTime());
  if (found.ok) return found.grant;
  if (found.expiredAt !== undefined) {
    throw new HttpError(problem(401, `TokenExpired: token expired at ${expiryText(found.expiredAt)}`), "token expired");
  }
  throw new HttpError(problem(401, "AuthorizationUnsuccessful"), "unknown bearer token");
}

/** Missing scope is 401 AuthorizationUnsuccessful, as Xero answers it. */
export function requireScope(grant: AccessGrant, accepted: string[], access: "read" | "write"): void {
  if (!hasScope(grant.scopes, accepted, access)) {
    throw new HttpError(problem(401, "AuthorizationUnsuccessful"), `missing scope: one of ${accepted.join(", ")}`);
  }
}

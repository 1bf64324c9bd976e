/**
 * Builds the token endpoint's success body: opaque access token, rotating refresh token (with
 * `offline_access`), RS256 id_token (with `openid`).
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow#3-exchange-the-code
 */
import type { SandboxRuntime } from "../runtime.js";
import { ACCESS_TTL_MS, issueAccessToken, issueRefreshToken, type GrantType } from "./token-store.js";

const ID_TOKEN_TTL_S = 300;

export interface TokenRequestContext {
  runtime: SandboxRuntime;
  issuer: string;
  now: number;
}

export interface Issue {
  clientId: string;
  scopes: string[];
  grantType: GrantType;
  userId?: string;
  familyId?: string;
  authEventId?: string;
  nonce?: string;
}

function idToken(ctx: TokenRequestContext, issue: Issue): string {
  const seconds = Math.floor(ctx.now / 1000);
  const userId = issue.userId!;
  const withProfile = issue.scopes.includes("profile");
  const withEmail = issue.scopes.includes("email");
  return ctx.runtime.signingKey.signJwt({
    iss: ctx.issuer,
    aud: issue.clientId,
    sub: userId.replace(/-/g, ""),
    iat: seconds,
    exp: seconds + ID_TOKEN_TTL_S,
    auth_time: seconds,
    ...(issue.nonce ? { nonce: issue.nonce } : {}),
    xero_userid: userId,
    global_session_id: issue.familyId,
    sid: issue.familyId,
    authentication_event_id: issue.authEventId,
    ...(withProfile ? { preferred_username: "sandbox@ledgerline.test", given_name: "Sandbox", family_name: "User" } : {}),
    ...(withEmail ? { email: "sandbox@ledgerline.test" } : {}),
  });
}

export function tokenResponse(ctx: TokenRequestContext, issue: Issue): Record<string, unknown> {
  const identity = ctx.runtime.state.identity;
  const accessToken = issueAccessToken(identity, {
    clientId: issue.clientId, scopes: issue.scopes, grantType: issue.grantType, userId: issue.userId,
    familyId: issue.familyId, expiresAt: ctx.now + ACCESS_TTL_MS,
  });
  const withRefresh = issue.familyId !== undefined && issue.scopes.includes("offline_access");
  const withIdToken = issue.userId !== undefined && issue.scopes.includes("openid");
  return {
    ...(withIdToken ? { id_token: idToken(ctx, issue) } : {}),
    access_token: accessToken,
    expires_in: ACCESS_TTL_MS / 1000,
    token_type: "Bearer",
    ...(withRefresh ? { refresh_token: issueRefreshToken(identity, issue.familyId!, ctx.now) } : {}),
    scope: issue.scopes.join(" "),
  };
}

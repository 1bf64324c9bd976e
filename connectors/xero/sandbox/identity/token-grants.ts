/**
 * The three grants of `POST /connect/token`. Each returns the success body or an OAuth error code.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow
 * https://developer.xero.com/documentation/guides/oauth2/custom-connections
 */
import { createHash } from "node:crypto";
import { DEFAULT_CLIENT_CREDENTIALS_SCOPES, parseScopes, unknownScopes } from "./scopes.js";
import { tokenResponse, type TokenRequestContext } from "./token-response.js";
import { rotateRefreshToken, startFamily, takeCode, type AuthCode } from "./token-store.js";

export type GrantOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: string; description: string };

export interface GrantInput {
  form: URLSearchParams;
  clientId: string;
  /** False for a public (PKCE) client that sent no secret. */
  confidential: boolean;
}

const fail = (error: string, description: string): GrantOutcome => ({ ok: false, error, description });

function verifierMatches(code: AuthCode, verifier: string | null): boolean {
  if (!code.codeChallenge) return true;
  if (!verifier) return false;
  const derived = code.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return derived === code.codeChallenge;
}

export function authorizationCodeGrant(ctx: TokenRequestContext, input: GrantInput): GrantOutcome {
  const code = takeCode(ctx.runtime.state.identity, input.form.get("code") ?? "", ctx.now);
  if (!code || code.clientId !== input.clientId) return fail("invalid_grant", "the code is unknown, used or expired");
  if (code.redirectUri !== input.form.get("redirect_uri")) return fail("invalid_grant", "redirect_uri does not match the authorization request");
  if (!input.confidential && !code.codeChallenge) return fail("invalid_client", "client authentication is required");
  if (!verifierMatches(code, input.form.get("code_verifier"))) return fail("invalid_grant", "code_verifier does not match the code_challenge");
  const familyId = startFamily(ctx.runtime.state.identity, {
    clientId: code.clientId, userId: code.userId, scopes: code.scopes, authEventId: code.authEventId, revoked: false,
    pkce: !input.confidential,
  });
  return {
    ok: true,
    body: tokenResponse(ctx, {
      clientId: code.clientId, scopes: code.scopes, grantType: "authorization_code", userId: code.userId, familyId,
      authEventId: code.authEventId, nonce: code.nonce,
    }),
  };
}

export function refreshTokenGrant(ctx: TokenRequestContext, input: GrantInput): GrantOutcome {
  const rotated = rotateRefreshToken(ctx.runtime.state.identity, input.form.get("refresh_token") ?? "", input.clientId, ctx.now);
  if (!rotated) return fail("invalid_grant", "the refresh token is unknown, revoked, expired or was replaced more than 30 minutes ago");
  const { familyId, family } = rotated;
  if (!input.confidential && !family.pkce) return fail("invalid_client", "client authentication is required");
  return {
    ok: true,
    body: tokenResponse(ctx, {
      clientId: family.clientId, scopes: family.scopes, grantType: "authorization_code", userId: family.userId,
      familyId, authEventId: family.authEventId,
    }),
  };
}

/** Custom Connections: xero-node sends the scopes comma-joined under the key `scopes`. */
export function clientCredentialsGrant(ctx: TokenRequestContext, input: GrantInput): GrantOutcome {
  if (!input.confidential) return fail("invalid_client", "client_credentials needs the client secret");
  const requested = parseScopes(input.form.get("scopes") ?? input.form.get("scope") ?? undefined);
  const unknown = unknownScopes(requested);
  if (unknown.length > 0) return fail("invalid_scope", `unknown scope: ${unknown.join(" ")}`);
  const scopes = (requested.length > 0 ? requested : DEFAULT_CLIENT_CREDENTIALS_SCOPES)
    .filter((scope) => !["openid", "profile", "email", "offline_access"].includes(scope));
  return { ok: true, body: tokenResponse(ctx, { clientId: input.clientId, scopes, grantType: "client_credentials" }) };
}

/**
 * Codes, tokens and connections of the sandbox's identity server, as plain JSON-serialisable state
 * (persisted beside the books, so a restarted sandbox still honours issued refresh tokens).
 *
 * Lifetimes follow Xero: codes 5 min single-use, access tokens 30 min, refresh tokens rotate on
 * every use, the superseded one stays usable for a 30-minute grace period, unused ones expire after
 * 60 days. Tokens are stored by SHA-256 hash only.
 * https://developer.xero.com/faq/oauth2
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";

export const CODE_TTL_MS = 5 * 60_000;
export const ACCESS_TTL_MS = 30 * 60_000;
export const REFRESH_GRACE_MS = 30 * 60_000;
export const REFRESH_TTL_MS = 60 * 24 * 60 * 60_000;
const EXPIRED_MEMORY_MS = 24 * 60 * 60_000;

export type GrantType = "authorization_code" | "client_credentials";

/** What an accepted access token allows. */
export interface AccessGrant {
  clientId: string;
  scopes: string[];
  grantType: GrantType;
  userId?: string;
  familyId?: string;
  expiresAt: number;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  userId: string;
  authEventId: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
}

interface RefreshRecord {
  familyId: string;
  expiresAt: number;
  /** When a newer token replaced this one; it keeps working for REFRESH_GRACE_MS after that. */
  supersededAt?: number;
}

export interface Family {
  clientId: string;
  userId: string;
  scopes: string[];
  authEventId: string;
  revoked: boolean;
  /** Started by a public PKCE client, which refreshes without a secret. */
  pkce?: boolean;
}

export interface Connection {
  id: string;
  clientId: string;
  userId: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

export interface IdentityState {
  userId: string;
  codes: Record<string, AuthCode>;
  accessTokens: Record<string, AccessGrant>;
  refreshTokens: Record<string, RefreshRecord>;
  families: Record<string, Family>;
  connections: Connection[];
}

export function emptyIdentityState(): IdentityState {
  return { userId: randomUUID(), codes: {}, accessTokens: {}, refreshTokens: {}, families: {}, connections: [] };
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function issueCode(state: IdentityState, code: AuthCode): string {
  const token = newToken();
  state.codes[tokenHash(token)] = code;
  return token;
}

/** Removes and returns a code (single use); undefined when unknown or expired. */
export function takeCode(state: IdentityState, token: string, now: number): AuthCode | undefined {
  const key = tokenHash(token);
  const code = state.codes[key];
  delete state.codes[key];
  return code && code.expiresAt > now ? code : undefined;
}

export function issueAccessToken(state: IdentityState, grant: AccessGrant): string {
  const token = newToken();
  state.accessTokens[tokenHash(token)] = grant;
  return token;
}

export type AccessLookup = { ok: true; grant: AccessGrant } | { ok: false; expiredAt?: number };

export function lookupAccessToken(state: IdentityState, token: string, now: number): AccessLookup {
  const grant = state.accessTokens[tokenHash(token)];
  if (!grant) return { ok: false };
  if (grant.familyId && state.families[grant.familyId]?.revoked) return { ok: false };
  return grant.expiresAt > now ? { ok: true, grant } : { ok: false, expiredAt: grant.expiresAt };
}

export function startFamily(state: IdentityState, family: Family): string {
  const familyId = randomUUID();
  state.families[familyId] = family;
  return familyId;
}

export function issueRefreshToken(state: IdentityState, familyId: string, now: number): string {
  const token = newToken();
  state.refreshTokens[tokenHash(token)] = { familyId, expiresAt: now + REFRESH_TTL_MS };
  return token;
}

/**
 * Rotates a refresh token: returns its family (the caller issues the new pair) or undefined for
 * `invalid_grant` (unknown, revoked, expired, or superseded more than 30 minutes ago).
 */
export function rotateRefreshToken(state: IdentityState, token: string, clientId: string, now: number): { familyId: string; family: Family } | undefined {
  const record = state.refreshTokens[tokenHash(token)];
  if (!record || record.expiresAt <= now) return undefined;
  if (record.supersededAt !== undefined && now > record.supersededAt + REFRESH_GRACE_MS) return undefined;
  const family = state.families[record.familyId];
  if (!family || family.revoked || family.clientId !== clientId) return undefined;
  record.supersededAt ??= now;
  return { familyId: record.familyId, family };
}

/**
 * Revokes the family of a refresh (or access) token (every token issued from that consent) and
 * removes that user's connections for the app, as Xero does.
 */
export function revokeToken(state: IdentityState, token: string, clientId: string): boolean {
  const hash = tokenHash(token);
  const familyId = state.refreshTokens[hash]?.familyId ?? state.accessTokens[hash]?.familyId;
  const family = familyId ? state.families[familyId] : undefined;
  if (!familyId || !family || family.clientId !== clientId) return false;
  family.revoked = true;
  state.connections = state.connections.filter((c) => !(c.clientId === clientId && c.userId === family.userId));
  return true;
}

/** Drops expired codes, access tokens and refresh tokens past their last possible use. */
export function pruneIdentityState(state: IdentityState, now: number): void {
  for (const [key, code] of Object.entries(state.codes)) if (code.expiresAt <= now) delete state.codes[key];
  // Expired access tokens are kept a day longer so the API can still answer "TokenExpired".
  for (const [key, grant] of Object.entries(state.accessTokens)) if (grant.expiresAt + EXPIRED_MEMORY_MS <= now) delete state.accessTokens[key];
  for (const [key, record] of Object.entries(state.refreshTokens)) {
    const graceOver = record.supersededAt !== undefined && now > record.supersededAt + REFRESH_GRACE_MS;
    if (record.expiresAt <= now || graceOver || state.families[record.familyId]?.revoked) delete state.refreshTokens[key];
  }
}

import type { Clock } from "../../../src/infra/clock.js";
import type { XeroSecret, XeroSettings } from "../config.js";
import type { XeroCredentialsStore } from "./credentials-store.js";
import { identityEndpoints } from "./identity-endpoints.js";
import { requestTokenSet } from "./token-endpoint.js";
import { notConnected, refreshFailure } from "./token-errors.js";

export interface TokenManagerOptions {
  organizationId: string;
  settings: Pick<XeroSettings, "identityUrl" | "clientId">;
  credentials: XeroCredentialsStore;
  clock: Clock;
  /** Refresh this long before the access token expires. @default 60_000 */
  skewMs?: number;
}

/** Hands out a live access token for one organization, refreshing the rotating token set when needed. */
export interface TokenManager {
  accessToken(): Promise<string>;
  /** After Xero answered 401 to `rejected`: refresh, unless another caller already replaced it. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

/**
 * Refreshes in flight, per organization and app, shared by every manager in the process: a
 * rotated refresh token is single-use, so two concurrent refreshes would lose the connection.
 */
const inflight = new Map<string, Promise<XeroSecret>>();

export function createTokenManager({ organizationId, settings, credentials, clock, skewMs = 60_000 }: TokenManagerOptions): TokenManager {
  const key = `${settings.identityUrl} ${settings.clientId} ${organizationId}`;
  let current: XeroSecret | undefined;

  const isFresh = (secret: XeroSecret) => secret.tokenSet.expiresAt - skewMs > clock.now().getTime();

  async function load(): Promise<XeroSecret> {
    const secret = await credentials.load(organizationId);
    if (!secret) throw notConnected(organizationId);
    current = secret;
    return secret;
  }

  async function rotate(seenAccessToken: string): Promise<XeroSecret> {
    const stored = await load();
    if (stored.tokenSet.accessToken !== seenAccessToken && isFresh(stored)) return stored;
    try {
      const { token } = await identityEndpoints(settings.identityUrl);
      const tokenSet = await requestTokenSet(
        token,
        { clientId: settings.clientId, clientSecret: stored.clientSecret },
        { grant_type: "refresh_token", refresh_token: stored.tokenSet.refreshToken },
        clock.now().getTime(),
        stored.tokenSet.refreshToken,
      );
      const next = { ...stored, tokenSet };
      current = next;
      await credentials.save(organizationId, next);
      return next;
    } catch (error) {
      throw refreshFailure(error, organizationId);
    }
  }

  function refresh(seenAccessToken: string): Promise<XeroSecret> {
    let running = inflight.get(key);
    if (!running) {
      running = rotate(seenAccessToken).finally(() => inflight.delete(key));
      inflight.set(key, running);
    }
    return running;
  }

  return {
    async accessToken() {
      const secret = current ?? (await load());
      if (isFresh(secret)) return secret.tokenSet.accessToken;
      return (await refresh(secret.tokenSet.accessToken)).tokenSet.accessToken;
    },
    async refreshAfterRejection(rejected) {
      return (await refresh(rejected)).tokenSet.accessToken;
    },
  };
}

import type { Clock } from "../../../src/infra/clock.js";
import type { XeroSecret, XeroSettings } from "../config.js";
import type { XeroCredentialsStore } from "./credentials-store.js";
import { identityEndpoints } from "./identity-endpoints.js";
import { requestTokenSet } from "./token-endpoint.js";
import { notConnected, refreshFailure } from "./token-errors.js";
import { localLeases, type Leases } from "../../../src/store/leases.js";

export interface TokenManagerOptions {
  organizationId: string;
  settings: Pick<XeroSettings, "identityUrl" | "clientId">;
  credentials: XeroCredentialsStore;
  clock: Clock;
  /** Refresh this long before the access token expires. @default 60_000 */
  skewMs?: number;
  /** Leases shared by every gateway instance on the same store, so only one of them refreshes. @default process-local */
  leases?: Leases;
  /** How long one instance may hold the refresh lease. @default 20_000 */
  leaseMs?: number;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createTokenManager({
  organizationId, settings, credentials, clock, skewMs = 60_000, leases = localLeases(), leaseMs = 20_000,
}: TokenManagerOptions): TokenManager {
  const leaseKey = `xero-token-refresh:${organizationId}`;
  const key = `${settings.identityUrl} ${settings.clientId} ${organizationId}`;
  let current: XeroSecret | undefined;

  const isFresh = (secret: XeroSecret) => secret.tokenSet.expiresAt - skewMs > clock.now().getTime();

  async function load(): Promise<XeroSecret> {
    const secret = await credentials.load(organizationId);
    if (!secret) throw notConnected(organizationId);
    current = secret;
    return secret;
  }

  /** A token set someone else stored after `seen` was handed out, if there is a fresh one. */
  async function replaced(seenAccessToken: string): Promise<XeroSecret | undefined> {
    const stored = await load();
    return stored.tokenSet.accessToken !== seenAccessToken && isFresh(stored) ? stored : undefined;
  }

  /**
   * One refresh across every instance: the lease holder refreshes and stores; the others wait for
   * the stored result. A holder that dies lets its lease expire, and the next caller takes over.
   */
  async function rotate(seenAccessToken: string): Promise<XeroSecret> {
    const deadline = Date.now() + 3 * leaseMs;
    while (Date.now() < deadline) {
      const fresh = await replaced(seenAccessToken);
      if (fresh) return fresh;
      const holder = await leases.acquire(leaseKey, leaseMs);
      if (holder) {
        try {
          return (await replaced(seenAccessToken)) ?? (await refreshNow(current!));
        } finally {
          await leases.release(leaseKey, holder.holder);
        }
      }
      await sleep(100);
    }
    throw refreshFailure(new Error("another instance held the refresh lease too long"), organizationId);
  }

  async function refreshNow(stored: XeroSecret): Promise<XeroSecret> {
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

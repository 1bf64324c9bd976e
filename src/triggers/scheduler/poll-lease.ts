import type { LeaseGrant, Leases } from "../../store/leases.js";

/** How long a poll lease lasts without a renewal: how soon another instance takes over from one that died. */
export const POLL_LEASE_TTL_MS = 10_000;

export interface PollLeaseOptions {
  /** Lease length; the heartbeat renews it every third of it. @default POLL_LEASE_TTL_MS */
  ttlMs?: number;
  /** Aborts `signal` too (shutdown). */
  signal?: AbortSignal;
  now?: () => number;
}

/** An organization's poll lease as its polling loop holds it (see `pollLease`). */
export interface PollLease {
  /** True while this instance holds the lease, after taking it now if it was free. */
  hold(): Promise<boolean>;
  /** Whether the lease is held now (nothing is asked). */
  readonly held: boolean;
  /** Aborts when the lease held is lost (or the `signal` given aborts): polling must stop. A new one with each lease taken. */
  readonly signal: AbortSignal;
  /** The fencing token of the lease last taken (kept after it is lost: writes still under way must carry it); undefined before. */
  readonly fence: number | undefined;
  /**
   * A write was refused because a later holder's token (`storedFence`) was seen: the lease counts as
   * lost at once, is let go, and the next one taken gets a token above `storedFence`.
   */
  fencedOut(storedFence: number): Promise<void>;
  /** Lets the lease go and stops the heartbeat. */
  release(): Promise<void>;
}

/**
 * Keeps one gateway instance polling an organization. The lease is taken before polling and renewed
 * by a heartbeat every third of its length, whatever the polls are doing, so a long poll never lets
 * it lapse while the instance is alive, and a dead instance's lease lapses within `ttlMs`. A renewal
 * refused, or none confirmed for `ttlMs` (the store unreachable, the process paused), loses the lease
 * at once: `hold()` is false until it is taken again and `signal` aborts. Each lease taken carries a
 * fencing token; writes carrying it are refused once a later holder's was stored, which covers what
 * the heartbeat cannot see (a pause in the middle of a write). With SQLite or memory there is one
 * instance and it always holds it.
 */
export function pollLease(leases: Leases, key: string, { ttlMs = POLL_LEASE_TTL_MS, signal: stop, now = Date.now }: PollLeaseOptions = {}): PollLease {
  let grant: LeaseGrant | undefined;
  let fence: number | undefined;
  /** When the last renewal that succeeded (or the grant) was asked for: the lease is ours until this plus `ttlMs`. */
  let confirmedAt = 0;
  let controller = new AbortController();
  controller.abort();
  let heartbeat: NodeJS.Timeout | undefined;
  /** Fires when the lease would lapse without another confirmation: polling stops before the store can grant it to someone else. */
  let expiry: NodeJS.Timeout | undefined;
  let renewing = false;
  /** The lease counts as ours until this long before its end in the store, for clock drift and a write under way. */
  const marginMs = Math.max(1, Math.floor(ttlMs / 10));

  const onStop = () => controller.abort();
  stop?.addEventListener("abort", onStop, { once: true });

  function lose(): LeaseGrant | undefined {
    const lost = grant;
    grant = undefined;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
    if (expiry) clearTimeout(expiry);
    expiry = undefined;
    controller.abort();
    return lost;
  }

  /** Lost when nothing confirmed the lease for `ttlMs` less the margin: it may pass to someone else soon after. */
  function lapsed(): boolean {
    if (grant && now() - confirmedAt >= ttlMs - marginMs) lose();
    return grant === undefined;
  }

  /** The lease was confirmed as of `at` (asked then): it lapses, unless confirmed again, at `at + ttlMs - marginMs`. */
  function confirm(at: number): void {
    confirmedAt = at;
    if (expiry) clearTimeout(expiry);
    expiry = setTimeout(() => void lapsed(), Math.max(0, at + ttlMs - marginMs - now()));
    expiry.unref();
  }

  async function beat(current: LeaseGrant): Promise<void> {
    if (lapsed() || renewing) return;
    renewing = true;
    const askedAt = now();
    try {
      const renewed = await leases.renew(key, current.holder, ttlMs);
      if (grant !== current) return;
      if (renewed) confirm(askedAt);
      else lose();
    } catch {
      // The store did not answer: the lease stands until `ttlMs` after the last confirmation.
      if (grant === current) lapsed();
    } finally {
      renewing = false;
    }
  }

  return {
    async hold() {
      if (!lapsed()) return true;
      if (stop?.aborted) return false;
      const askedAt = now();
      const taken = await leases.acquire(key, ttlMs);
      if (!taken) return false;
      if (stop?.aborted) {
        await leases.release(key, taken.holder);
        return false;
      }
      grant = taken;
      fence = taken.fence;
      controller = new AbortController();
      confirm(askedAt);
      heartbeat = setInterval(() => void beat(taken), Math.max(1, Math.floor(ttlMs / 3)));
      heartbeat.unref();
      return true;
    },
    get held() {
      return !lapsed();
    },
    get signal() {
      return controller.signal;
    },
    get fence() {
      return fence;
    },
    async fencedOut(storedFence) {
      const lost = lose();
      if (lost) await leases.release(key, lost.holder);
      await leases.raiseFence(key, storedFence);
    },
    async release() {
      stop?.removeEventListener("abort", onStop);
      const lost = lose();
      if (lost) await leases.release(key, lost.holder);
    },
  };
}

import type { Leases } from "../../store/leases.js";

/**
 * Keeps one gateway instance polling an organization: the lease is taken before polling and renewed
 * (released and taken again at once) when it nears its end; an instance that cannot take it leaves
 * the organization to the holder. With SQLite or memory there is one instance and it always holds it.
 */
export function pollLease(leases: Leases, key: string, ttlMs = 60_000, now: () => number = Date.now) {
  let holder: string | undefined;
  let until = 0;
  return {
    async hold(): Promise<boolean> {
      if (holder && now() < until - ttlMs / 4) return true;
      if (holder) await leases.release(key, holder);
      holder = await leases.acquire(key, ttlMs);
      until = now() + ttlMs;
      return holder !== undefined;
    },
    async release(): Promise<void> {
      if (holder) await leases.release(key, holder);
      holder = undefined;
    },
  };
}

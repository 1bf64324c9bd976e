import { randomUUID } from "node:crypto";

/**
 * Short exclusive leases ("only one of us refreshes this token"). With Redis they hold across every
 * gateway instance (SET NX PX); with SQLite or memory the store has one instance, so a process-local
 * table is exact.
 */
export interface Leases {
  /** A holder token when acquired, undefined when someone else holds the lease. */
  acquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Releases only when `holder` still holds it (an expired lease may have passed to someone else). */
  release(key: string, holder: string): Promise<void>;
}

export function localLeases(now: () => number = Date.now): Leases {
  const held = new Map<string, { holder: string; until: number }>();
  return {
    async acquire(key, ttlMs) {
      const current = held.get(key);
      if (current && current.until > now()) return undefined;
      const holder = randomUUID();
      held.set(key, { holder, until: now() + ttlMs });
      return holder;
    },
    async release(key, holder) {
      if (held.get(key)?.holder === holder) held.delete(key);
    },
  };
}

/** The minimal Redis client surface the leases need (node-redis v5, as @keyv/redis uses). */
export interface RedisLeaseClient {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RELEASE_IF_HOLDER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisLeases(client: () => Promise<RedisLeaseClient>, prefix: string): Leases {
  return {
    async acquire(key, ttlMs) {
      const holder = randomUUID();
      const answer = await (await client()).set(`${prefix}${key}`, holder, { NX: true, PX: ttlMs });
      return answer === "OK" ? holder : undefined;
    },
    async release(key, holder) {
      await (await client()).eval(RELEASE_IF_HOLDER, { keys: [`${prefix}${key}`], arguments: [holder] });
    },
  };
}

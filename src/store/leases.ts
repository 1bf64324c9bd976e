import { randomUUID } from "node:crypto";

/**
 * A lease taken: who holds it, and its fencing token. Every grant of a key gets a larger token than
 * the grants before it, so a write that carries the token can be refused where a later holder's
 * token was already seen (a holder that paused past its lease cannot overwrite its successor).
 */
export interface LeaseGrant {
  holder: string;
  fence: number;
}

/**
 * Short exclusive leases ("only one of us refreshes this token"). With Redis they hold across every
 * gateway instance (SET NX PX); with SQLite or memory the store has one instance, so a process-local
 * table is exact.
 */
export interface Leases {
  /** The grant when acquired, undefined when someone else holds the lease. */
  acquire(key: string, ttlMs: number): Promise<LeaseGrant | undefined>;
  /** Extends the lease to `ttlMs` from now, only while `holder` still holds it; false when it lapsed or passed to someone else. */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases only when `holder` still holds it (an expired lease may have passed to someone else). */
  release(key: string, holder: string): Promise<void>;
  /**
   * Makes the next grant of `key` get a token above `atLeast` (never lowers it). A writer refused
   * because a larger token was stored calls it, so the tokens catch up after their counter was lost
   * (a restart of a process-local table, a flushed Redis).
   */
  raiseFence(key: string, atLeast: number): Promise<void>;
}

/**
 * Leases of one process. The tokens come from one counter for every key (still increasing per key),
 * started at the clock's milliseconds so that after a restart they stay above those of the run
 * before (what a mirror stored from them).
 */
export function localLeases(now: () => number = Date.now): Leases {
  const held = new Map<string, { holder: string; until: number }>();
  let fence = now();
  return {
    async acquire(key, ttlMs) {
      const current = held.get(key);
      if (current && current.until > now()) return undefined;
      const holder = randomUUID();
      held.set(key, { holder, until: now() + ttlMs });
      return { holder, fence: ++fence };
    },
    async renew(key, holder, ttlMs) {
      const current = held.get(key);
      if (current?.holder !== holder || current.until <= now()) return false;
      current.until = now() + ttlMs;
      return true;
    },
    async release(key, holder) {
      if (held.get(key)?.holder === holder) held.delete(key);
    },
    async raiseFence(_key, atLeast) {
      fence = Math.max(fence, atLeast);
    },
  };
}

/** The minimal Redis client surface the leases need (node-redis v5, as @keyv/redis uses). */
export interface RedisLeaseClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * How long a key's token counter outlives the last grant or renewal of its lease. Long enough that a
 * lease in use never loses it; short enough that one-off leases (idempotency keys) leave nothing behind.
 */
export const FENCE_RETENTION_MS = 7 * 86_400_000;

/** SET NX PX and, only when it was set, INCR of the token counter: one atomic step. 0: held by someone else. */
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local fence = redis.call('incr', KEYS[2])
  redis.call('pexpire', KEYS[2], ARGV[3])
  return fence
end
return 0`;

const RENEW_IF_HOLDER = `if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  redis.call('pexpire', KEYS[2], ARGV[3])
  return 1
end
return 0`;

const RELEASE_IF_HOLDER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const RAISE_FENCE = `local current = tonumber(redis.call('get', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 0`;

/**
 * Leases every instance sharing a Redis sees: the lease is `<prefix><key>` (its value the holder),
 * its token counter `<prefix>fence:<key>`, both changed only by Lua scripts, so taking a lease and
 * counting its token is one atomic step.
 */
export function redisLeases(client: () => Promise<RedisLeaseClient>, prefix: string): Leases {
  const keysOf = (key: string) => [`${prefix}${key}`, `${prefix}fence:${key}`];
  const run = async (script: string, keys: string[], args: Array<string | number>) =>
    Number(await (await client()).eval(script, { keys, arguments: args.map(String) }));
  return {
    async acquire(key, ttlMs) {
      const holder = randomUUID();
      const fence = await run(ACQUIRE, keysOf(key), [holder, Math.ceil(ttlMs), FENCE_RETENTION_MS]);
      return fence > 0 ? { holder, fence } : undefined;
    },
    async renew(key, holder, ttlMs) {
      return (await run(RENEW_IF_HOLDER, keysOf(key), [holder, Math.ceil(ttlMs), FENCE_RETENTION_MS])) === 1;
    },
    async release(key, holder) {
      await run(RELEASE_IF_HOLDER, [`${prefix}${key}`], [holder]);
    },
    async raiseFence(key, atLeast) {
      await run(RAISE_FENCE, [`${prefix}fence:${key}`], [Math.floor(atLeast), FENCE_RETENTION_MS]);
    },
  };
}

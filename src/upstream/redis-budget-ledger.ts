import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { ErrorCode, GatewayError } from "../errors/index.js";
import type { Logger } from "../infra/logger.js";
import { callerLimitsOf, MINUTE_MS, type BudgetLedger, type BudgetLedgerFactory, type BudgetRemaining, type LedgerLimits, type Turn } from "./budget-ledger.js";
import type { Admission } from "./caller-budget.js";
import type { PollerUsage, UsageBucket } from "../triggers/scheduler/poller-usage.js";
import { DAY_MS } from "./daily-window.js";

/**
 * Lua shared by the scripts. Time is Redis's own (TIME), so instances whose clocks differ still count
 * one minute alike. A rolling minute is an exact log (a sorted set of call start times); a day is
 * counted in minute buckets (a sorted set of bucket starts and a hash of their counts plus `total`),
 * as the in-process `createBucketedWindow` does: memory stays one counter per minute whatever the limit.
 */
const LUA_COMMON = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function id(n) return string.format('%d', n) end
-- Milliseconds until one more call fits under limit in the log at key (0: now), and the calls counted.
local function minute_wait(key, now, limit, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local n = redis.call('ZCARD', key)
  if n < limit or n == 0 then return 0, n end
  local lim = limit
  if lim < 1 then lim = 1 end
  local at = redis.call('ZRANGE', key, n - lim, n - lim, 'WITHSCORES')
  return math.ceil(tonumber(at[2]) + window - now), n
end
local function day_used(zkey, hkey, now, day, bucket)
  local old = redis.call('ZRANGEBYSCORE', zkey, '-inf', now - bucket - day)
  for _, b in ipairs(old) do
    local c = tonumber(redis.call('HGET', hkey, b) or '0')
    redis.call('HINCRBY', hkey, 'total', -c)
    redis.call('HDEL', hkey, b)
    redis.call('ZREM', zkey, b)
  end
  return tonumber(redis.call('HGET', hkey, 'total') or '0')
end
-- Milliseconds until at most allowed calls are still counted in the day.
local function day_wait(zkey, hkey, now, used, allowed, day, bucket)
  local left = used
  if left <= allowed then return 0 end
  for _, b in ipairs(redis.call('ZRANGE', zkey, 0, -1)) do
    left = left - tonumber(redis.call('HGET', hkey, b) or '0')
    if left <= allowed then return math.ceil(tonumber(b) + bucket + day - now) end
  end
  return 0
end
local function day_add(zkey, hkey, now, day, bucket)
  local b = id(math.floor(now / bucket) * bucket)
  redis.call('ZADD', zkey, b, b)
  redis.call('HINCRBY', hkey, b, 1)
  redis.call('HINCRBY', hkey, 'total', 1)
  redis.call('PEXPIRE', zkey, day + 2 * bucket)
  redis.call('PEXPIRE', hkey, day + 2 * bucket)
end
`;

/**
 * One turn in the organization's minute and day. KEYS: minute log, day buckets, day counts, pause.
 * ARGV: perMinute, perDay (0: none), member, window, day, bucket.
 * Returns {1, minute left, day left (-1: no daily limit)} or {0, wait ms, 1 minute | 2 day | 3 paused}.
 */
const TAKE = `${LUA_COMMON}
local perMinute, perDay, member = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local window, day, bucket = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local paused = redis.call('PTTL', KEYS[4])
if paused > 0 then return {0, paused, 3} end
local now = now_ms()
local mwait, n = minute_wait(KEYS[1], now, perMinute, window)
local dwait, used = 0, 0
if perDay > 0 then
  used = day_used(KEYS[2], KEYS[3], now, day, bucket)
  if used >= perDay then dwait = day_wait(KEYS[2], KEYS[3], now, used, perDay - 1, day, bucket) end
end
if mwait > 0 or dwait > 0 then
  if dwait >= mwait then return {0, dwait, 2} end
  return {0, mwait, 1}
end
redis.call('ZADD', KEYS[1], now, member)
redis.call('PEXPIRE', KEYS[1], window * 2)
local dayLeft = -1
if perDay > 0 then
  day_add(KEYS[2], KEYS[3], now, day, bucket)
  dayLeft = perDay - used - 1
end
return {1, perMinute - n - 1, dayLeft}
`;

/**
 * An interactive call's admission (the rules of `createCallerBudget`, counted in Redis).
 * KEYS: interactive log, the key's log, interactive day buckets, interactive day counts.
 * ARGV: interactive per minute, key per minute, interactive per day (0: none), member, window, day, bucket.
 * Returns {1, now} or {0, 1 API_KEY | 2 INTERACTIVE, 1 minute | 2 day, retry after ms}.
 */
const ADMIT = `${LUA_COMMON}
local interactiveLimit, keyLimit, dayLimit, member = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local window, day, bucket = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local now = now_ms()
if dayLimit > 0 then
  local used = day_used(KEYS[3], KEYS[4], now, day, bucket)
  if used >= dayLimit then return {0, 2, 2, day_wait(KEYS[3], KEYS[4], now, used, dayLimit - 1, day, bucket)} end
end
local ownWait = minute_wait(KEYS[2], now, keyLimit, window)
if ownWait <= 0 then
  local wait = minute_wait(KEYS[1], now, interactiveLimit, window)
  if wait > 0 then return {0, 2, 1, wait} end
else
  local borrow = minute_wait(KEYS[1], now, interactiveLimit - keyLimit, window)
  if borrow > 0 then return {0, 1, 1, math.min(borrow, ownWait)} end
end
redis.call('ZADD', KEYS[1], now, member)
redis.call('ZADD', KEYS[2], now, member)
redis.call('PEXPIRE', KEYS[1], window * 2)
redis.call('PEXPIRE', KEYS[2], window * 2)
if dayLimit > 0 then day_add(KEYS[3], KEYS[4], now, day, bucket) end
return {1, now}
`;

/** Gives an admission back. KEYS as ADMIT; ARGV: member, admitted at (ms), bucket. */
const CANCEL = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
local b = string.format('%d', math.floor(tonumber(ARGV[2]) / tonumber(ARGV[3])) * tonumber(ARGV[3]))
local c = tonumber(redis.call('HGET', KEYS[4], b) or '0')
if c > 0 then
  redis.call('HINCRBY', KEYS[4], b, -1)
  redis.call('HINCRBY', KEYS[4], 'total', -1)
end
return 1
`;

/** A concurrency slot, held until released or until its lease lapses (a crashed holder). KEYS: slots; ARGV: limit, holder, lease ms. */
const ACQUIRE_SLOT = `${LUA_COMMON}
local now = now_ms()
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
-- Never shorten the set's life below another holder's lease (instances may run with other deadlines).
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) * 2 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2) end
return 1
`;

/** The provider's pause, lengthened never shortened. KEYS: pause; ARGV: ms. */
const PAUSE = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;

/** Calls left in the minute and the day, without taking any. KEYS as TAKE (pause unused); ARGV: perMinute, perDay, window, day, bucket. */
const PEEK = `${LUA_COMMON}
local now = now_ms()
local _, n = minute_wait(KEYS[1], now, tonumber(ARGV[1]), tonumber(ARGV[3]))
local dayLeft = -1
if tonumber(ARGV[2]) > 0 then dayLeft = tonumber(ARGV[2]) - day_used(KEYS[2], KEYS[3], now, tonumber(ARGV[4]), tonumber(ARGV[5])) end
return {tonumber(ARGV[1]) - n, dayLeft}
`;

/**
 * Adds the pollers' calls to a minute's count. KEYS: calls hash, backfills hash. ARGV: minute, calls,
 * backfill (1/0), keep ms, oldest minute kept. A minute seen for the first time drops the minutes that
 * left the day, so a hash holds at most a day of minutes.
 */
const RECORD_POLLS = `
local function add(key)
  local total = redis.call('HINCRBY', key, ARGV[1], tonumber(ARGV[2]))
  redis.call('PEXPIRE', key, tonumber(ARGV[4]))
  if total == tonumber(ARGV[2]) then
    for _, minute in ipairs(redis.call('HKEYS', key)) do
      if tonumber(minute) < tonumber(ARGV[5]) then redis.call('HDEL', key, minute) end
    end
  end
end
add(KEYS[1])
if ARGV[3] == '1' then add(KEYS[2]) end
-- The last two minutes, call by call (ARGV: 6 at, 7 member prefix): the next holder's rolling minute, exact.
local at = tonumber(ARGV[6])
for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[3], at, ARGV[7] .. ':' .. i) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', at - 120000)
redis.call('PEXPIRE', KEYS[3], 120000)
return 1
`;

type Reply = number[];
interface BudgetCommands {
  budgetTake(...args: Array<string | number>): Promise<Reply>;
  budgetAdmit(...args: Array<string | number>): Promise<Reply>;
  budgetCancel(...args: Array<string | number>): Promise<number>;
  budgetAcquireSlot(...args: Array<string | number>): Promise<number>;
  budgetPause(...args: Array<string | number>): Promise<number>;
  budgetPeek(...args: Array<string | number>): Promise<Reply>;
  budgetRecordPolls(...args: Array<string | number>): Promise<number>;
}

export interface RedisBudgetsOptions {
  /** The Redis of the cluster (`LEDGERLINE_STORE_URL=redis://…`). */
  url: string;
  /** Key namespace. @default "ledgerline" */
  namespace?: string;
  logger: Logger;
  /** Longest a Redis command may take before the call fails (never sent). @default 2000 */
  commandTimeoutMs?: number;
  /** Day and bucket lengths (tests shorten them). */
  dayMs?: number;
  bucketMs?: number;
}

export interface RedisBudgets {
  /** The ledger factory of one organization, for its governor. */
  ledgerFor(organizationId: string): BudgetLedgerFactory;
  /** The count of one organization's pollers' calls that every instance sees (a new poll-lease holder starts from it). */
  pollerUsage(organizationId: string): PollerUsage;
  close(): Promise<void>;
}

/** Remaining counts older than this are refreshed (in the background) when asked. */
const REMAINING_FRESH_MS = 5_000;
/** How long a waiter for a concurrency slot sleeps between tries, at first and at most. */
const SLOT_POLL_MS = [10, 100] as const;
/** A slot outlives its call's deadline by this much before another instance may take it (the holder crashed). */
const SLOT_LEASE_MARGIN_MS = 5_000;

const unreachable = (provider: string, error: unknown) =>
  new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `The cluster's shared rate budget (Redis) did not answer, so the call to ${provider} was not sent: ${(error as Error)?.message ?? error}. Try again shortly.`, {
    details: { provider, sharedBudget: "UNREACHABLE" }, cause: error,
  });

/**
 * Budgets counted in Redis, one per organization, shared by every gateway instance on that Redis:
 * Lua scripts check and record atomically, so three instances together never start more than the
 * provider's minute, day or concurrency allows. A Redis that does not answer fails the call before it
 * is sent (the instance's `/readyz` reports Redis down, so balancers move away).
 */
export function redisBudgets({ url, namespace = "ledgerline", logger, commandTimeoutMs = 2_000, dayMs = DAY_MS, bucketMs = MINUTE_MS }: RedisBudgetsOptions): RedisBudgets {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, commandTimeout: commandTimeoutMs, enableOfflineQueue: true });
  redis.on("error", (error) => logger.warn("shared budget: Redis error", { error: String(error) }));
  redis.defineCommand("budgetTake", { numberOfKeys: 4, lua: TAKE });
  redis.defineCommand("budgetAdmit", { numberOfKeys: 4, lua: ADMIT });
  redis.defineCommand("budgetCancel", { numberOfKeys: 4, lua: CANCEL });
  redis.defineCommand("budgetAcquireSlot", { numberOfKeys: 1, lua: ACQUIRE_SLOT });
  redis.defineCommand("budgetPause", { numberOfKeys: 1, lua: PAUSE });
  redis.defineCommand("budgetPeek", { numberOfKeys: 3, lua: PEEK });
  redis.defineCommand("budgetRecordPolls", { numberOfKeys: 3, lua: RECORD_POLLS });
  const commands = redis as unknown as BudgetCommands & Redis;
  const instance = randomUUID().slice(0, 8);
  let sequence = 0;
  const member = () => `${instance}:${++sequence}`;

  function ledgerFor(organizationId: string): BudgetLedgerFactory {
    // One hash tag per organization: every key a script touches lives in one slot (Redis Cluster).
    const key = (name: string) => `${namespace}:budget:{${organizationId}}:${name}`;
    const minute = key("minute"), dayBuckets = key("day:buckets"), dayCounts = key("day:counts"), paused = key("pause"), slots = key("slots");
    const interactive = key("interactive"), interactiveDayBuckets = key("interactive:day:buckets"), interactiveDayCounts = key("interactive:day:counts");
    const ofKey = (apiKeyId: string) => key(`key:${apiKeyId}`);
    return (limits: LedgerLimits): BudgetLedger => {
      const callers = callerLimitsOf(limits);
      const { provider } = limits;
      let remaining: BudgetRemaining & { at: number } = { minute: limits.perMinute, day: limits.perDay ?? null, scope: "CLUSTER", at: 0 };
      let refreshing = false;
      const note = (minuteLeft: number, dayLeft: number) => {
        remaining = { minute: Math.max(0, minuteLeft), day: dayLeft < 0 ? null : Math.max(0, dayLeft), scope: "CLUSTER", at: Date.now() };
      };
      const guard = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          throw unreachable(provider, error);
        }
      };
      const refusal = (reply: Reply): Admission => ({
        ok: false, scope: reply[1] === 1 ? "API_KEY" : "INTERACTIVE", period: reply[2] === 2 ? "day" : "minute",
        keySharePerMinute: callers.keyPerMinute, interactivePerMinute: callers.interactivePerMinute,
        ...(callers.interactivePerDay === undefined ? {} : { interactivePerDay: callers.interactivePerDay }), retryAfterMs: Math.max(1, reply[3] ?? 1),
      });
      return {
        limits,
        admit: (apiKeyId) => guard(async () => {
          const id = member();
          const reply = await commands.budgetAdmit(interactive, ofKey(apiKeyId), interactiveDayBuckets, interactiveDayCounts,
            callers.interactivePerMinute, callers.keyPerMinute, callers.interactivePerDay ?? 0, id, MINUTE_MS, dayMs, bucketMs);
          return reply[0] === 1 ? { ok: true, ticket: { apiKeyId, atMs: Number(reply[1]), member: id } } : refusal(reply);
        }),
        cancel: (ticket) => guard(async () => {
          if (!ticket.member) return;
          await commands.budgetCancel(interactive, ofKey(ticket.apiKeyId), interactiveDayBuckets, interactiveDayCounts, ticket.member, ticket.atMs, bucketMs);
        }),
        async acquireSlot(signal) {
          const holder = member();
          const leaseMs = limits.timeoutMs + SLOT_LEASE_MARGIN_MS;
          let nap: number = SLOT_POLL_MS[0];
          for (;;) {
            if (signal?.aborted) throw signal.reason;
            const got = await guard(() => commands.budgetAcquireSlot(slots, limits.maxConcurrent, holder, leaseMs));
            if (got === 1) {
              let held = true;
              return {
                release: () => {
                  if (!held) return;
                  held = false;
                  // The slot's lease frees it anyway if this never reaches Redis.
                  redis.zrem(slots, holder).catch((error: unknown) => logger.warn("shared budget: releasing a slot failed", { error: String(error) }));
                },
              };
            }
            await sleep(nap, undefined, signal ? { signal } : undefined).catch(() => { throw signal!.reason; });
            nap = Math.min(SLOT_POLL_MS[1], nap * 2);
          }
        },
        take: () => guard(async (): Promise<Turn> => {
          const reply = await commands.budgetTake(minute, dayBuckets, dayCounts, paused, limits.perMinute, limits.perDay ?? 0, member(), MINUTE_MS, dayMs, bucketMs);
          if (reply[0] === 1) {
            note(reply[1]!, reply[2]!);
            return { ok: true };
          }
          const period = reply[2] === 3 ? "paused" : reply[2] === 2 ? "day" : "minute";
          if (period === "minute") note(0, remaining.day ?? -1);
          return { ok: false, waitMs: Math.max(1, reply[1]!), period };
        }),
        pause: (ms) => guard(async () => {
          await commands.budgetPause(paused, Math.max(1, Math.ceil(ms)));
        }),
        remaining() {
          if (!refreshing && Date.now() - remaining.at > REMAINING_FRESH_MS) {
            refreshing = true;
            commands.budgetPeek(minute, dayBuckets, dayCounts, limits.perMinute, limits.perDay ?? 0, MINUTE_MS, dayMs, bucketMs)
              .then((reply) => note(reply[0]!, reply[1]!))
              .catch(() => undefined)
              .finally(() => { refreshing = false; });
          }
          const { at: _at, ...shown } = remaining;
          return shown;
        },
      };
    };
  }

  /** Minute buckets in a hash per organization (`calls`, `backfills`), each hash kept a day and two minutes after its last call. */
  function pollerUsage(organizationId: string): PollerUsage {
    const calls = `${namespace}:budget:{${organizationId}}:pollers:calls`;
    const backfills = `${namespace}:budget:{${organizationId}}:pollers:backfills`;
    const recent = `${namespace}:budget:{${organizationId}}:pollers:recent`;
    const keepMs = dayMs + 2 * bucketMs;
    const bucketsOf = (hash: Record<string, string>, since: number): UsageBucket[] =>
      Object.entries(hash).map(([start, n]) => ({ start: Number(start), calls: Number(n) })).filter((b) => b.start > since && b.calls > 0).sort((a, b) => a.start - b.start);
    return {
      record(atMs, n, backfill) {
        if (n <= 0) return;
        const bucket = Math.floor(atMs / bucketMs) * bucketMs;
        commands.budgetRecordPolls(calls, backfills, recent, bucket, n, backfill ? 1 : 0, keepMs, bucket - dayMs - bucketMs, atMs, member()).catch((error: unknown) => logger.warn("shared budget: counting the pollers' calls failed", { organizationId, error: String(error) }));
      },
      async read() {
        const since = Date.now() - dayMs - bucketMs;
        const [all, firsts, lately] = await Promise.all([redis.hgetall(calls), redis.hgetall(backfills), redis.zrange(recent, 0, -1, "WITHSCORES")]);
        const times = lately.filter((_, i) => i % 2 === 1).map(Number).filter((t) => t > Date.now() - 120_000);
        return { calls: bucketsOf(all, since), backfills: bucketsOf(firsts, since), recent: times };
      },
    };
  }

  return {
    ledgerFor,
    pollerUsage,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

import { Redis } from "ioredis";
import type { NewEvent, StoredEvent } from "../event.js";
import { createAppendSignal, compareStreamCursors, decodeCursor, encodeCursor, type EventLog } from "./event-log.js";

export interface RedisEventLogOptions {
  /** Key prefix: `<prefix>:stream`, `<prefix>:ids`, channel `<prefix>:appended`. @default "ledgerline:events" */
  prefix?: string;
  /** @default 5000 */
  connectTimeoutMs?: number;
}

/**
 * Appends one batch atomically: skips ids already in the id set, XADDs the rest (Redis assigns
 * increasing stream ids, visible in that order to every instance) and indexes each id by its
 * stream time for retention. Returns the new stream id per event, "" for a duplicate.
 */
const APPEND = `
local out = {}
for i = 1, #ARGV, 2 do
  if redis.call('ZSCORE', KEYS[2], ARGV[i]) then
    out[#out + 1] = ''
  else
    local id = redis.call('XADD', KEYS[1], '*', 'e', ARGV[i + 1])
    redis.call('ZADD', KEYS[2], tonumber(string.match(id, '^(%d+)')), ARGV[i])
    out[#out + 1] = id
  end
end
return out`;

const STREAM_ID = /^\d+-\d+$/;

/**
 * The event log as a Redis stream, shared by every gateway instance on the same Redis. A publish
 * after each append wakes the subscribers of every instance, which then read the stream after
 * their cursor (so the order of notifications never matters). Retention trims by the stream's own
 * (Redis server) append time.
 */
export async function openRedisEventLog(url: string, { prefix = "ledgerline:events", connectTimeoutMs = 5000 }: RedisEventLogOptions = {}): Promise<EventLog> {
  const options = { lazyConnect: true, connectTimeout: connectTimeoutMs, maxRetriesPerRequest: 3 };
  const redis = new Redis(url, options);
  const subscriber = new Redis(url, options);
  const stream = `${prefix}:stream`;
  const ids = `${prefix}:ids`;
  const channel = `${prefix}:appended`;
  const signal = createAppendSignal();
  try {
    await Promise.all([redis.connect(), subscriber.connect()]);
    await subscriber.subscribe(channel);
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    throw error;
  }
  subscriber.on("message", (from: string) => {
    if (from === channel) signal.notify();
  });
  const toStored = ([id, fields]: [string, string[]]): StoredEvent => ({ ...(JSON.parse(fields[1]!) as NewEvent), cursor: encodeCursor(id) });

  return {
    async append(events) {
      if (events.length === 0) return [];
      const args = events.flatMap((e) => [e.id, JSON.stringify(e)]);
      const streamIds = (await redis.eval(APPEND, 2, stream, ids, ...args)) as string[];
      const added = events.flatMap((event, i) => (streamIds[i] ? [{ ...event, cursor: encodeCursor(streamIds[i]!) }] : []));
      if (added.length > 0) {
        signal.notify();
        await redis.publish(channel, added.at(-1)!.cursor);
      }
      return added;
    },
    async readAfter(cursor, limit) {
      const start = cursor === undefined ? "-" : `(${decodeCursor(cursor, STREAM_ID)}`;
      const entries = (await redis.xrange(stream, start, "+", "COUNT", limit)) as Array<[string, string[]]>;
      return entries.map(toStored);
    },
    async head() {
      const [last] = (await redis.xrevrange(stream, "+", "-", "COUNT", 1)) as Array<[string, string[]]>;
      return last ? encodeCursor(last[0]) : undefined;
    },
    async prune(cutoff) {
      const removed = await redis.xtrim(stream, "MINID", `${cutoff.getTime()}-0`);
      await redis.zremrangebyscore(ids, "-inf", `(${cutoff.getTime()}`);
      return Number(removed);
    },
    compareCursors: compareStreamCursors,
    onAppend: (listener) => signal.listen(listener),
    async close() {
      subscriber.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

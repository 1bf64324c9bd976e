import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { NewEvent } from "../event.js";
import type { EventLog } from "./event-log.js";
import { createMemoryEventLog } from "./memory-event-log.js";
import { openRedisEventLog } from "./redis-event-log.js";
import { openSqliteEventLog } from "./sqlite-event-log.js";

const REDIS_URL = "redis://127.0.0.1:6379";

const NOW = new Date();

function event(n: number, detectedAt = NOW): NewEvent {
  return {
    id: `evt_${n}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: "org_1", provider: Provider.XERO,
    remoteId: `inv-${n}`, occurredAt: detectedAt.toISOString(), detectedAt: detectedAt.toISOString(), record: { remoteId: `inv-${n}`, total: `${n}.00` },
  };
}
const idsOf = (events: Array<{ id: string }>) => events.map((e) => e.id);

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

interface Backend {
  name: string;
  /** Opens the log; calling it again reopens the same durable log (undefined: not durable). */
  open(): Promise<EventLog>;
  durable: boolean;
  /** Retention is by the event's detectedAt (Redis trims by its own append time). */
  byDetectedAt: boolean;
  cleanup(): Promise<void>;
}

const backends: Array<() => Promise<Backend | string>> = [
  async () => {
    const log = createMemoryEventLog();
    return { name: "memory", open: async () => log, durable: false, byDetectedAt: true, cleanup: async () => undefined };
  },
  async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ledgerline-eventlog-"));
    const file = path.join(dir, "ledgerline.sqlite");
    return { name: "sqlite", open: () => openSqliteEventLog(file), durable: true, byDetectedAt: true, cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
  async () => {
    if (!(await redisReachable())) return `Redis is not reachable at ${REDIS_URL}`;
    const prefix = `ledgerline-test:${randomUUID()}`;
    return {
      name: "redis",
      open: () => openRedisEventLog(REDIS_URL, { prefix }),
      durable: true,
      byDetectedAt: false,
      async cleanup() {
        const redis = new Redis(REDIS_URL);
        await redis.del(`${prefix}:stream`, `${prefix}:ids`);
        redis.disconnect();
      },
    };
  },
];

for (const make of backends) {
  describe.sequential("event log", async () => {
    const made = await make();
    if (typeof made === "string") {
      console.warn(`skipping the Redis event log tests: ${made}`);
      it.skip("redis (unreachable)", () => undefined);
      return;
    }
    const backend = made;
    let log: EventLog;
    beforeAll(async () => {
      log = await backend.open();
    });
    afterAll(async () => {
      await log?.close();
      await backend.cleanup();
    });

    it(`${backend.name}: appends in order, reads after a cursor, reports the head`, async () => {
      expect(await log.head()).toBeUndefined();
      const added = await log.append([event(1), event(2), event(3)]);
      expect(idsOf(added)).toEqual(["evt_1", "evt_2", "evt_3"]);
      expect(new Set(added.map((e) => e.cursor)).size).toBe(3);
      expect(idsOf(await log.readAfter(undefined, 10))).toEqual(["evt_1", "evt_2", "evt_3"]);
      expect(idsOf(await log.readAfter(added[0]!.cursor, 10))).toEqual(["evt_2", "evt_3"]);
      expect(idsOf(await log.readAfter(added[0]!.cursor, 1))).toEqual(["evt_2"]);
      expect(await log.readAfter(added[2]!.cursor, 10)).toEqual([]);
      expect(await log.head()).toBe(added[2]!.cursor);
      expect((await log.readAfter(undefined, 1))[0]).toEqual({ ...event(1), cursor: added[0]!.cursor });
    });

    it(`${backend.name}: keeps one event per id, also within a batch`, async () => {
      const added = await log.append([event(2), event(4), event(4), event(3)]);
      expect(idsOf(added)).toEqual(["evt_4"]);
      expect(idsOf(await log.readAfter(undefined, 10))).toEqual(["evt_1", "evt_2", "evt_3", "evt_4"]);
      expect(await log.append([])).toEqual([]);
    });

    it(`${backend.name}: orders its cursors as the log does`, async () => {
      const added = await log.append([event(101), event(102)]);
      const [first, second] = [added[0]!.cursor, added[1]!.cursor];
      expect(log.compareCursors(first, second)).toBeLessThan(0);
      expect(log.compareCursors(second, first)).toBeGreaterThan(0);
      expect(log.compareCursors(second, second)).toBe(0);
      expect(() => log.compareCursors(first, "not-a-cursor")).toThrow(/not an event cursor/);
    });

    it(`${backend.name}: keeps a key event (no organization, no provider) whole`, async () => {
      const keyEvent: NewEvent = {
        id: "evt_key_1", type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null,
        remoteId: "whep_1", occurredAt: NOW.toISOString(), detectedAt: NOW.toISOString(), record: null, apiKeyId: "key_1",
        subject: { id: "whep_1", status: "DISABLED", disabledReason: "answered 410 Gone" },
      };
      const [added] = await log.append([keyEvent]);
      expect(added).toEqual({ ...keyEvent, cursor: expect.any(String) });
      const all = await log.readAfter(undefined, 100);
      expect(all.find((e) => e.id === "evt_key_1")).toEqual({ ...keyEvent, cursor: added!.cursor });
    });

    it(`${backend.name}: tells listeners after an append`, async () => {
      let calls = 0;
      const stop = log.onAppend(() => calls++);
      await log.append([event(5)]);
      await log.append([event(5)]);
      await expect.poll(() => calls).toBeGreaterThanOrEqual(1);
      stop();
      const before = calls;
      await log.append([event(6)]);
      expect(calls).toBe(before);
    });

    it(`${backend.name}: refuses a cursor it did not give`, async () => {
      await expect(log.readAfter("not-a-cursor", 10)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    });

    // Only the durable backends have a reopen to survive; the in-memory log is not given the case at all.
    if (backend.durable)
      it(`${backend.name}: survives a reopen: same events, same cursors, ids still unique, cursors keep growing`, async () => {
      const before = await log.readAfter(undefined, 100);
      await log.close();
      log = await backend.open();
      expect(await log.readAfter(undefined, 100)).toEqual(before);
      expect(await log.append([event(1)])).toEqual([]);
      const [seven] = await log.append([event(7)]);
      expect(idsOf(await log.readAfter(before.at(-1)!.cursor, 10))).toEqual(["evt_7"]);
      expect(await log.head()).toBe(seven!.cursor);
    });

    it(`${backend.name}: retention drops what was detected before the cutoff, and nothing else`, async () => {
      const all = await log.readAfter(undefined, 100);
      if (backend.byDetectedAt) {
        const old = new Date(Date.now() - 40 * 86_400_000);
        await log.append([event(100, old)]);
        expect(await log.prune(new Date(Date.now() - 30 * 86_400_000))).toBe(1);
        expect(idsOf(await log.readAfter(undefined, 100))).toEqual(idsOf(all));
      }
      expect(await log.prune(new Date(Date.now() - 3_600_000))).toBe(0);
      expect(await log.prune(new Date(Date.now() + 60_000))).toBe(all.length);
      expect(await log.readAfter(undefined, 100)).toEqual([]);
      const [next] = await log.append([event(8)]);
      expect(idsOf(await log.readAfter(all.at(-1)!.cursor, 10))).toEqual(["evt_8"]);
      expect(await log.head()).toBe(next!.cursor);
    });
  });
}

describe("redis event log across instances", async () => {
  const reachable = await redisReachable();
  if (!reachable) console.warn(`skipping the Redis cross-instance test: Redis is not reachable at ${REDIS_URL}`);
  it.runIf(reachable)("an append on one instance wakes the listeners of another, which read it in order", async () => {
    const prefix = `ledgerline-test:${randomUUID()}`;
    const [a, b] = await Promise.all([openRedisEventLog(REDIS_URL, { prefix }), openRedisEventLog(REDIS_URL, { prefix })]);
    try {
      let woken = 0;
      b.onAppend(() => woken++);
      await a.append([event(1), event(2)]);
      await expect.poll(() => woken).toBeGreaterThanOrEqual(1);
      expect(idsOf(await b.readAfter(undefined, 10))).toEqual(["evt_1", "evt_2"]);
      expect(await b.append([event(2)])).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      const redis = new Redis(REDIS_URL);
      await redis.del(`${prefix}:stream`, `${prefix}:ids`);
      redis.disconnect();
    }
  });
});

import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { REDIS_URL, skipWithoutRedis } from "../../test/support/redis.js";
import { silentLogger } from "../infra/logger.js";
import { createKeyValueStore, type OpenKeyValueStore } from "./create-store.js";
import { localLeases, type Leases } from "./leases.js";
import { memoryStore } from "./key-value-store.js";

describe("leases", () => {
  it("one holder at a time; only the holder releases; an expired lease passes on", async () => {
    let now = 1_000;
    const leases = localLeases(() => now);
    const first = await leases.acquire("k", 500);
    expect(first).toBeTruthy();
    expect(await leases.acquire("k", 500)).toBeUndefined();
    await leases.release("k", "someone-else");
    expect(await leases.acquire("k", 500)).toBeUndefined();
    now += 501;
    const second = await leases.acquire("k", 500);
    expect(second).toBeTruthy();
    await leases.release("k", first!.holder);
    expect(await leases.acquire("k", 500)).toBeUndefined();
    await leases.release("k", second!.holder);
    expect(await leases.acquire("k", 500)).toBeTruthy();
  });

  it("namespaces of one store share leases, keyed by their full path", async () => {
    const store = memoryStore();
    const a = store.namespace("org:1");
    expect(await a.leases.acquire("refresh", 1000)).toBeTruthy();
    expect(await store.namespace("org:1").leases.acquire("refresh", 1000)).toBeUndefined();
    expect(await store.namespace("org:2").leases.acquire("refresh", 1000)).toBeTruthy();
  });

  it("renewal extends the lease only for its holder and only before it lapsed", async () => {
    let now = 1_000;
    const leases = localLeases(() => now);
    const grant = (await leases.acquire("k", 500))!;
    expect(await leases.renew("k", "someone-else", 500)).toBe(false);
    now += 400;
    expect(await leases.renew("k", grant.holder, 500)).toBe(true);
    now += 400; // 800 ms after the grant: past its first end, within the renewed one
    expect(await leases.acquire("k", 500)).toBeUndefined();
    now += 101;
    expect(await leases.renew("k", grant.holder, 500)).toBe(false);
    expect(await leases.acquire("k", 500)).toBeTruthy();
  });

  it("fencing tokens grow with every grant, and stay above a raised floor and above the run before a restart", async () => {
    let now = 1_000;
    const leases = localLeases(() => now);
    const a = (await leases.acquire("k", 500))!;
    now += 501;
    const b = (await leases.acquire("k", 500))!;
    expect(b.fence).toBeGreaterThan(a.fence);
    await leases.release("k", b.holder);
    await leases.raiseFence("k", b.fence + 1_000);
    const c = (await leases.acquire("k", 500))!;
    expect(c.fence).toBeGreaterThan(b.fence + 1_000);
    await leases.raiseFence("k", 1); // never lowers
    await leases.release("k", c.holder);
    expect((await leases.acquire("k", 500))!.fence).toBeGreaterThan(c.fence);

    const restarted = localLeases(() => Date.now());
    const before = (await localLeases(() => Date.now() - 60_000).acquire("k", 500))!;
    expect((await restarted.acquire("k", 500))!.fence).toBeGreaterThan(before.fence);
  });
});

/** A Redis database of this file's own. */
const REDIS_DB = 13;
const skipRedis = await skipWithoutRedis("the lease tests");
const REDIS_DB_URL = `${REDIS_URL.replace(/\/\d*$/, "")}/${REDIS_DB}`;
const opened: OpenKeyValueStore[] = [];
const namespaces: string[] = [];
afterAll(async () => {
  for (const open of opened) await open.close();
  if (namespaces.length === 0) return;
  // The token counters outlive their leases (days): this run's go with it.
  const redis = new Redis(REDIS_DB_URL, { maxRetriesPerRequest: 0 });
  try {
    for (const namespace of namespaces) {
      const keys = await redis.keys(`${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
});

describe.runIf(!skipRedis)("leases on Redis", () => {
  /** Two gateway instances' views of one Redis, under a namespace of this run's own. */
  async function instances(): Promise<[Leases, Leases]> {
    const namespace = `lease-test-${randomUUID()}`;
    namespaces.push(namespace);
    const a = await createKeyValueStore(REDIS_DB_URL, { logger: silentLogger, namespace });
    const b = await createKeyValueStore(REDIS_DB_URL, { logger: silentLogger, namespace });
    opened.push(a, b);
    return [a.store.leases, b.store.leases];
  }

  it("one holder across instances; renewal only by the holder keeps it past its first end; release passes it on", async () => {
    const [a, b] = await instances();
    const grant = (await a.acquire("poll", 300))!;
    expect(grant.holder).toBeTruthy();
    expect(await b.acquire("poll", 300)).toBeUndefined();
    expect(await b.renew("poll", "someone-else", 300)).toBe(false);
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await a.renew("poll", grant.holder, 300)).toBe(true);
    }
    // 600 ms after the grant: held thanks to the renewals.
    expect(await b.acquire("poll", 300)).toBeUndefined();
    await b.release("poll", "someone-else");
    expect(await b.acquire("poll", 300)).toBeUndefined();
    await a.release("poll", grant.holder);
    const next = (await b.acquire("poll", 300))!;
    expect(next.fence).toBeGreaterThan(grant.fence);
    expect(await a.renew("poll", grant.holder, 300)).toBe(false);
  });

  it("a lapsed lease cannot be renewed and goes to the next taker with a larger token", async () => {
    const [a, b] = await instances();
    const first = (await a.acquire("poll", 100))!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await a.renew("poll", first.holder, 100)).toBe(false);
    const second = (await b.acquire("poll", 1000))!;
    expect(second.fence).toBe(first.fence + 1);
    expect(await a.renew("poll", first.holder, 1000)).toBe(false);
    expect(await b.renew("poll", second.holder, 1000)).toBe(true);
  });

  it("a raised floor lifts the next token (after a counter was lost) and never lowers it", async () => {
    const [a, b] = await instances();
    const first = (await a.acquire("poll", 1000))!;
    await a.release("poll", first.holder);
    await b.raiseFence("poll", 500);
    const second = (await b.acquire("poll", 1000))!;
    expect(second.fence).toBe(501);
    await b.release("poll", second.holder);
    await a.raiseFence("poll", 3);
    expect((await a.acquire("poll", 1000))!.fence).toBe(502);
  });
});

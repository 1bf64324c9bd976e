import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { silentLogger } from "../infra/logger.js";
import { clearGatewayKeys, REDIS_URL, skipWithoutRedis } from "../../test/support/redis.js";
import { withUpstreamCaller } from "./caller-scope.js";
import { createUpstreamGovernor, type UpstreamGovernorOptions } from "./governor.js";
import { rateLimited } from "./rate-limited.js";
import { redisBudgets, type RedisBudgets } from "./redis-budget-ledger.js";
import { localBudgetLedger, type BudgetLedger } from "./budget-ledger.js";

/**
 * Three "instances" (each its own Redis connection and governor, as three gateway processes have)
 * share one organization's budget through Redis: together they never exceed the minute, the day or
 * the concurrency, whatever the spread of calls.
 */
const DB_URL = `${REDIS_URL.replace(/\/\d*$/, "")}/6`;
const skip = await skipWithoutRedis("the shared budget tests");
const opened: RedisBudgets[] = [];
const instances = (n: number, options: { dayMs?: number; bucketMs?: number } = {}) =>
  Array.from({ length: n }, () => {
    const budgets = redisBudgets({ url: DB_URL, logger: silentLogger, ...options });
    opened.push(budgets);
    return budgets;
  });
let organizationId = "";
let counter = 0;
const governors = (budgets: RedisBudgets[], options: Partial<UpstreamGovernorOptions> = {}) =>
  budgets.map((b) => createUpstreamGovernor({ maxConcurrent: 5, perMinute: 10, timeoutMs: 1_500, provider: "Xero", ...options, ledger: b.ledgerFor(organizationId) }));
const code = (error: unknown) => (error instanceof GatewayError ? error.code : String(error));

describe.skipIf(skip)("shared budget in Redis (three instances)", () => {
  beforeEach(async () => {
    await clearGatewayKeys(DB_URL);
    organizationId = `org_budget_${process.pid}_${++counter}`;
  });
  afterAll(async () => {
    for (const budgets of opened) await budgets.close();
    await clearGatewayKeys(DB_URL);
  });

  it("lets at most perMinute calls through across all instances; the rest are refused before they are sent", async () => {
    const all = governors(instances(3));
    let sent = 0;
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => all[i % 3]!.run(async () => { sent++; })));
    expect(sent).toBe(10);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(code((r as PromiseRejectedResult).reason)).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
      expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/per-minute limit/);
    }
  });

  it("never has more than maxConcurrent calls in flight across instances", async () => {
    const all = governors(instances(3), { maxConcurrent: 2, perMinute: 100, timeoutMs: 10_000 });
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 12 }, (_, i) => all[i % 3]!.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active--;
    })));
    expect(peak).toBe(2);
  });

  it("keeps the pollers' reserve across instances: interactive calls together use only their part", async () => {
    const all = governors(instances(3), { perMinute: 10, reservedShare: 0.5, keyShare: 1 });
    let sent = 0;
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) =>
      withUpstreamCaller({ apiKeyId: `key_${i}` }, () => all[i % 3]!.run(async () => { sent++; }))));
    expect(sent).toBe(5);
    const messages = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason.message));
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message).toMatch(/Interactive requests have used their part .* \(5 calls a minute/);
    // Background work (the pollers) still finds its reserve.
    await all[0]!.run(async () => { sent++; });
    expect(sent).toBe(6);
  });

  it("holds one key to its share on every instance, and gives back calls abandoned before they were sent", async () => {
    const all = governors(instances(2), { perMinute: 20, keyShare: 0.1, reservedShare: 0.5, maxConcurrent: 1, timeoutMs: 5_000 });
    // keyShare 0.1 of 20 = 2 calls a minute for the key; interactive part 10; past its share the key borrows while 2 stay free: 8 in all.
    const key = { apiKeyId: "key_busy" };
    let sent = 0;
    for (let i = 0; i < 8; i++) await withUpstreamCaller(key, () => all[i % 2]!.run(async () => { sent++; }));
    const refused = await withUpstreamCaller(key, () => all[0]!.run(async () => { sent++; })).catch((error: unknown) => error as GatewayError);
    expect(sent).toBe(8);
    expect((refused as GatewayError).message).toMatch(/This API key has used its share/);
    // Another key still finds room, on either instance.
    await withUpstreamCaller({ apiKeyId: "key_other" }, () => all[1]!.run(async () => { sent++; }));
    expect(sent).toBe(9);

    // A call whose client leaves while it waits for the (single) slot is given back to the key's share.
    const slow = all[0]!.run(() => new Promise<void>((resolve) => setTimeout(resolve, 300)));
    const leaving = new AbortController();
    const abandoned = withUpstreamCaller({ apiKeyId: "key_third", signal: leaving.signal }, () => all[0]!.run(async () => { sent++; }));
    setTimeout(() => leaving.abort(), 50);
    await expect(abandoned).rejects.toThrow(/cancelled/);
    await slow;
    const third = { apiKeyId: "key_third" };
    // key_third's own 2 come back whole: nothing was counted for the call that never started.
    await withUpstreamCaller(third, () => all[1]!.run(async () => { sent++; }));
    expect(sent).toBe(10);
  });

  it("a provider's pause (429 with Retry-After) on one instance holds the others too", async () => {
    const [a, b] = governors(instances(2), { perMinute: 100, maxRetryWaitMs: 60_000, timeoutMs: 2_000 });
    await expect(a!.run(async () => { throw rateLimited("Xero", 120); })).rejects.toThrow(/kept rate limiting|Try again in 120 seconds/);
    let sent = false;
    await expect(b!.run(async () => { sent = true; })).rejects.toThrow(/asked for a pause/);
    expect(sent).toBe(false);
  });

  it("counts the day across instances and refuses past it, naming when room frees", async () => {
    const all = governors(instances(3), { perMinute: 100, perDay: 4 });
    let sent = 0;
    for (let i = 0; i < 4; i++) await all[i % 3]!.run(async () => { sent++; });
    const refused = await all[2]!.run(async () => { sent++; }).catch((error: unknown) => error as GatewayError);
    expect(sent).toBe(4);
    expect((refused as GatewayError).message).toMatch(/made the 4 calls to Xero allowed in 24 hours/);
    expect((refused as GatewayError).extensions.budgetPeriod).toBe("DAY");
  });

  it("answers a sequence of admissions and turns exactly as the in-process ledger does", async () => {
    const limits = { maxConcurrent: 5, perMinute: 20, perDay: 30, keyShare: 0.1, reservedShare: 0.5, timeoutMs: 1_000, provider: "Xero" };
    const [budgets] = instances(1);
    const shared = budgets!.ledgerFor(organizationId)(limits);
    const local = localBudgetLedger(limits, { now: () => new Date() });
    const script = [
      ...Array.from({ length: 4 }, () => "admit key_a"), ...Array.from({ length: 8 }, () => "admit key_b"), "admit key_c", "admit key_a",
      ...Array.from({ length: 24 }, () => "take"),
    ];
    const run = async (ledger: BudgetLedger) => {
      const answers: string[] = [];
      for (const step of script) {
        if (step === "take") {
          const turn = await ledger.take();
          answers.push(turn.ok ? "ok" : `wait:${turn.period}`);
        } else {
          const admission = await ledger.admit(step.split(" ")[1]!);
          answers.push(admission.ok ? "ok" : `refused:${admission.scope}:${admission.period}`);
        }
      }
      return answers;
    };
    const [fromRedis, fromProcess] = [await run(shared), await run(local)];
    expect(fromRedis).toEqual(fromProcess);
    expect(fromRedis).toContain("refused:API_KEY:minute");
    expect(fromRedis).toContain("wait:minute");
  });

  it("shows what is left cluster-wide on every instance", async () => {
    const budgets = instances(2);
    const factories = budgets.map((b) => b.ledgerFor(organizationId));
    const ledgers = factories.map((f) => f({ maxConcurrent: 5, perMinute: 10, perDay: 100, keyShare: 1, reservedShare: 0, timeoutMs: 1_000, provider: "Xero" }));
    for (let i = 0; i < 3; i++) expect((await ledgers[0]!.take()).ok).toBe(true);
    expect(ledgers[0]!.remaining()).toEqual({ minute: 7, day: 97, scope: "CLUSTER" });
    // The other instance has made no call: its first look starts a refresh from Redis.
    ledgers[1]!.remaining();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ledgers[1]!.remaining()).toEqual({ minute: 7, day: 97, scope: "CLUSTER" });
  });

  it("keeps the pollers' calls by minute where the next poll-lease holder reads them", async () => {
    const [a, b] = instances(2);
    const now = Date.now();
    const minute = Math.floor(now / 60_000) * 60_000;
    a!.pollerUsage(organizationId).record(now, 3, true);
    a!.pollerUsage(organizationId).record(now, 2, false);
    a!.pollerUsage(organizationId).record(now - 86_400_000 - 120_000, 7, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const history = await b!.pollerUsage(organizationId).read();
    expect(history).toMatchObject({ calls: [{ start: minute, calls: 5 }], backfills: [{ start: minute, calls: 3 }] });
    // The last two minutes call by call, at the times they were made (the old call is not among them).
    expect(history.recent).toEqual([now, now, now, now, now]);
  });

  it("keeps at most a day of the pollers' minutes in Redis, however long it runs", async () => {
    // A "day" of 1 s in buckets of 100 ms: 50 buckets' worth of calls leave at most 12 behind.
    const [budgets] = instances(1, { dayMs: 1_000, bucketMs: 100 });
    const usage = budgets!.pollerUsage(organizationId);
    const start = Math.floor(Date.now() / 100) * 100;
    for (let i = 0; i < 50; i++) usage.record(start + i * 100, 1, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const client = new Redis(DB_URL);
    const raw = await client.hgetall(`ledgerline:budget:{${organizationId}}:pollers:calls`).finally(() => client.quit());
    expect(Object.keys(raw).length).toBeLessThanOrEqual(12);
    expect(Object.keys(raw).length).toBeGreaterThan(0);
  });

  it("fails a call before it is sent when Redis does not answer, saying so", async () => {
    const closedPort = redisBudgets({ url: "redis://127.0.0.1:1/0", logger: silentLogger, commandTimeoutMs: 300 });
    opened.push(closedPort);
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 10, timeoutMs: 2_000, provider: "Xero", ledger: closedPort.ledgerFor(organizationId) });
    let sent = false;
    const error = (await governor.run(async () => { sent = true; }).catch((e: unknown) => e)) as GatewayError;
    expect(sent).toBe(false);
    expect(error.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    expect(error.message).toMatch(/shared rate budget \(Redis\) did not answer, so the call to Xero was not sent/);
  });
});

import { describe, expect, it } from "vitest";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { withUpstreamCaller } from "./caller-scope.js";
import { createUpstreamGovernor } from "./governor.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A governor on a hand-moved clock, and a provider that counts the calls that reach it. */
function setup(options: { perDay?: number; reservedShare?: number } = {}) {
  let now = Date.parse("2026-11-22T06:00:00Z");
  const clock = { now: () => new Date(now) };
  // A wait for the budget moves the hand clock (and is noted), as if that time had passed.
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    now += ms;
  };
  const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 1_000, clock, provider: "Xero", sleep, timeoutMs: 20_000, ...options });
  let upstream = 0;
  const call = () => governor.run(async () => ++upstream);
  const asKey = (apiKeyId: string) => withUpstreamCaller({ apiKeyId }, call);
  return {
    governor, call, asKey, slept,
    upstream: () => upstream,
    now: () => now,
    advance: (ms: number) => (now += ms),
  };
}

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe("upstream governor: the provider's daily limit", () => {
  it("refuses the call past perDay before it reaches the provider, saying when room frees", async () => {
    const t = setup({ perDay: 5 });
    for (let i = 0; i < 5; i++) {
      await t.call();
      t.advance(10 * MINUTE);
    }
    expect(t.upstream()).toBe(5);
    const refused = await failure(t.call());
    expect(t.upstream()).toBe(5);
    expect(refused.code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    // The first call was made 50 minutes ago: it leaves the 24 hours (with the rest of its minute) in 23 h 11 min.
    const freesInMs = DAY + MINUTE - 50 * MINUTE;
    expect(refused.extensions).toMatchObject({ provider: "Xero", retryAfterSeconds: freesInMs / 1000, budgetScope: "ORGANIZATION", budgetPeriod: "DAY", perDay: 5 });
    expect(refused.extensions.retryAt).toBe(new Date(t.now() + freesInMs).toISOString());
    expect(refused.message).toMatch(/5 calls to Xero allowed in 24 hours; room frees in 23 h 11 min/);
    expect(t.governor.stats()).toMatchObject({ calls: 5, abandoned: 1 });
  });

  it("lets calls through again as the window rolls, one for each call that ages out", async () => {
    const t = setup({ perDay: 3 });
    await t.call();
    t.advance(2 * MINUTE);
    await t.call();
    await t.call();
    const refused = await failure(t.call());
    const retryAfterMs = Number(refused.extensions.retryAfterSeconds) * 1000;
    // A minute before the time it named: still refused at once (room would open only past the call's 20 s deadline), and nothing sent.
    t.advance(retryAfterMs - MINUTE);
    expect((await failure(t.call())).extensions).toMatchObject({ budgetPeriod: "DAY" });
    expect(t.upstream()).toBe(3);
    expect(t.slept).toEqual([]);
    // 5 s before it: room opens within the deadline, so the call waits for it, as for the per-minute window, and goes.
    t.advance(MINUTE - 5_000);
    await t.call();
    expect(t.slept).toEqual([5_000]);
    expect(t.upstream()).toBe(4);
    const next = await failure(t.call());
    expect(Number(next.extensions.retryAfterSeconds)).toBe(2 * 60);
    t.advance(2 * MINUTE);
    await t.call();
    await t.call();
    expect(t.upstream()).toBe(6);
  });

  it("keeps the pollers' share of the day: interactive calls together stop at their part, background calls go on to the limit", async () => {
    const t = setup({ perDay: 10, reservedShare: 0.5 });
    for (let i = 0; i < 5; i++) await t.asKey(`key-${i % 2}`);
    const refused = await failure(t.asKey("key-2"));
    expect(refused.extensions).toMatchObject({ budgetScope: "INTERACTIVE", budgetPeriod: "DAY", interactivePerDay: 5 });
    expect(refused.message).toMatch(/daily Xero budget \(5 calls in 24 hours; the rest is kept for change detection\)/);
    expect(t.upstream()).toBe(5);
    // The pollers (no caller) still find their half of the day.
    for (let i = 0; i < 5; i++) await t.call();
    expect(t.upstream()).toBe(10);
    expect((await failure(t.call())).extensions).toMatchObject({ budgetScope: "ORGANIZATION", perDay: 10 });
    expect(t.upstream()).toBe(10);
  });

  it("without perDay, counts no day at all", async () => {
    const t = setup();
    for (let i = 0; i < 2_000; i++) {
      await t.call();
      t.advance(100);
    }
    expect(t.upstream()).toBe(2_000);
  });
});

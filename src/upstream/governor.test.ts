import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { createUpstreamGovernor } from "./governor.js";
import { rateLimited } from "./rate-limited.js";

const clock = { now: () => new Date() };
const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createUpstreamGovernor", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("never runs more than maxConcurrent calls at once", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 1000, clock });
    let active = 0;
    let peak = 0;
    const gates = Array.from({ length: 12 }, deferred);
    const runs = gates.map((gate) =>
      governor.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(active).toBe(5);
    for (const gate of gates) {
      gate.resolve();
      await vi.advanceTimersByTimeAsync(0);
    }
    await Promise.all(runs);
    expect(peak).toBe(5);
    expect(governor.stats().calls).toBe(12);
  });

  it("keeps callers inside the rolling-minute budget by waiting", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 10, perMinute: 3, clock, timeoutMs: 300_000 });
    const startedAt: number[] = [];
    const runs = Array.from({ length: 7 }, () => governor.run(async () => startedAt.push(Date.now())));
    await vi.advanceTimersByTimeAsync(0);
    expect(startedAt).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(startedAt).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(runs);
    const t0 = startedAt[0];
    expect(startedAt.map((t) => t - t0)).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
    for (let i = 3; i < startedAt.length; i++) expect(startedAt[i] - startedAt[i - 3]).toBeGreaterThanOrEqual(60_000);
    expect(governor.stats().throttledMs).toBeGreaterThan(0);
  });

  it("honours Retry-After and succeeds on a later attempt", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, provider: "Xero" });
    const attempts: number[] = [];
    const run = governor.run(async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw rateLimited("Xero", 2);
      return "ok";
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(run).resolves.toBe("ok");
    expect(attempts[1] - attempts[0]).toBe(2000);
    expect(attempts[2] - attempts[1]).toBe(2000);
    expect(governor.stats()).toEqual({ calls: 3, retries: 2, throttledMs: 4000, waiting: 0, abandoned: 0 });
  });

  it("gives up after maxRetries with PROVIDER_RATE_LIMITED and the retry-after", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, maxRetries: 2, provider: "Xero" });
    let calls = 0;
    const run = governor.run(async () => {
      calls++;
      throw rateLimited("Xero", 1);
    });
    const settled = run.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = (await settled) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    expect(error.extensions.retryAfterSeconds).toBe(1);
    expect(calls).toBe(3);
  });

  it("fails at once when Retry-After is longer than maxRetryWaitMs", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, maxRetryWaitMs: 10_000 });
    let calls = 0;
    const error = await governor
      .run(async () => {
        calls++;
        throw rateLimited("Xero", 3600);
      })
      .catch((e: GatewayError) => e);
    expect(calls).toBe(1);
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 3600 });

    const next = await governor.run(async () => calls++).catch((e: GatewayError) => e);
    expect(calls).toBe(1);
    expect((next as GatewayError).extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 3600 });
  });

  it("passes other errors straight through without retrying", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 1, perMinute: 60, clock });
    await expect(governor.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(governor.run(async () => "next")).resolves.toBe("next");
    expect(governor.stats()).toMatchObject({ calls: 2, retries: 0 });
  });
});

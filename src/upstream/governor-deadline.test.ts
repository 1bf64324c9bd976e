import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { createUpstreamGovernor, type UpstreamCallSignals } from "./governor.js";
import { rateLimited } from "./rate-limited.js";
import { withUpstreamCaller } from "./caller-scope.js";
import { createCallerAbort } from "./call-deadline.js";

const clock = { now: () => new Date() };
const never = () => new Promise<never>(() => undefined);
/** A provider call that hangs until its signal aborts, as got and axios do. */
const hangUntilAborted = (pick: (call: UpstreamCallSignals) => AbortSignal) => (call: UpstreamCallSignals) =>
  new Promise<never>((_, reject) => pick(call).addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
/** The error `promise` rejects with (a resolution fails the test). */
const failure = (promise: Promise<unknown>) => promise.then((value) => expect.unreachable(`resolved with ${String(value)}`), (error: GatewayError) => error);
const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: GatewayError) => ({ error }));

describe("the governor's deadline", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("fails a call the provider never answers at the deadline with PROVIDER_UNAVAILABLE, and aborts its request", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, provider: "Xero", timeoutMs: 20_000 });
    let seen: AbortSignal | undefined;
    const run = settle(governor.run(hangUntilAborted((call) => (seen = call.signal))));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = (await run) as { error: GatewayError };
    expect(seen?.aborted).toBe(true);
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: "Xero", timeoutSeconds: 20 });
    expect(error.message).toBe("Xero did not answer within 20 s. Try again shortly.");
  });

  it("fails the calls queued behind a hung one by their own deadline, even when the provider ignores the abort", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 1, perMinute: 60, clock, timeoutMs: 15_000 });
    const hung = settle(governor.run(never));
    let started = 0;
    const queued = Array.from({ length: 6 }, () => settle(governor.run(async () => ++started)));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(((await hung) as { error: GatewayError }).error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, timeoutSeconds: 15 });
    for (const outcome of await Promise.all(queued)) expect((outcome as { error: GatewayError }).error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, timeoutSeconds: 15 });
    expect(started).toBe(0);
    expect(governor.stats()).toMatchObject({ calls: 1, waiting: 0, abandoned: 6 });
    // The slot the hung call held is free again once its deadline passed.
    await expect(governor.run(async () => "next")).resolves.toBe("next");
  });

  it("refuses at once, with the wait, when the rolling minute has no room before the deadline", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 2, clock, timeoutMs: 20_000 });
    await governor.run(async () => 1);
    await governor.run(async () => 2);
    let started = false;
    const error = await failure(governor.run(async () => (started = true)));
    expect(started).toBe(false);
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 60 });
    // A wait that fits the deadline is waited out.
    await vi.advanceTimersByTimeAsync(45_000);
    const later = governor.run(async () => "fits");
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(later).resolves.toBe("fits");
  });

  it("does not sit out a Retry-After that ends after the deadline", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, timeoutMs: 10_000, provider: "Xero" });
    let calls = 0;
    const error = await failure(governor.run(async () => {
      calls++;
      throw rateLimited("Xero", 30);
    }));
    expect(calls).toBe(1);
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 30 });
  });
});

describe("cancellation by the caller", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("drops a queued call whose client left: it never starts and gives its place in the key's share back", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 1, perMinute: 8, clock, keyShare: 0.25, reservedShare: 0.75 });
    const client = createCallerAbort();
    const caller = { apiKeyId: "key-a", signal: client.signal };
    let release!: () => void;
    const first = governor.run(() => new Promise<string>((resolve) => (release = () => resolve("first"))));
    let started = false;
    const queued = settle(withUpstreamCaller(caller, () => governor.run(async () => (started = true))));
    await vi.advanceTimersByTimeAsync(0);
    client.abort();
    const { error } = (await queued) as { error: GatewayError };
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true });
    release();
    await first;
    expect(started).toBe(false);
    expect(governor.stats().calls).toBe(1);
    // key-a may make 2 calls a minute; the abandoned one did not count.
    const again = { apiKeyId: "key-a" };
    await withUpstreamCaller(again, () => governor.run(async () => 1));
    await withUpstreamCaller(again, () => governor.run(async () => 2));
    await expect(withUpstreamCaller(again, () => governor.run(async () => 3))).rejects.toMatchObject({ extensions: { code: ErrorCode.PROVIDER_RATE_LIMITED } });
  });

  it("aborts a read in flight when its client leaves, but lets a write already sent finish", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock, timeoutMs: 20_000 });
    const client = createCallerAbort();
    const caller = { apiKeyId: "key-a", signal: client.signal };
    let writeSignal: AbortSignal | undefined;
    let finishWrite!: () => void;
    const read = settle(withUpstreamCaller(caller, () => governor.run(hangUntilAborted((call) => call.signal))));
    const write = withUpstreamCaller(caller, () =>
      governor.run((call) => {
        writeSignal = call.deadline;
        return new Promise<string>((resolve) => (finishWrite = () => resolve("written")));
      }));
    await vi.advanceTimersByTimeAsync(0);
    client.abort();
    const { error } = (await read) as { error: GatewayError };
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true });
    expect(writeSignal?.aborted).toBe(false);
    finishWrite();
    await expect(write).resolves.toBe("written");
  });

  it("refuses a call from a client that already left without counting it", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 60, clock });
    const client = createCallerAbort();
    client.abort();
    let started = false;
    await expect(withUpstreamCaller({ apiKeyId: "k", signal: client.signal }, () => governor.run(async () => (started = true)))).rejects.toMatchObject({
      extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true },
    });
    expect(started).toBe(false);
  });
});

describe("each key's share of the organization's budget", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());
  const asKey = (governor: ReturnType<typeof createUpstreamGovernor>, apiKeyId: string) => <T>(fn: () => Promise<T>) =>
    withUpstreamCaller({ apiKeyId }, () => governor.run(fn));

  it("lets one key past its share only while a share stays free for others, refusing it at once after that", async () => {
    // 20 a minute, half kept for the pollers: 10 for interactive calls, of which each key is sure of 2.
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 20, clock, keyShare: 0.1, reservedShare: 0.5, provider: "Clientary" });
    const flood = asKey(governor, "flood");
    await flood(async () => 0);
    await vi.advanceTimersByTimeAsync(10_000);
    for (let i = 1; i < 8; i++) await flood(async () => i);
    let started = false;
    const error = await failure(flood(async () => (started = true)));
    expect(started).toBe(false);
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, retryAfterSeconds: 50, budgetScope: "API_KEY", keySharePerMinute: 2, interactivePerMinute: 10 });
    expect(error.message).toContain("This API key has used its share of this organization's Clientary budget (2 calls a minute)");
    // Another key finds its share; a third finds the interactive part used up; the pollers' reserve is untouched.
    const other = asKey(governor, "other");
    await expect(other(async () => "other 1")).resolves.toBe("other 1");
    await expect(other(async () => "other 2")).resolves.toBe("other 2");
    expect((await failure(asKey(governor, "late")(async () => "late"))).extensions).toMatchObject({ budgetScope: "INTERACTIVE" });
    for (let i = 0; i < 10; i++) await governor.run(async () => `poll ${i}`);
    expect(governor.stats().calls).toBe(20);
    // Once the minute has rolled past those calls, the flooding key may call again.
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(flood(async () => "again")).resolves.toBe("again");
  });

  it("keeps the pollers' reserve: interactive calls together stop at the rest of the budget", async () => {
    const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 4, clock, keyShare: 1, reservedShare: 0.5 });
    await asKey(governor, "a")(async () => 1);
    await asKey(governor, "b")(async () => 2);
    const error = await failure(asKey(governor, "c")(async () => 3));
    expect(error.extensions).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, budgetScope: "INTERACTIVE", interactivePerMinute: 2 });
    await governor.run(async () => "poll 1");
    await expect(governor.run(async () => "poll 2")).resolves.toBe("poll 2");
    expect(governor.stats().calls).toBe(4);
  });
});

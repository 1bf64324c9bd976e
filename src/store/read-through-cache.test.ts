import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors/index.js";
import { createCallerAbort } from "../upstream/call-deadline.js";
import { currentUpstreamCaller, SHARED_WORK_KEY, withUpstreamCaller, type UpstreamCaller } from "../upstream/caller-scope.js";
import { createUpstreamGovernor, type UpstreamCallSignals } from "../upstream/governor.js";
import { memoryStore } from "./key-value-store.js";
import { createReadThroughCache } from "./read-through-cache.js";

/** A load held open until the test lets it go; it records who it ran for and what its upstream call saw. */
function gatedLoad(value: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen: { callers: Array<UpstreamCaller | undefined>; signals: AbortSignal[]; runs: number } = { callers: [], signals: [], runs: 0 };
  const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 1_000, keyShare: 0.5 });
  /** Waits at the gate like a slow provider read, failing as a read does when its signal aborts first. */
  const upstreamRead = async ({ signal }: UpstreamCallSignals) => {
    seen.signals.push(signal);
    await Promise.race([gate, new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }))]);
    return value;
  };
  const load = () => {
    seen.runs++;
    seen.callers.push(currentUpstreamCaller());
    return governor.run(upstreamRead);
  };
  return { load, release, seen, governor };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const asCaller = <T>(apiKeyId: string, signal: AbortSignal | undefined, work: () => Promise<T>) => withUpstreamCaller({ apiKeyId, ...(signal ? { signal } : {}) }, work);

describe("createReadThroughCache: a load shared by concurrent callers", () => {
  it("answers every waiter when the caller that started it leaves mid-load, and caches the value", async () => {
    const cache = createReadThroughCache(memoryStore(), 60_000);
    const { load, release, seen } = gatedLoad("accounts");
    const first = createCallerAbort();
    const firstAnswer = asCaller("key-a", first.signal, () => cache.get("Account", load));
    await tick();
    const secondAnswer = asCaller("key-b", createCallerAbort().signal, () => cache.get("Account", load));
    await tick();
    first.abort();
    await tick();
    expect(seen.signals[0]!.aborted).toBe(false);
    release();

    await expect(secondAnswer).resolves.toBe("accounts");
    await expect(firstAnswer).resolves.toBe("accounts");
    expect(seen.runs).toBe(1);
    // The load ran as shared work, not as key-a's.
    expect(seen.callers[0]?.apiKeyId).toBe(SHARED_WORK_KEY);
    await expect(asCaller("key-c", undefined, () => cache.get("Account", () => Promise.reject(new Error("not cached"))))).resolves.toBe("accounts");
  });

  it("answers a waiter with room when the caller that started it is past its key's share", async () => {
    const cache = createReadThroughCache(memoryStore(), 60_000);
    const { load, release, governor } = gatedLoad("rates");
    // perMinute 1000, keyShare 0.5: key-spent's own 500 calls, then it may borrow only while 500 stay free for others.
    const spend = Array.from({ length: 500 }, () => asCaller("key-spent", undefined, () => governor.run(async () => 1)));
    await Promise.all(spend);
    await expect(asCaller("key-spent", undefined, () => governor.run(async () => 1))).rejects.toMatchObject({ extensions: { budgetScope: "API_KEY" } });

    const overShare = asCaller("key-spent", undefined, () => cache.get("TaxRate", load));
    const withRoom = asCaller("key-fresh", undefined, () => cache.get("TaxRate", load));
    release();
    await expect(withRoom).resolves.toBe("rates");
    await expect(overShare).resolves.toBe("rates");
  });

  it("is abandoned once every waiter has left: its upstream call is cancelled and the next caller loads afresh", async () => {
    const cache = createReadThroughCache(memoryStore(), 60_000);
    const abandoned = gatedLoad("first");
    const leaving = [createCallerAbort(), createCallerAbort()];
    const answers = leaving.map((abort, i) => asCaller(`key-${i}`, abort.signal, () => cache.get("Account", abandoned.load)).catch((e: unknown) => e));
    await tick();
    leaving[0]!.abort();
    expect(abandoned.seen.signals[0]!.aborted).toBe(false);
    leaving[1]!.abort();
    expect(abandoned.seen.signals[0]!.aborted).toBe(true);

    const fresh = gatedLoad("second");
    const later = asCaller("key-later", createCallerAbort().signal, () => cache.get("Account", fresh.load));
    fresh.release();
    await expect(later).resolves.toBe("second");
    for (const answer of answers) expect(await answer).toMatchObject({ extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true } });
    expect([abandoned.seen.runs, fresh.seen.runs]).toEqual([1, 1]);
  });

  it("is never abandoned while background work (no caller) waits for it, and stays background work when it starts it", async () => {
    const cache = createReadThroughCache(memoryStore(), 60_000);
    const { load, release, seen } = gatedLoad("profile");
    const background = cache.get("Organisation", load);
    const client = createCallerAbort();
    const interactive = asCaller("key-a", client.signal, () => cache.get("Organisation", load));
    await tick();
    client.abort();
    expect(seen.signals[0]!.aborted).toBe(false);
    release();
    await expect(background).resolves.toBe("profile");
    await expect(interactive).resolves.toBe("profile");
    expect(seen.callers).toEqual([undefined]);
  });

  it("does not cache a failed load: every waiter gets the failure and the next caller loads again", async () => {
    const cache = createReadThroughCache(memoryStore(), 60_000);
    let runs = 0;
    const failing = async () => {
      runs++;
      await tick();
      throw new Error("Xero is down");
    };
    const answers = ["key-a", "key-b"].map((key) => asCaller(key, createCallerAbort().signal, () => cache.get("Account", failing)));
    for (const answer of answers) await expect(answer).rejects.toThrow("Xero is down");
    await expect(cache.get("Account", async () => "accounts")).resolves.toBe("accounts");
    expect(runs).toBe(1);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { localLeases, type Leases } from "../../store/leases.js";
import { pollLease, type PollLease } from "./poll-lease.js";

const KEY = "triggers:poll:org_1";
const TTL_MS = 300;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leases whose renewals can be made to fail (refused, or the store not answering), counting them. */
function flakyLeases(inner: Leases = localLeases()) {
  const state = { renewals: 0, mode: "ok" as "ok" | "refuse" | "throw" };
  const leases: Leases = {
    ...inner,
    acquire: (key, ttlMs) => inner.acquire(key, ttlMs),
    release: (key, holder) => inner.release(key, holder),
    raiseFence: (key, atLeast) => inner.raiseFence(key, atLeast),
    async renew(key, holder, ttlMs) {
      state.renewals++;
      if (state.mode === "throw") throw new Error("store unreachable");
      if (state.mode === "refuse") return false;
      return inner.renew(key, holder, ttlMs);
    },
  };
  return { leases, state };
}

const made: PollLease[] = [];
function lease(leases: Leases, options: Parameters<typeof pollLease>[2] = {}): PollLease {
  const created = pollLease(leases, KEY, { ttlMs: TTL_MS, ...options });
  made.push(created);
  return created;
}
afterEach(async () => {
  for (const l of made.splice(0)) await l.release();
});

describe("pollLease", () => {
  it("one instance polls an organization; the other takes over once it is released, with a larger fencing token", async () => {
    const leases = localLeases();
    const a = lease(leases);
    const b = lease(leases);
    expect(a.fence).toBeUndefined();
    expect(a.signal.aborted, "no lease held yet: nothing may poll").toBe(true);
    expect(await a.hold()).toBe(true);
    expect(a.signal.aborted).toBe(false);
    expect(await b.hold()).toBe(false);
    expect(await a.hold()).toBe(true);
    const first = a.fence!;
    await a.release();
    expect(a.signal.aborted).toBe(true);
    expect(await b.hold()).toBe(true);
    expect(b.fence).toBeGreaterThan(first);
    expect(await a.hold()).toBe(false);
  });

  it("the heartbeat keeps the lease across a poll several times longer than the lease, whatever the poll does", async () => {
    const { leases, state } = flakyLeases();
    const a = lease(leases);
    const b = lease(leases);
    expect(await a.hold()).toBe(true);
    const fence = a.fence;
    // A poll that holds on for 3× the lease (never calling hold()); the other instance keeps asking meanwhile.
    for (let elapsed = 0; elapsed < 3 * TTL_MS; elapsed += 100) {
      await wait(100);
      expect(await b.hold()).toBe(false);
    }
    expect(state.renewals).toBeGreaterThanOrEqual(3);
    expect(a.held).toBe(true);
    expect(a.signal.aborted).toBe(false);
    expect(a.fence).toBe(fence);
  });

  it("a refused renewal loses the lease at once: hold() is false while another holds it, and the signal aborts", async () => {
    const inner = localLeases();
    const { leases, state } = flakyLeases(inner);
    const a = lease(leases);
    expect(await a.hold()).toBe(true);
    const polling = a.signal;
    state.mode = "refuse";
    await wait(TTL_MS / 3 + 50);
    expect(polling.aborted).toBe(true);
    expect(a.held).toBe(false);
    // Another instance takes the key once it lapsed in the store.
    await wait(TTL_MS);
    const other = pollLease(inner, KEY, { ttlMs: 10_000 });
    made.push(other);
    expect(await other.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
  });

  it("renewals that throw keep the lease until a whole lease length passed without one, then lose it", async () => {
    const { leases, state } = flakyLeases();
    const a = lease(leases);
    expect(await a.hold()).toBe(true);
    const polling = a.signal;
    state.mode = "throw";
    await wait(TTL_MS / 2);
    expect(polling.aborted, "one failed renewal is not a lost lease").toBe(false);
    await wait(TTL_MS);
    expect(polling.aborted).toBe(true);
    expect(a.held).toBe(false);
  });

  it("a process that paused past the lease (no heartbeat ran) counts it lost as it resumes", async () => {
    let now = 0;
    const leases = localLeases(() => now);
    const a = pollLease(leases, KEY, { ttlMs: 10_000, now: () => now });
    made.push(a);
    expect(await a.hold()).toBe(true);
    const polling = a.signal;
    now = 10_000;
    expect(a.held).toBe(false);
    expect(polling.aborted).toBe(true);
  });

  it("shutdown aborts the signal; release stops the heartbeat", async () => {
    const { leases, state } = flakyLeases();
    const stop = new AbortController();
    const a = lease(leases, { signal: stop.signal });
    expect(await a.hold()).toBe(true);
    stop.abort();
    expect(a.signal.aborted).toBe(true);
    await a.release();
    const renewals = state.renewals;
    await wait(TTL_MS);
    expect(state.renewals).toBe(renewals);
    expect(await a.hold(), "a stopped loop takes no lease").toBe(false);
  });

  it("fenced out by a later holder's token: the lease is let go, and the next one taken gets a token above it", async () => {
    const leases = localLeases();
    const a = lease(leases);
    expect(await a.hold()).toBe(true);
    const polling = a.signal;
    const stored = a.fence! + 1_000;
    await a.fencedOut(stored);
    expect(polling.aborted).toBe(true);
    expect(a.held).toBe(false);
    expect(await a.hold()).toBe(true);
    expect(a.fence).toBeGreaterThan(stored);
  });

  it("with the store unreachable, stops polling before the lease can pass to another instance (never two holders)", async () => {
    const { leases, state } = flakyLeases();
    const a = lease(leases);
    const b = lease(leases);
    expect(await a.hold()).toBe(true);
    state.mode = "throw";
    let abortedAt: number | undefined;
    a.signal.addEventListener("abort", () => (abortedAt = Date.now()), { once: true });
    const startedAt = Date.now();
    // B keeps asking; the first moment it holds the lease, A must already have stopped.
    for (;;) {
      if (await b.hold()) break;
      await wait(5);
      expect(Date.now() - startedAt).toBeLessThan(TTL_MS * 4);
    }
    const tookOverAt = Date.now();
    expect(abortedAt, "A stopped polling").toBeDefined();
    expect(abortedAt!).toBeLessThanOrEqual(tookOverAt);
    expect(a.held).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { localLeases } from "./leases.js";
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
    await leases.release("k", first!);
    expect(await leases.acquire("k", 500)).toBeUndefined();
    await leases.release("k", second!);
    expect(await leases.acquire("k", 500)).toBeTruthy();
  });

  it("namespaces of one store share leases, keyed by their full path", async () => {
    const store = memoryStore();
    const a = store.namespace("org:1");
    expect(await a.leases.acquire("refresh", 1000)).toBeTruthy();
    expect(await store.namespace("org:1").leases.acquire("refresh", 1000)).toBeUndefined();
    expect(await store.namespace("org:2").leases.acquire("refresh", 1000)).toBeTruthy();
  });
});

import { describe, expect, it } from "vitest";
import { localLeases } from "../../store/leases.js";
import { pollLease } from "./poll-lease.js";

describe("pollLease", () => {
  it("one instance polls an organization; it keeps the lease by renewing it; another takes over once it is released or lapses", async () => {
    let now = 0;
    const leases = localLeases(() => now);
    const a = pollLease(leases, "triggers:poll:org_1", 60_000, () => now);
    const b = pollLease(leases, "triggers:poll:org_1", 60_000, () => now);
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    now = 50_000;
    expect(await a.hold()).toBe(true);
    now = 100_000;
    expect(await b.hold()).toBe(false);
    expect(await a.hold()).toBe(true);
    await a.release();
    expect(await b.hold()).toBe(true);
    now = 200_000;
    expect(await a.hold()).toBe(true);
  });
});

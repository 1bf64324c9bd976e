import { describe, expect, it } from "vitest";
import { callsPerMinute, dailyRatePerMinute, planDailyPace, type PollCost } from "./daily-pace.js";

const MINUTE = 60_000;
const RECONCILE = 15 * MINUTE;
const callsOf = (kinds: Array<{ cost: PollCost; periodMs: number }>, stretch: number, reconcileMs: number) =>
  kinds.reduce((sum, k) => sum + callsPerMinute(k.cost, k.periodMs * stretch, reconcileMs), 0);

describe("daily pace", () => {
  it("counts a kind read incrementally as its reads plus a full listing every reconcile interval", () => {
    const cost: PollCost = { incremental: 1, full: 4, fallback: 1, readsIncrementally: true };
    expect(callsPerMinute(cost, MINUTE, RECONCILE)).toBeCloseTo(1 + 3 / 15);
    // Polls further apart than the reconcile interval: every one is a full listing.
    expect(callsPerMinute(cost, 30 * MINUTE, RECONCILE)).toBeCloseTo(4 / 30);
    // A kind listed in full every time.
    expect(callsPerMinute({ full: 4, fallback: 1, readsIncrementally: false }, 2 * MINUTE, RECONCILE)).toBeCloseTo(2);
  });

  it("plans 95% of the day's share, less what a backfill spent", () => {
    expect(dailyRatePerMinute(2_500, 0)).toBeCloseTo((2_500 * 0.95) / 1_440);
    expect(dailyRatePerMinute(2_500, 375)).toBeCloseTo(2_000 / 1_440);
    expect(dailyRatePerMinute(25, 100)).toBe(0);
  });

  it("leaves the schedule alone while it fits, and stretches every period alike when it does not", () => {
    const kinds = [
      { cost: { fallback: 1, readsIncrementally: true }, periodMs: 10_000 },
      { cost: { fallback: 1, readsIncrementally: true }, periodMs: 60_000 },
      { cost: { fallback: 1, readsIncrementally: false }, periodMs: 120_000 },
    ];
    expect(planDailyPace(kinds, 30, RECONCILE)).toEqual({ stretch: 1, reconcileMs: RECONCILE });
    const plan = planDailyPace(kinds, 1.5, RECONCILE);
    expect(plan.reconcileMs).toBe(RECONCILE);
    expect(plan.stretch).toBeGreaterThan(1);
    expect(callsOf(kinds, plan.stretch, plan.reconcileMs)).toBeLessThanOrEqual(1.5);
    expect(callsOf(kinds, plan.stretch * 0.99, plan.reconcileMs)).toBeGreaterThan(1.5);
  });

  it("spreads expensive full listings apart first, so that the cheap incremental reads go on", () => {
    const kinds = [
      { cost: { incremental: 1, full: 400, fallback: 1, readsIncrementally: true }, periodMs: 10_000 },
      { cost: { incremental: 1, full: 1, fallback: 1, readsIncrementally: true }, periodMs: 10_000 },
    ];
    const plan = planDailyPace(kinds, 1.6, RECONCILE);
    // 399 extra calls a listing within half of 1.6 calls a minute: one listing every 499 minutes at most.
    expect(plan.reconcileMs).toBeGreaterThanOrEqual(Math.ceil((399 / 0.8) * MINUTE) - 1);
    expect(callsOf(kinds, plan.stretch, plan.reconcileMs)).toBeLessThanOrEqual(1.6);
    // Each kind's incremental read still every few minutes, not hours.
    expect(10_000 * plan.stretch).toBeLessThan(5 * MINUTE);
  });

  it("with nothing left to spend, stretches the shortest period to a day (the ceiling holds the rest)", () => {
    const plan = planDailyPace([{ cost: { fallback: 1 }, periodMs: 10_000 }], 0, RECONCILE);
    expect(plan.stretch * 10_000).toBe(24 * 60 * MINUTE);
  });
});

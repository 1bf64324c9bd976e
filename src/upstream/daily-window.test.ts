import { describe, expect, it } from "vitest";
import { createBucketedWindow, createDailyWindow, DAY_MS } from "./daily-window.js";

const T0 = Date.parse("2026-11-22T06:00:00Z");
const MINUTE = 60_000;

describe("bucketed daily window", () => {
  it("counts calls for 24 hours (and up to the end of their minute), then lets them go", () => {
    const window = createBucketedWindow();
    window.add(T0 + 10_000, 3);
    window.add(T0 + 50_000, 2);
    window.add(T0 + 5 * MINUTE, 4);
    expect(window.used(T0 + 5 * MINUTE)).toBe(9);
    // A call is never forgotten before 24 hours have passed since it was made.
    expect(window.used(T0 + 50_000 + DAY_MS - 1)).toBe(9);
    // The first minute's calls go once that whole minute is more than 24 hours old.
    expect(window.used(T0 + MINUTE + DAY_MS)).toBe(4);
    expect(window.used(T0 + 6 * MINUTE + DAY_MS)).toBe(0);
  });

  it("says when room opens: when the oldest calls that must go have aged out", () => {
    const window = createBucketedWindow();
    window.add(T0, 5);
    window.add(T0 + 30 * MINUTE, 5);
    expect(window.roomAt(T0 + 31 * MINUTE, 10)).toBe(T0 + 31 * MINUTE);
    expect(window.roomAt(T0 + 31 * MINUTE, 7)).toBe(T0 + MINUTE + DAY_MS);
    expect(window.roomAt(T0 + 31 * MINUTE, 2)).toBe(T0 + 31 * MINUTE + DAY_MS);
  });

  it("takes back calls that never happened", () => {
    const window = createBucketedWindow();
    window.add(T0, 3);
    window.remove(T0 + 1_000, 2);
    window.remove(T0 + 10 * MINUTE, 5);
    expect(window.used(T0 + 2_000)).toBe(1);
  });

  it("holds one counter per minute at most, however many calls (a 100-million-a-day sandbox)", () => {
    const window = createBucketedWindow();
    let now = T0;
    for (let i = 0; i < 3 * 24 * 60 * 4; i++, now += 15_000) window.add(now, 20_000);
    expect(window.used(now)).toBeGreaterThanOrEqual(24 * 60 * 4 * 20_000);
    expect(window.buckets()).toBeLessThanOrEqual(24 * 60 + 1);
  });

  it("as a rolling window of a daily limit: waits until the call that frees room ages out", () => {
    const window = createDailyWindow(3);
    window.record(T0);
    window.record(T0 + 2 * MINUTE);
    expect(window.waitMs(T0 + 3 * MINUTE)).toBe(0);
    window.record(T0 + 3 * MINUTE);
    expect(window.size(T0 + 3 * MINUTE)).toBe(3);
    expect(window.waitMs(T0 + 3 * MINUTE)).toBe(DAY_MS - 2 * MINUTE);
    expect(window.waitMs(T0 + MINUTE + DAY_MS)).toBe(0);
    window.forget(T0 + 3 * MINUTE);
    expect(window.waitMs(T0 + 3 * MINUTE)).toBe(0);
  });
});

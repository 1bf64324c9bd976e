import { afterEach, describe, expect, it, vi } from "vitest";
import { createPacedLoop, weightedPick } from "./sandbox-activity.js";

describe("sandbox activity kit", () => {
  afterEach(() => vi.useRealTimers());

  it("picks by weight: each item owns its share of [0, 1)", () => {
    const items = [{ id: "a", weight: 1 }, { id: "b", weight: 3 }];
    const pick = (roll: number) => weightedPick(items, (i) => i.weight, roll).id;
    expect([0, 0.24, 0.25, 0.99].map(pick)).toEqual(["a", "a", "b", "b"]);
    expect(() => weightedPick([], () => 1, 0.5)).toThrow(RangeError);
  });

  it("steps at its pace until stopped, and a failing step does not stop it", () => {
    vi.useFakeTimers();
    let steps = 0;
    const errors: unknown[] = [];
    const loop = createPacedLoop(() => {
      steps++;
      if (steps === 2) throw new Error("refused");
    }, (e) => errors.push(e));
    loop.start(100);
    expect(loop.running).toBe(true);
    vi.advanceTimersByTime(350);
    expect(steps).toBe(3);
    expect(errors).toHaveLength(1);
    loop.stop();
    vi.advanceTimersByTime(1_000);
    expect(steps).toBe(3);
    expect(loop.running).toBe(false);
  });
});

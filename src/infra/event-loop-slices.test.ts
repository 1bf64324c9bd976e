import { describe, expect, it } from "vitest";
import { mapInSlices } from "./event-loop-slices.js";

describe("mapInSlices", () => {
  it("maps like Array.map, in order, with the index", async () => {
    expect(await mapInSlices(["a", "b", "c"], (s, i) => `${s}${i}`)).toEqual(["a0", "b1", "c2"]);
    expect(await mapInSlices([], () => 1)).toEqual([]);
  });

  it("lets other work run between slices of a long loop, and never inside a short one", async () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let ranBetween = 0;
    const other = setInterval(() => ranBetween++, 0);
    try {
      // 20 items of 2 ms with 5 ms slices: the interval gets turns while the loop is under way.
      const interleaved: number[] = [];
      await mapInSlices(Array.from({ length: 20 }, (_, i) => i), (i) => {
        busy(2);
        interleaved.push(ranBetween);
        return i;
      }, 5);
      expect(interleaved[interleaved.length - 1]).toBeGreaterThan(interleaved[0]!);
      // A slice longer than the whole loop: no turn is given.
      const before = ranBetween;
      const seen: number[] = [];
      await mapInSlices([1, 2, 3], () => seen.push(ranBetween), 10_000);
      expect(new Set(seen).size).toBe(1);
      expect(seen[0]).toBe(before);
    } finally {
      clearInterval(other);
    }
  });
});

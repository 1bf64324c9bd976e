import { describe, expect, it } from "vitest";
import { DAFTRA_MAX_LIMIT, planWindow } from "./paging.js";

describe("planWindow", () => {
  it.each([
    [0, 20, { pages: [1], limit: 20, skip: 0 }],
    [17, 30, { pages: [1], limit: 47, skip: 17 }],
    [0, 1000, { pages: [1], limit: 1000, skip: 0 }],
    [1000, 1000, { pages: [2], limit: 1000, skip: 0 }],
    [1, 1000, { pages: [1, 2], limit: 1000, skip: 1 }],
    [500, 2500, { pages: [1, 2, 3], limit: 1000, skip: 500 }],
  ])("offset %i count %i → %j", (offset, count, expected) => {
    expect(planWindow(offset, count)).toEqual(expected);
  });

  it("covers every window exactly, never asking for more than Daftra's largest limit", () => {
    for (let offset = 0; offset < 5000; offset += 97) {
      for (const count of [1, 20, 200, 999, 1000, 1500]) {
        const { pages, limit, skip } = planWindow(offset, count);
        expect(limit).toBeLessThanOrEqual(DAFTRA_MAX_LIMIT);
        expect((pages[0]! - 1) * limit + skip).toBe(offset);
        expect(pages.at(-1)! * limit).toBeGreaterThanOrEqual(offset + count);
        expect(pages.at(-1)! * limit - limit).toBeLessThan(offset + count);
        if (count <= DAFTRA_MAX_LIMIT) expect(pages.length).toBeLessThanOrEqual(2);
      }
    }
  });
});

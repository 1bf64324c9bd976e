import { describe, expect, it } from "vitest";
import { planPages } from "./page-plan.js";

describe("planPages", () => {
  it.each([
    [0, 30, { pageSize: 30, pages: [1], skip: 0 }],
    [30, 30, { pageSize: 30, pages: [2], skip: 0 }],
    [17, 30, { pageSize: 47, pages: [1], skip: 17 }],
    [250, 100, { pageSize: 100, pages: [3, 4], skip: 50 }],
    [0, 100, { pageSize: 100, pages: [1], skip: 0 }],
    [0, 250, { pageSize: 100, pages: [1, 2, 3], skip: 0 }],
  ])("offset %i first %i → %j", (offset, first, expected) => {
    expect(planPages(offset, first)).toEqual(expected);
  });

  it("covers every window exactly, with pages of at most 100", () => {
    for (let offset = 0; offset < 2000; offset += 23) {
      for (const first of [1, 7, 20, 50, 99, 100, 150]) {
        const { pageSize, pages, skip } = planPages(offset, first);
        expect(pageSize).toBeLessThanOrEqual(100);
        expect((pages[0]! - 1) * pageSize + skip).toBe(offset);
        expect(pages.at(-1)! * pageSize).toBeGreaterThanOrEqual(offset + first);
        if (first <= 50) expect(pages).toHaveLength(1);
      }
    }
  });
});

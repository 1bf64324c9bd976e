import { describe, expect, it } from "vitest";
import { planFixedPages, planPages } from "./paging.js";

/** Every plan must cover exactly the window it was asked for. */
function covered(plan: { pageSize: number; pages: number[]; skip: number }) {
  const start = (plan.pages[0] - 1) * plan.pageSize + plan.skip;
  const end = plan.pages[plan.pages.length - 1] * plan.pageSize;
  return { start, end };
}

describe("planPages", () => {
  it.each([
    [0, 50, { pageSize: 50, pages: [1], skip: 0 }],
    [50, 50, { pageSize: 50, pages: [2], skip: 0 }],
    [30, 50, { pageSize: 80, pages: [1], skip: 30 }],
    [100, 25, { pageSize: 25, pages: [5], skip: 0 }],
    [5010, 50, { pageSize: 55, pages: [92], skip: 5 }],
    [0, 1000, { pageSize: 1000, pages: [1], skip: 0 }],
    [1, 1000, { pageSize: 1000, pages: [1, 2], skip: 1 }],
  ])("offset %i first %i → %j", (offset, first, expected) => {
    expect(planPages(offset, first)).toEqual(expected);
  });

  it("always covers the window with at most two pages", () => {
    for (let offset = 0; offset < 3000; offset += 37) {
      for (const first of [1, 7, 20, 50, 100, 333]) {
        const plan = planPages(offset, first);
        const { start, end } = covered(plan);
        expect(start).toBe(offset);
        expect(end).toBeGreaterThanOrEqual(offset + first);
        expect(plan.pages.length).toBeLessThanOrEqual(2);
        expect(plan.pageSize).toBeLessThanOrEqual(1000);
      }
    }
  });
});

describe("planFixedPages", () => {
  it.each([
    [0, 20, { pageSize: 100, pages: [1], skip: 0 }],
    [90, 20, { pageSize: 100, pages: [1, 2], skip: 90 }],
    [80, 20, { pageSize: 100, pages: [1], skip: 80 }],
    [0, 100, { pageSize: 100, pages: [1], skip: 0 }],
    [100, 100, { pageSize: 100, pages: [2], skip: 0 }],
    [250, 100, { pageSize: 100, pages: [3, 4], skip: 50 }],
    [0, 500, { pageSize: 100, pages: [1, 2, 3, 4, 5], skip: 0 }],
  ])("offset %i first %i → %j", (offset, first, expected) => {
    expect(planFixedPages(offset, first)).toEqual(expected);
  });

  it("covers every window with exactly the pages that hold it", () => {
    for (let offset = 0; offset < 1500; offset += 29) {
      for (const first of [1, 20, 99, 100, 101, 250, 1000]) {
        const plan = planFixedPages(offset, first);
        const { start, end } = covered(plan);
        expect(start).toBe(offset);
        expect(end).toBeGreaterThanOrEqual(offset + first);
        expect(end - 100).toBeLessThan(offset + first);
      }
    }
  });
});

describe("planPages beyond Xero's maximum", () => {
  it("covers a window larger than 1000 with consecutive pages of 1000", () => {
    expect(planPages(500, 2000)).toEqual({ pageSize: 1000, pages: [1, 2, 3], skip: 500 });
  });
});

import { describe, expect, it } from "vitest";
import { dueDateFromTerms } from "./terms.js";

describe("dueDateFromTerms", () => {
  it.each([
    ["DAYSAFTERBILLDATE", 30, "2026-01-15", "2026-02-14"],
    ["DAYSAFTERBILLMONTH", 10, "2026-01-15", "2026-02-10"],
    ["OFCURRENTMONTH", 31, "2026-02-03", "2026-02-28"],
    ["OFFOLLOWINGMONTH", 20, "2026-12-05", "2027-01-20"],
  ] as const)("%s %i from %s is %s", (Type, Day, date, due) => {
    expect(dueDateFromTerms({ Type, Day }, date)).toBe(due);
  });
});

import { describe, expect, it } from "vitest";
import { comparisonPeriods, shiftMonths } from "./periods.js";
import { ReportTimeframe } from "../../schema/report/report-enums.js";

describe("report periods", () => {
  it.each([
    ["2026-03-31", -1, "2026-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2026-02-28", -1, "2026-01-31"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-05-31", -3, "2026-02-28"],
    ["2026-10-01", -12, "2025-10-01"],
    ["2026-01-30", 1, "2026-02-28"],
  ])("shiftMonths(%s, %i) = %s", (date, months, expected) => {
    expect(shiftMonths(date, months)).toBe(expected);
  });

  it("walks comparison periods back one timeframe each", () => {
    expect(comparisonPeriods({ fromDate: "2026-10-01", toDate: "2026-10-31", timeframe: "MONTH" as never }, ["Oct", "Sep", "Aug"])).toEqual([
      { label: "Oct", fromDate: "2026-10-01", toDate: "2026-10-31" },
      { label: "Sep", fromDate: "2026-09-01", toDate: "2026-09-30" },
      { label: "Aug", fromDate: "2026-08-01", toDate: "2026-08-31" },
    ]);
    expect(comparisonPeriods({ toDate: "2026-12-31", timeframe: "QUARTER" as never }, ["", "x"])).toEqual([
      { label: "2026-12-31", fromDate: null, toDate: "2026-12-31" },
      { label: "x", fromDate: null, toDate: "2026-09-30" },
    ]);
  });
});

describe("comparisonPeriods without labels", () => {
  it("labels each column with its own end date", () => {
    const periods = comparisonPeriods({ toDate: "2026-06-30", timeframe: ReportTimeframe.QUARTER }, ["", "", ""]);
    expect(periods.map((p) => p.label)).toEqual(["2026-06-30", "2026-03-31", "2025-12-31"]);
  });
});

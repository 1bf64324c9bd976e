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

  it("walks comparison periods back one timeframe each, one label format for every provider", () => {
    expect(comparisonPeriods({ fromDate: "2026-10-01", toDate: "2026-10-31", timeframe: ReportTimeframe.MONTH }, 3)).toEqual([
      { label: "Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-31" },
      { label: "Sep 2026", fromDate: "2026-09-01", toDate: "2026-09-30" },
      { label: "Aug 2026", fromDate: "2026-08-01", toDate: "2026-08-31" },
    ]);
    expect(comparisonPeriods({ fromDate: "2026-07-01", toDate: "2026-09-30", timeframe: ReportTimeframe.QUARTER }, 2)).toEqual([
      { label: "1 Jul 2026 – 30 Sep 2026", fromDate: "2026-07-01", toDate: "2026-09-30" },
      { label: "1 Apr 2026 – 30 Jun 2026", fromDate: "2026-04-01", toDate: "2026-06-30" },
    ]);
    expect(comparisonPeriods({ fromDate: "2026-10-01", toDate: "2026-10-15", timeframe: ReportTimeframe.MONTH }, 1)).toEqual([
      { label: "1 Oct 2026 – 15 Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-15" },
    ]);
  });

  it("never overlaps columns when the period does not start on the 1st", () => {
    expect(comparisonPeriods({ fromDate: "2026-01-29", toDate: "2026-02-28", timeframe: ReportTimeframe.MONTH }, 3).map((p) => [p.fromDate, p.toDate])).toEqual([
      ["2026-01-29", "2026-02-28"],
      ["2025-12-29", "2026-01-28"],
      ["2025-11-29", "2025-12-28"],
    ]);
  });

  it("gives a balance column the span since the next older column", () => {
    expect(comparisonPeriods({ toDate: "2026-12-31", timeframe: ReportTimeframe.QUARTER }, 2)).toEqual([
      { label: "31 Dec 2026", fromDate: "2026-10-01", toDate: "2026-12-31" },
      { label: "30 Sep 2026", fromDate: "2026-07-01", toDate: "2026-09-30" },
    ]);
    expect(comparisonPeriods({ toDate: "2024-03-31", timeframe: ReportTimeframe.MONTH }, 2).map((p) => [p.fromDate, p.toDate])).toEqual([
      ["2024-03-01", "2024-03-31"],
      ["2024-02-01", "2024-02-29"],
    ]);
    expect(comparisonPeriods({ toDate: "2026-09-15", timeframe: ReportTimeframe.YEAR }, 1)).toEqual([
      { label: "15 Sep 2026", fromDate: "2025-09-16", toDate: "2026-09-15" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { financialYearEndIn, financialYearStart } from "./calendar.js";
import { financialYearStart as sandboxYearStart } from "../../../connectors/xero/sandbox/books/dates.js";

describe("financial years", () => {
  it.each([
    // [date, year end (month, day), first day of its financial year]
    ["2026-09-30", [12, 31], "2026-01-01"],
    ["2026-06-30", [6, 30], "2025-07-01"],
    ["2026-07-01", [6, 30], "2026-07-01"],
    // A 28 February year end is the last day of February: 29 Feb 2024 closes the year that began 1 Mar 2023.
    ["2024-02-29", [2, 28], "2023-03-01"],
    ["2024-02-28", [2, 28], "2023-03-01"],
    ["2024-03-01", [2, 28], "2024-03-01"],
    ["2025-02-28", [2, 28], "2024-03-01"],
    ["2024-02-29", [2, 29], "2023-03-01"],
    ["2025-03-01", [2, 29], "2025-03-01"],
  ] as const)("%s with year end %j starts on %s (engine and Xero sandbox agree)", (date, [month, day], start) => {
    expect(financialYearStart(date, { month, day })).toBe(start);
    expect(sandboxYearStart(date, day, month)).toBe(start);
    expect(financialYearStart(date, { month, day }) <= date).toBe(true);
  });

  it("names the year's last day", () => {
    expect(financialYearEndIn(2024, { month: 2, day: 28 })).toBe("2024-02-29");
    expect(financialYearEndIn(2025, { month: 2, day: 28 })).toBe("2025-02-28");
    expect(financialYearEndIn(2026, { month: 9, day: 31 })).toBe("2026-09-30");
  });
});

import { describe, expect, it } from "vitest";
import type { ReportLine, ReportPeriod, ReportSection } from "../../schema/report/report.type.js";
import { allChecksPassed, balanceSheetChecks, profitAndLossChecks, sectionTotalChecks } from "./checks.js";

const periods: ReportPeriod[] = [
  { label: "Oct 2026", fromDate: "2026-10-01", toDate: "2026-10-31" },
  { label: "Sep 2026", fromDate: "2026-09-01", toDate: "2026-09-30" },
];
const line = (name: string, ...amounts: string[]): ReportLine => ({ name, amounts });
const section = (key: string, title: string, total: string[], lines: ReportLine[], sections: ReportSection[] = []): ReportSection => ({
  key, title, total, lines, sections,
});

const pnl = (incomeTotal = ["300.10", "200.00"]) => [
  section("INCOME", "Income", incomeTotal, [line("Sales", "300.00", "150.00"), line("Interest", "0.10", "50.00")]),
  section("COST_OF_SALES", "Cost of Sales", ["100.00", "20.00"], [line("Purchases", "100.00", "20.00")]),
  section("OTHER_INCOME", "Other Income", ["10.00", "0.00"], [line("Grants", "10.00", "0.00")]),
  section("OPERATING_EXPENSES", "Operating Expenses", ["50.05", "30.00"], [line("Rent", "50.05", "30.00")]),
];

describe("report checks", () => {
  it("passes a consistent P&L and states zero differences", () => {
    const checks = profitAndLossChecks(pnl(), periods, { grossProfit: ["200.10", "180.00"], netProfit: ["160.05", "150.00"] });
    expect(checks.map((c) => c.name)).toEqual([
      "SECTION_TOTAL:INCOME", "SECTION_TOTAL:COST_OF_SALES", "SECTION_TOTAL:OTHER_INCOME", "SECTION_TOTAL:OPERATING_EXPENSES",
      "GROSS_PROFIT", "NET_PROFIT",
    ]);
    expect(allChecksPassed(checks)).toBe(true);
    expect(checks[4].difference).toEqual(["0.00", "0.00"]);
  });

  it("names the failing section and period when a total does not add up", () => {
    const checks = profitAndLossChecks(pnl(["300.11", "200.00"]), periods);
    const failed = checks.filter((c) => !c.passed);
    expect(failed.map((c) => c.name)).toEqual(["SECTION_TOTAL:INCOME"]);
    expect(failed[0].difference).toEqual(["0.01", "0.00"]);
    expect(failed[0].message).toContain("'Income' (INCOME)");
    expect(failed[0].message).toContain("0.01 in 'Oct 2026'");
    expect(allChecksPassed(checks)).toBe(false);
  });

  it("fails net profit when the stated figure disagrees with the sections", () => {
    const checks = profitAndLossChecks(pnl(), periods, { netProfit: ["160.05", "149.99"] });
    const net = checks.find((c) => c.name === "NET_PROFIT")!;
    expect(net.passed).toBe(false);
    expect(net.difference).toEqual(["0.00", "-0.01"]);
    expect(net.message).toContain("'Sep 2026'");
  });

  it("checks nested sections and the balance sheet equation exactly", () => {
    const assets = section("ASSETS", "Assets", ["1000.30", "900.00"], [], [
      section("BANK", "Bank", ["600.10", "500.00"], [line("Cheque", "600.10", "500.00")]),
      section("CURRENT_ASSETS", "Current Assets", ["400.20", "400.00"], [line("Debtors", "400.20", "400.00")]),
    ]);
    const liabilities = section("LIABILITIES", "Liabilities", ["300.10", "300.00"], [], [
      section("CURRENT_LIABILITIES", "Current Liabilities", ["300.10", "300.00"], [line("GST", "300.10", "300.00")]),
    ]);
    const equity = section("EQUITY", "Equity", ["700.20", "600.00"], [line("Retained", "700.20", "600.00")]);
    const good = balanceSheetChecks([assets, liabilities, equity], periods);
    expect(allChecksPassed(good)).toBe(true);
    expect(good.map((c) => c.name)).toContain("SECTION_TOTAL:BANK");

    const skewed = { ...equity, total: ["700.20", "600.01"], lines: [line("Retained", "700.20", "600.01")] };
    const bad = balanceSheetChecks([assets, liabilities, skewed], periods);
    const equation = bad.find((c) => c.name === "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY")!;
    expect(equation.passed).toBe(false);
    expect(equation.difference).toEqual(["0.00", "-0.01"]);
    expect(equation.message).toContain("'Equity' (EQUITY)");
  });

  it("adds without binary floating point error", () => {
    const s = section("INCOME", "Income", ["0.30"], [line("a", "0.10"), line("b", "0.20")]);
    expect(sectionTotalChecks([s], periods.slice(0, 1))[0].passed).toBe(true);
  });
});

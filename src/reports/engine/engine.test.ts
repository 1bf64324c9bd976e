import { describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { ReportSection } from "../../../schema/report/report.type.js";
import { profitAndLossChecks } from "../checks.js";
import { computeBalanceSheet, computeProfitAndLoss } from "./index.js";
import { CTX, entry, handLedger, sale } from "./testing/hand-ledger.js";

const { MONTH, QUARTER, YEAR } = ReportTimeframe;
const pnl = (ledger = handLedger([]), fromDate = "2026-03-01", toDate = "2026-03-31", periods = 0, timeframe = MONTH) =>
  computeProfitAndLoss(ledger, { fromDate, toDate, periods, timeframe, basis: ReportBasis.ACCRUAL }, CTX);
const bs = (ledger = handLedger([]), date = "2026-03-31", periods = 0, timeframe = MONTH) =>
  computeBalanceSheet(ledger, { date, periods, timeframe, basis: ReportBasis.ACCRUAL }, CTX);
const keys = (sections: ReportSection[]): unknown[] => sections.map((s) => (s.sections.length ? [s.key, keys(s.sections)] : s.key));
const equityLine = (report: ReturnType<typeof bs>, name: string) => report.sections[2].lines.find((l) => l.name === name)?.amounts;

describe("period bucketing", () => {
  it("puts postings on a period's first and last day inside it, and the days around it outside", () => {
    const ledger = handLedger([...sale("2026-02-28", "1"), ...sale("2026-03-01", "10"), ...sale("2026-03-31", "100"), ...sale("2026-04-01", "1000")]);
    const report = pnl(ledger, "2026-03-01", "2026-03-31", 1);
    expect(report.totalIncome).toEqual(["110.00", "1.00"]);
    expect(report.periods.map((p) => p.label)).toEqual(["Mar 2026", "Feb 2026"]);
  });

  it.each([
    [MONTH, "2026-05-31", [["2026-05-01", "2026-05-31"], ["2026-04-01", "2026-04-30"], ["2026-03-01", "2026-03-31"]], ["5.00", "4.00", "3.00"]],
    [QUARTER, "2026-05-31", [["2026-05-01", "2026-05-31"], ["2026-02-01", "2026-02-28"], ["2025-11-01", "2025-11-30"]], ["5.00", "2.00", "11.00"]],
    [YEAR, "2026-05-31", [["2026-05-01", "2026-05-31"], ["2025-05-01", "2025-05-31"], ["2024-05-01", "2024-05-31"]], ["5.00", "55.00", "0.00"]],
  ] as const)("walks %s comparison periods back from the requested one", (timeframe, toDate, columns, income) => {
    const months = ["2025-05", "2025-11", "2026-02", "2026-03", "2026-04", "2026-05"];
    const ledger = handLedger(months.flatMap((m) => sale(`${m}-15`, m === "2025-05" ? "55" : String(Number(m.slice(5))))));
    const report = pnl(ledger, "2026-05-01", toDate, 2, timeframe);
    expect(report.periods.map((p) => [p.fromDate, p.toDate])).toEqual(columns);
    expect(report.totalIncome).toEqual(income);
  });
});

describe("profit and loss", () => {
  const ledger = handLedger([
    ...sale("2026-03-02", "1000.10"),
    ...entry("2026-03-03", ["purchases", "400.05"], ["bank", "-400.05"]),
    ...entry("2026-03-04", ["bank", "0.20"], ["interest", "-0.20"]),
    ...entry("2026-03-05", ["rent", "250"], ["bank", "-250"]),
  ]);

  it("sections by shared key, credit-natured ones positive, with gross and net profit and passing checks", () => {
    const report = pnl(ledger);
    expect(report.sections.map((s) => [s.key, s.total[0]])).toEqual([
      ["INCOME", "1000.10"], ["COST_OF_SALES", "400.05"], ["OTHER_INCOME", "0.20"], ["OPERATING_EXPENSES", "250.00"],
    ]);
    expect(report.sections[0].lines).toEqual([{ name: "Sales", accountRemoteId: "sales", accountCode: "200", amounts: ["1000.10"] }]);
    expect(report).toMatchObject({ grossProfit: ["600.05"], netProfit: ["350.25"], totalExpenses: ["250.00"], source: "COMPUTED", balanced: true, currency: "NZD" });
    expect(report.checks.map((c) => c.name)).toContain("NET_PROFIT");
  });

  it("its checks flag a section total that does not add up", () => {
    const report = pnl(ledger);
    const skewed = report.sections.map((s) => (s.key === "INCOME" ? { ...s, total: ["1000.11"] } : s));
    const failed = profitAndLossChecks(skewed, report.periods).filter((c) => !c.passed);
    expect(failed.map((c) => [c.name, c.difference])).toEqual([["SECTION_TOTAL:INCOME", ["0.01"]]]);
  });

  it("refuses postings to an account the chart does not hold", () => {
    expect(() => pnl(handLedger(entry("2026-03-02", ["ghost", "1"], ["bank", "-1"])))).toThrow(/ghost/);
  });
});

describe("balance sheet", () => {
  const opening = [...entry("2025-01-10", ["bank", "5000"], ["capital", "-5000"]), ...entry("2025-02-01", ["van", "3000"], ["loan", "-3000"])];
  const trading = [...sale("2025-06-30", "700"), ...sale("2025-07-01", "40"), ...sale("2026-06-30", "60"), ...entry("2026-07-01", ["rent", "15"], ["bank", "-15"])];
  const ledger = handLedger([...opening, ...trading]);

  it("nests sections under ASSETS, LIABILITIES and EQUITY and balances", () => {
    const report = bs(ledger, "2026-03-31");
    expect(keys(report.sections)).toEqual([["ASSETS", ["BANK", "FIXED_ASSETS"]], ["LIABILITIES", ["NON_CURRENT_LIABILITIES"]], "EQUITY"]);
    expect(report).toMatchObject({ totalAssets: ["8740.00"], totalLiabilities: ["3000.00"], netAssets: ["5740.00"], totalEquity: ["5740.00"], balanced: true });
  });

  it.each([
    ["2025-06-30", "700.00", undefined],
    ["2025-07-01", "40.00", "700.00"],
    ["2026-06-30", "100.00", "700.00"],
    ["2026-07-01", "-15.00", "800.00"],
  ])("at %s: current year earnings %s, retained earnings %s", (date, current, retained) => {
    const report = bs(ledger, date);
    expect(equityLine(report, "Current Year Earnings")).toEqual([current]);
    expect(equityLine(report, "Retained")).toEqual(retained && [retained]);
    expect(report.balanced).toBe(true);
  });

  it("rolls each comparison column's earlier years separately, and computes retained earnings without an account", () => {
    const report = bs(handLedger([...opening, ...trading], { retainedEarningsAccountRemoteId: null }), "2026-07-01", 2, YEAR);
    expect(report.periods.map((p) => p.toDate)).toEqual(["2026-07-01", "2025-07-01", "2024-07-01"]);
    expect(equityLine(report, "Current Year Earnings")).toEqual(["-15.00", "40.00", "0.00"]);
    expect(equityLine(report, "Retained Earnings")).toEqual(["800.00", "700.00", "0.00"]);
    expect(report.balanced).toBe(true);
  });

  it("flags a ledger whose entries do not balance, naming the column", () => {
    const report = bs(handLedger([...opening, ...entry("2026-03-10", ["bank", "0.01"])]), "2026-03-31", 1);
    const equation = report.checks.find((c) => c.name === "ASSETS_MINUS_LIABILITIES_EQUALS_EQUITY")!;
    expect(report.balanced).toBe(false);
    expect(equation).toMatchObject({ passed: false, difference: ["0.01", "0.00"] });
    expect(equation.message).toContain("'31 Mar 2026'");
  });
});

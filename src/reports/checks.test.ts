import { describe, expect, it } from "vitest";
import type { ReportLine, ReportPeriod, ReportSection } from "../../schema/report/report.type.js";
import {
  allChecksPassed, balanceSheetChecks, bankBothBasesCheck, cashPaymentsCheck, cashReceiptsCheck, profitAndLossChecks,
  retainedEarningsCheck, sectionTotalChecks, journalReadCompleteCheck,
} from "./checks.js";

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

  it("books checks pass on equal figures and fail with the difference per period", () => {
    expect(bankBothBasesCheck(["100.00", "50.00"], ["100.00", "50.00"], periods)).toMatchObject({ passed: true, difference: ["0.00", "0.00"] });
    const bank = bankBothBasesCheck(["1878551.14", "50.00"], ["1625850.49", "50.00"], periods);
    expect(bank).toMatchObject({ name: "BANK_SAME_ON_BOTH_BASES", passed: false, difference: ["252700.65", "0.00"] });
    expect(bank.message).toContain("252700.65 in 'Oct 2026'");
    expect(cashReceiptsCheck(["10.00", "0.00"], ["10.01", "0.00"], periods)).toMatchObject({ name: "CASH_INCOME_EQUALS_RECEIPTS", passed: false, difference: ["-0.01", "0.00"] });
    expect(cashPaymentsCheck(["0.00", "0.00"], ["100629.00", "0.00"], periods)).toMatchObject({ name: "CASH_EXPENSES_EQUAL_PAYMENTS", passed: false, difference: ["-100629.00", "0.00"] });
    expect(retainedEarningsCheck(["5.00", "4.00"], ["5.00", "4.00"], periods).passed).toBe(true);
  });

  it("the journal-read-complete check sums the per-account differences and the debit − credit imbalance", () => {
    const good = journalReadCompleteCheck([{ account: "1201", computed: "10.00", stated: "10.00" }], "0.00", periods);
    expect(good).toMatchObject({ name: "JOURNAL_READ_COMPLETE", passed: true, difference: ["0.00", "0.00"] });
    const bad = journalReadCompleteCheck([{ account: "1201", computed: "10.00", stated: "10.01" }, { account: "4101", computed: "-5.00", stated: "-4.00" }], "0.02", periods);
    expect(bad).toMatchObject({ passed: false, difference: ["1.03", "1.03"] });
    expect(bad.message).toContain("debits − credits = 0.02");
    expect(bad.message).toContain("account 1201: postings read 10.00 vs stated 10.01");
  });
});

/**
 * The fixed chart (Clientary; Daftra without journals) on a small book whose every report line is
 * computed by hand below, both bases. Q1 2026:
 *   I1 10 Jan  invoice 1,000.00 + tax 150.00 (tax stated on the document only, as Clientary does)
 *   P1 05 Feb  575.00 received on I1 (half: sales 500.00, tax 75.00 on cash basis)
 *   B1 15 Jan  bill 400.00 + tax 60.00, paid in full 01 Mar (a payment only the bill lists)
 *   E1 10 Feb  expense "Rent" 200.00 + tax 30.00;  E2 05 Mar  income "Interest" 50.00, no tax
 */
import { describe, expect, it } from "vitest";
import { ExpenseKind } from "../../../schema/expense/expense.type.js";
import type { ReportSection } from "../../../schema/report/report.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeBalanceSheet } from "./balance-sheet.js";
import { fixedChartLedger } from "./fixed-chart-ledger.js";
import { computeProfitAndLoss } from "./profit-and-loss.js";
import { expense, invoice, lineItem, payment } from "./testing/documents.js";
import { CTX } from "./testing/hand-ledger.js";

const i1 = { ...invoice("Invoice", "I1", "2026-01-10", [lineItem("1000.00", null as never)]), subTotal: "1000.00", totalTax: "150.00", total: "1150.00" };
const b1 = invoice("Bill", "B1", "2026-01-15", [lineItem("400.00", "60.00")], { payments: [{ remoteId: "BP1", paymentId: null, date: "2026-03-01", amount: "460.00" }] });
const books = {
  invoices: [i1],
  bills: [b1],
  payments: [payment("P1", "2026-02-05", "575.00", i1)],
  expenses: [
    { ...expense("E1", ExpenseKind.EXPENSE, "2026-02-10", "200.00", "30.00", null), category: "Rent" },
    { ...expense("E2", ExpenseKind.INCOME, "2026-03-05", "50.00", "0.00", null), category: "Interest" },
  ],
};

const shape = (sections: ReportSection[]): unknown =>
  sections.map((s) => ({ key: s.key, total: s.total, lines: s.lines.map((l) => [l.name, ...l.amounts]), sections: shape(s.sections) }));
const report = (basis: ReportBasis) => {
  const ledger = fixedChartLedger(books, { currency: "USD", basis });
  return {
    pl: computeProfitAndLoss(ledger, { fromDate: "2026-01-01", toDate: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis }, CTX),
    bs: computeBalanceSheet(ledger, { date: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis }, CTX),
  };
};

describe("fixed-chart reports on hand-computed books", () => {
  it("cash basis: every line as computed by hand, and every check passes", () => {
    const { pl, bs } = report(ReportBasis.CASH);
    expect(shape(pl.sections)).toEqual([
      { key: "INCOME", total: ["500.00"], lines: [["Sales", "500.00"]], sections: [] }, // 575 × 1000/1150
      { key: "COST_OF_SALES", total: ["400.00"], lines: [["Purchases", "400.00"]], sections: [] }, // 460 × 400/460
      { key: "OTHER_INCOME", total: ["50.00"], lines: [["Interest", "50.00"]], sections: [] },
      { key: "OPERATING_EXPENSES", total: ["200.00"], lines: [["Rent", "200.00"]], sections: [] },
    ]);
    expect([pl.grossProfit, pl.netProfit]).toEqual([["100.00"], ["-50.00"]]);
    expect(shape(bs.sections)).toEqual([
      { key: "ASSETS", total: ["-65.00"], lines: [], sections: [{ key: "BANK", total: ["-65.00"], lines: [["Bank", "-65.00"]], sections: [] }] }, // 575 − 460 − 230 + 50
      { key: "LIABILITIES", total: ["-15.00"], lines: [], sections: [{ key: "CURRENT_LIABILITIES", total: ["-15.00"], lines: [["Sales Tax", "-15.00"]], sections: [] }] }, // 75 − 60 − 30
      { key: "EQUITY", total: ["-50.00"], lines: [["Current Year Earnings", "-50.00"]], sections: [] },
    ]);
    expect(pl.checks.filter((c) => !c.passed)).toEqual([]);
    expect(bs.checks.filter((c) => !c.passed)).toEqual([]);
    expect(pl.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["CASH_INCOME_EQUALS_RECEIPTS", "CASH_EXPENSES_EQUAL_PAYMENTS"]));
  });

  it("accrual basis: every line as computed by hand, the same bank, and every check passes", () => {
    const { pl, bs } = report(ReportBasis.ACCRUAL);
    expect(shape(pl.sections)).toEqual([
      { key: "INCOME", total: ["1000.00"], lines: [["Sales", "1000.00"]], sections: [] },
      { key: "COST_OF_SALES", total: ["400.00"], lines: [["Purchases", "400.00"]], sections: [] },
      { key: "OTHER_INCOME", total: ["50.00"], lines: [["Interest", "50.00"]], sections: [] },
      { key: "OPERATING_EXPENSES", total: ["200.00"], lines: [["Rent", "200.00"]], sections: [] },
    ]);
    expect([pl.grossProfit, pl.netProfit]).toEqual([["600.00"], ["450.00"]]);
    expect(shape(bs.sections)).toEqual([
      { key: "ASSETS", total: ["510.00"], lines: [], sections: [
        { key: "BANK", total: ["-65.00"], lines: [["Bank", "-65.00"]], sections: [] },
        { key: "CURRENT_ASSETS", total: ["575.00"], lines: [["Accounts Receivable", "575.00"]], sections: [] }, // 1150 − 575
      ] },
      { key: "LIABILITIES", total: ["60.00"], lines: [], sections: [{ key: "CURRENT_LIABILITIES", total: ["60.00"], lines: [["Sales Tax", "60.00"]], sections: [] }] }, // 150 − 60 − 30
      { key: "EQUITY", total: ["450.00"], lines: [["Current Year Earnings", "450.00"]], sections: [] },
    ]);
    expect(pl.checks.filter((c) => !c.passed)).toEqual([]);
    expect(bs.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it("a cash P&L that leaves the bill's payment out fails the payments check by 400.00", () => {
    const ledger = fixedChartLedger(books, { currency: "USD", basis: ReportBasis.CASH });
    const broken = { ...ledger, postings: ledger.postings.filter((p) => p.source?.id !== "BP1") };
    const pl = computeProfitAndLoss(broken, { fromDate: "2026-01-01", toDate: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis: ReportBasis.CASH }, CTX);
    expect(pl.balanced).toBe(false);
    expect(pl.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([["CASH_EXPENSES_EQUAL_PAYMENTS", ["-400.00"]]]);
  });
});

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
import { CreditNoteKind } from "../../../schema/credit-note/credit-note.type.js";
import { PaymentDirection } from "../../../schema/payment/payment.type.js";
import { creditNote, expense, invoice, lineItem, payment } from "./testing/documents.js";
import type { Ledger } from "./ledger.js";
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

describe("cash checks classify refunds by side, not by sign", () => {
  // Invoice I1 100.00 paid in full 6 Jul; customer credit note C1 30.00 refunded 12 Jul. Cash income 70.00.
  // Bill B1 200.00 paid 8 Jul; supplier credit note D1 50.00 refunded to us 20 Jul. Cash purchases 150.00.
  const inv = invoice("Invoice", "I1", "2026-07-05", [lineItem("100.00", "0.00")]);
  const cn = creditNote(CreditNoteKind.SALES, "C1", "2026-07-10", [lineItem("30.00", "0.00")]);
  const bill = invoice("Bill", "B1", "2026-07-02", [lineItem("200.00", "0.00")]);
  const dn = creditNote(CreditNoteKind.PURCHASE, "D1", "2026-07-15", [lineItem("50.00", "0.00")]);
  const refunds = {
    invoices: [inv], bills: [bill], creditNotes: [cn, dn], expenses: [], bankTransactions: [],
    payments: [
      payment("P1", "2026-07-06", "100.00", inv),
      payment("P2", "2026-07-12", "30.00", cn, PaymentDirection.PAID),
      payment("P3", "2026-07-08", "200.00", bill, PaymentDirection.PAID),
      payment("P4", "2026-07-20", "50.00", dn),
    ],
  };
  const pl = (ledger: Ledger) => computeProfitAndLoss(ledger, { fromDate: "2026-07-01", toDate: "2026-07-31", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.CASH }, CTX);

  it("a refunded customer credit note is a negative receipt, a supplier's refund a negative payment: both checks pass (−30.00 off before)", () => {
    const report = pl(fixedChartLedger(refunds, { currency: "USD", basis: ReportBasis.CASH }));
    expect([report.totalIncome, report.grossProfit, report.netProfit]).toEqual([["70.00"], ["-80.00"], ["-80.00"]]); // purchases 200 − 50 are cost of sales
    expect(report.checks.filter((c) => c.name.startsWith("CASH_"))).toMatchObject([
      { name: "CASH_INCOME_EQUALS_RECEIPTS", passed: true, difference: ["0.00"] },
      { name: "CASH_EXPENSES_EQUAL_PAYMENTS", passed: true, difference: ["0.00"] },
    ]);
    expect(report.balanced).toBe(true);
  });

  it("a cash P&L that leaves the refund out fails the receipts check by exactly +30.00", () => {
    const ledger = fixedChartLedger(refunds, { currency: "USD", basis: ReportBasis.CASH });
    const report = pl({ ...ledger, postings: ledger.postings.filter((p) => p.source?.id !== "P2") });
    expect(report.checks.filter((c) => !c.passed).map((c) => [c.name, c.difference])).toEqual([["CASH_INCOME_EQUALS_RECEIPTS", ["30.00"]]]);
  });

  it("the other basis and the cash flows are built on first use only", () => {
    const ledger = fixedChartLedger(refunds, { currency: "USD", basis: ReportBasis.ACCRUAL });
    const evidence = ledger.evidence!;
    expect(Object.getOwnPropertyDescriptor(evidence, "otherBasis")?.get).toBeTypeOf("function");
    expect(evidence.otherBasis).toBe(evidence.otherBasis);
    expect(evidence.otherBasis!.postings.filter((p) => p.accountRemoteId === "sales").map((p) => p.amount)).toEqual(["-100", "30"]);
  });
});

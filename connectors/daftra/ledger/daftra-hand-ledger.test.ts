/**
 * Daftra's ledger on a small journal whose every report line is computed by hand below, both bases.
 * Q1 2026 (calendar financial year), accounts as Daftra's default chart codes them:
 *   J1 01 Jan opening capital 10,000.00 into Main Bank
 *   J2 10 Jan invoice 1: AR 1,150.00 / Sales 1,000.00 / VAT Output 150.00
 *   J3 05 Feb invoice payment 1: 575.00 (half of invoice 1)
 *   J4 15 Jan purchase invoice 1: Cost of Purchases 400.00 + VAT Input 60.00 / AP 460.00
 *   J5 01 Mar purchase payment 1 (same id as the invoice payment: Daftra numbers them apart): 460.00
 *   J6 10 Feb expense: Rent 200.00 + VAT Input 30.00 from Main Bank
 *   J7 05 Mar income: 50.00 into Main Bank, Other Income
 *   J8 20 Mar credit note: Sales 100.00 + VAT Output 15.00 / AR 115.00 (moves no money)
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ExpenseKind } from "../../../schema/expense/expense.type.js";
import type { ReportSection } from "../../../schema/report/report.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss } from "../../../src/reports/engine/index.js";
import { expense, invoice, lineItem, payment } from "../../../src/reports/engine/testing/documents.js";
import type { DaftraJournalAccount } from "../mapping/wire-schemas.js";
import { daftraJournalLedger } from "./daftra-ledger.js";
import type { JournalBooks, JournalPosting } from "./journal-ledger.js";

const account = (id: string, code: string, name: string, entity_type: string | null = null) => ({ id, code, name, entity_type }) as DaftraJournalAccount;
const ACCOUNTS = [
  account("101", "1101", "Accounts Receivable"), account("103", "1103", "VAT Input"), account("104", "1201", "Main Bank", "treasury"),
  account("201", "2101", "Accounts Payable"), account("202", "2102", "VAT Output"), account("301", "3101", "Owner's Capital"),
  account("401", "4101", "Sales"), account("402", "4102", "Other Income"), account("501", "5101", "Cost of Purchases"), account("502", "5201", "Rent"),
];
let journalId = 0;
const journal = (type: string, entityId: string, date: string, ...legs: Array<[string, string]>): JournalPosting[] => {
  const id = String(++journalId);
  return legs.map(([accountRemoteId, amount]) => ({ date, accountRemoteId, amount, source: { type, id }, entityId }));
};
const POSTINGS = [
  ...journal("opening_balance", "0", "2026-01-01", ["104", "10000.00"], ["301", "-10000.00"]),
  ...journal("invoice", "1", "2026-01-10", ["101", "1150.00"], ["401", "-1000.00"], ["202", "-150.00"]),
  ...journal("invoice_payment", "1", "2026-02-05", ["104", "575.00"], ["101", "-575.00"]),
  ...journal("purchase_order", "1", "2026-01-15", ["501", "400.00"], ["103", "60.00"], ["201", "-460.00"]),
  ...journal("purchase_order_payment", "1", "2026-03-01", ["201", "460.00"], ["104", "-460.00"]),
  ...journal("expense", "7", "2026-02-10", ["502", "200.00"], ["103", "30.00"], ["104", "-230.00"]),
  ...journal("income", "8", "2026-03-05", ["104", "50.00"], ["402", "-50.00"]),
  ...journal("credit_note", "1", "2026-03-20", ["401", "100.00"], ["202", "15.00"], ["101", "-115.00"]),
];
/** Daftra's stated totals per account, as `/journal_accounts` gives them. */
const TOTALS = ACCOUNTS.map((a) => {
  const lines = POSTINGS.filter((p) => p.accountRemoteId === a.id).map((p) => new Decimal(p.amount));
  const debit = lines.filter((d) => d.gt(0)).reduce((s, d) => s.plus(d), new Decimal(0));
  const credit = lines.filter((d) => d.lt(0)).reduce((s, d) => s.minus(d), new Decimal(0));
  return { accountRemoteId: a.id, debit: debit.toFixed(2), credit: credit.toFixed(2) };
});
const BOOKS: JournalBooks = { accounts: ACCOUNTS, postings: POSTINGS, totals: TOTALS };

const i1 = invoice("Invoice", "1", "2026-01-10", [lineItem("1000.00", "150.00")]);
const p1 = { ...payment("1", "2026-02-05", "575.00", i1), raw: { status: "1" } };
const b1 = { ...invoice("Bill", "1", "2026-01-15", [lineItem("400.00", "60.00")], { payments: [{ remoteId: "1", paymentId: null, date: "2026-03-01", amount: "460.00" }] }), raw: { PurchaseOrderPayment: [{ id: "1", status: "1" }] } };
const DOCUMENTS = {
  invoices: [{ ...i1, payments: [{ remoteId: "1", paymentId: p1.id, date: "2026-02-05", amount: "575.00" }] }],
  bills: [b1],
  payments: [p1],
  expenses: [expense("7", ExpenseKind.EXPENSE, "2026-02-10", "200.00", "30.00", null), expense("8", ExpenseKind.INCOME, "2026-03-05", "50.00", "0.00", null)],
};

const CTX = { organizationId: "org-1", provider: "DAFTRA" as never };
const shape = (sections: ReportSection[]): unknown =>
  sections.map((s) => ({ key: s.key, lines: s.lines.map((l) => [l.name, ...l.amounts]), sections: shape(s.sections) }));
const reports = (basis: ReportBasis) => {
  const ledger = daftraJournalLedger(BOOKS, DOCUMENTS, basis, { currency: "SAR" });
  return {
    pl: computeProfitAndLoss(ledger, { fromDate: "2026-01-01", toDate: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis }, CTX),
    bs: computeBalanceSheet(ledger, { date: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis }, CTX),
  };
};

describe("Daftra journal ledger on hand-computed books", () => {
  it("cash basis: every line as computed by hand, and every check passes", () => {
    const { pl, bs } = reports(ReportBasis.CASH);
    expect(shape(pl.sections)).toEqual([
      { key: "INCOME", lines: [["Sales", "500.00"]], sections: [] }, // 575 × 1,000 / 1,150; the credit note moved no money
      { key: "COST_OF_SALES", lines: [["Cost of Purchases", "400.00"]], sections: [] }, // 460 × 400 / 460
      { key: "OTHER_INCOME", lines: [["Other Income", "50.00"]], sections: [] },
      { key: "OPERATING_EXPENSES", lines: [["Rent", "200.00"]], sections: [] },
    ]);
    expect([pl.grossProfit, pl.netProfit]).toEqual([["100.00"], ["-50.00"]]);
    expect(shape(bs.sections)).toEqual([
      { key: "ASSETS", lines: [], sections: [
        { key: "BANK", lines: [["Main Bank", "9935.00"]], sections: [] }, // 10,000 + 575 − 460 − 230 + 50
        { key: "CURRENT_ASSETS", lines: [["VAT Input", "90.00"]], sections: [] }, // 60 + 30
      ] },
      { key: "LIABILITIES", lines: [], sections: [{ key: "CURRENT_LIABILITIES", lines: [["VAT Output", "75.00"]], sections: [] }] }, // 150 × 575 / 1,150
      { key: "EQUITY", lines: [["Current Year Earnings", "-50.00"], ["Owner's Capital", "10000.00"]], sections: [] },
    ]);
    expect([...pl.checks, ...bs.checks].filter((c) => !c.passed)).toEqual([]);
  });

  it("accrual basis: every line as computed by hand, the same bank, and every check passes", () => {
    const { pl, bs } = reports(ReportBasis.ACCRUAL);
    expect(shape(pl.sections)).toEqual([
      { key: "INCOME", lines: [["Sales", "900.00"]], sections: [] }, // 1,000 − 100 credit note
      { key: "COST_OF_SALES", lines: [["Cost of Purchases", "400.00"]], sections: [] },
      { key: "OTHER_INCOME", lines: [["Other Income", "50.00"]], sections: [] },
      { key: "OPERATING_EXPENSES", lines: [["Rent", "200.00"]], sections: [] },
    ]);
    expect([pl.grossProfit, pl.netProfit]).toEqual([["500.00"], ["350.00"]]);
    expect(shape(bs.sections)).toEqual([
      { key: "ASSETS", lines: [], sections: [
        { key: "BANK", lines: [["Main Bank", "9935.00"]], sections: [] },
        { key: "CURRENT_ASSETS", lines: [["Accounts Receivable", "460.00"], ["VAT Input", "90.00"]], sections: [] }, // 1,150 − 575 − 115
      ] },
      { key: "LIABILITIES", lines: [], sections: [{ key: "CURRENT_LIABILITIES", lines: [["VAT Output", "135.00"]], sections: [] }] }, // 150 − 15
      { key: "EQUITY", lines: [["Current Year Earnings", "350.00"], ["Owner's Capital", "10000.00"]], sections: [] },
    ]);
    expect([...pl.checks, ...bs.checks].filter((c) => !c.passed)).toEqual([]);
  });

  it("a pending payment (status 2) posts nothing and counts as no receipt", () => {
    const pending = { ...payment("2", "2026-03-10", "0.01", i1), raw: { status: "2" } };
    const ledger = daftraJournalLedger(BOOKS, { ...DOCUMENTS, payments: [p1, pending] }, ReportBasis.CASH, { currency: "SAR" });
    const pl = computeProfitAndLoss(ledger, { fromDate: "2026-01-01", toDate: "2026-03-31", periods: 0, timeframe: ReportTimeframe.QUARTER, basis: ReportBasis.CASH }, CTX);
    expect(pl.totalIncome).toEqual(["500.00"]);
    expect(pl.checks.filter((c) => !c.passed)).toEqual([]);
  });
});

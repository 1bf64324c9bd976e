import { describe, expect, it } from "vitest";
import { BankTransactionKind } from "../../../schema/bank-transaction/bank-transaction.type.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { documentPostings } from "./document-ledger.js";
import { computeCashSummary } from "./standard-reports.js";
import { bankTransaction, CHART, lineItem } from "./testing/documents.js";
import { CTX, entry, handLedger, sale } from "./testing/hand-ledger.js";
import type { Ledger } from "./ledger.js";

/**
 * Two bank accounts (bank 090, savings 091), hand-computed:
 * Jan: capital 1000 into bank. Feb: 300 moved bank → savings through clearing (10 Feb); a sale of 200
 * into bank on 28 Feb. Mar: rent 50 from bank on 1 Mar; a sale of 80 into savings on 1 Mar; on 10 Mar
 * one entry receives 100 into bank and pays a 40 fee out of it; interest 5 into savings on 31 Mar.
 * Apr: a sale of 999 (outside every column).
 */
const POSTINGS = [
  ...entry("2026-01-15", ["bank", "1000"], ["capital", "-1000"]),
  ...entry("2026-02-10", ["clearing", "300"], ["bank", "-300"]),
  ...entry("2026-02-10", ["savings", "300"], ["clearing", "-300"]),
  ...sale("2026-02-28", "200"),
  ...entry("2026-03-01", ["rent", "50"], ["bank", "-50"]),
  ...entry("2026-03-01", ["savings", "80"], ["sales", "-80"]),
  ...entry("2026-03-10", ["bank", "100"], ["bank", "-40"], ["rent", "40"], ["sales", "-100"]),
  ...entry("2026-03-31", ["savings", "5"], ["interest", "-5"]),
  ...sale("2026-04-01", "999"),
];
const summary = (ledger: Ledger, fromDate = "2026-03-01", toDate = "2026-03-31", periods = 1, timeframe = ReportTimeframe.MONTH) =>
  computeCashSummary(ledger, { fromDate, toDate, periods, timeframe, basis: ReportBasis.ACCRUAL }, CTX);
const figures = (a: { opening: string[]; received: string[]; spent: string[]; closing: string[] }) => [a.opening, a.received, a.spent, a.closing];

describe("cash summary", () => {
  it("per bank account and period: opening the day before, gross money in and out, closing; the transfer is spent in one and received in the other", () => {
    const report = summary(handLedger(POSTINGS));
    expect(report.periods).toEqual([
      { label: "Mar 2026", fromDate: "2026-03-01", toDate: "2026-03-31" },
      { label: "Feb 2026", fromDate: "2026-02-01", toDate: "2026-02-28" },
    ]);
    expect(report.accounts.map((a) => [a.accountRemoteId, a.accountCode, a.name])).toEqual([["bank", "090", "Bank"], ["savings", "091", "Savings"]]);
    // [opening, received, spent, closing], each [March, February]
    expect(figures(report.accounts[0])).toEqual([["900.00", "1000.00"], ["100.00", "200.00"], ["90.00", "300.00"], ["910.00", "900.00"]]);
    expect(figures(report.accounts[1])).toEqual([["300.00", "0.00"], ["85.00", "300.00"], ["0.00", "0.00"], ["385.00", "300.00"]]);
    expect(figures(report)).toEqual([["1200.00", "1000.00"], ["185.00", "500.00"], ["90.00", "300.00"], ["1295.00", "1200.00"]]);
    expect(report).toMatchObject({ fromDate: "2026-03-01", toDate: "2026-03-31", title: "Cash Summary", currency: "NZD", source: "COMPUTED", raw: null, balanced: true });
    expect(report.checks.map((c) => [c.name, c.passed, c.difference])).toEqual([
      ["CASH_SUMMARY:CLOSING", true, ["0.00", "0.00"]],
      ["CASH_SUMMARY:TOTALS", true, ["0.00", "0.00"]],
      ["CASH_SUMMARY:BALANCE_SHEET", true, ["0.00", "0.00"]],
    ]);
  });

  it("a period's first and last days are in it: a one-day column on 1 Mar and one on 28 Feb", () => {
    const first = summary(handLedger(POSTINGS), "2026-03-01", "2026-03-01", 0);
    expect(first.periods).toEqual([{ label: "1 Mar 2026 – 1 Mar 2026", fromDate: "2026-03-01", toDate: "2026-03-01" }]);
    expect(figures(first)).toEqual([["1200.00"], ["80.00"], ["50.00"], ["1230.00"]]);
    const last = summary(handLedger(POSTINGS), "2026-02-28", "2026-02-28", 0);
    expect(figures(last.accounts[0])).toEqual([["700.00"], ["200.00"], ["0.00"], ["900.00"]]);
  });

  it("bank accounts with no posting are left out; a quarter column spans three months", () => {
    const report = summary(handLedger(POSTINGS.filter((p) => p.date !== "2026-02-10")), "2026-01-01", "2026-03-31", 0, ReportTimeframe.QUARTER);
    expect(report.periods[0].label).toBe("1 Jan 2026 – 31 Mar 2026");
    expect(report.accounts.map((a) => a.accountRemoteId)).toEqual(["bank", "savings"]);
    expect(figures(report.accounts[0])).toEqual([["0.00"], ["1300.00"], ["90.00"], ["1210.00"]]);
    const onlyBank = summary(handLedger(POSTINGS.filter((p) => p.accountRemoteId !== "savings" && p.date !== "2026-02-10")));
    expect(onlyBank.accounts.map((a) => a.accountRemoteId)).toEqual(["bank"]);
  });

  it("a transfer made of two bank transactions (through the clearing account) from documents", () => {
    const books = {
      bankTransactions: [
        bankTransaction("t-out", BankTransactionKind.SPEND_TRANSFER, "2026-03-12", "090", [lineItem("250.00", "0.00")]),
        bankTransaction("t-in", BankTransactionKind.RECEIVE_TRANSFER, "2026-03-12", "091", [lineItem("250.00", "0.00")]),
        bankTransaction("r-1", BankTransactionKind.RECEIVE, "2026-03-02", "090", [lineItem("400.00", "0.00", { accountCode: "200" })]),
      ],
    };
    const report = summary(handLedger(documentPostings(books, CHART, ReportBasis.ACCRUAL)), "2026-03-01", "2026-03-31", 0);
    expect(report.accounts.map((a) => [a.accountRemoteId, ...figures(a).map((f) => f[0])])).toEqual([
      ["bank", "0.00", "400.00", "250.00", "150.00"],
      ["savings", "0.00", "250.00", "0.00", "250.00"],
    ]);
    expect(figures(report).map((f) => f[0])).toEqual(["0.00", "650.00", "250.00", "400.00"]);
    expect(report.balanced).toBe(true);
  });

  it("with the books on the other basis given, closing balances must equal theirs; a difference fails the check", () => {
    const other = handLedger(POSTINGS.filter((p) => p.date !== "2026-03-31"));
    const ledger = handLedger(POSTINGS, { evidence: { basis: ReportBasis.ACCRUAL, otherBasis: other } });
    const report = summary(ledger);
    const check = report.checks.find((c) => c.name === "CASH_SUMMARY:SAME_ON_BOTH_BASES")!;
    expect([check.passed, check.difference, check.message]).toEqual([false, ["5.00", "0.00"], "Closing bank balances equal the other basis's at the same dates: off by 5.00 in 'Mar 2026'."]);
    expect(report.balanced).toBe(false);
    expect(summary(handLedger(POSTINGS, { evidence: { basis: ReportBasis.ACCRUAL, otherBasis: handLedger(POSTINGS) } })).balanced).toBe(true);
  });
});

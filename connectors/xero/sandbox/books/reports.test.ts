import { describe, expect, it } from "vitest";
import { addMonths, endOfMonth } from "./dates.js";
import { Decimal, sumDecimal } from "./money.js";
import { balanceSheet, profitAndLoss } from "./reports.js";
import { NOW, rowValues, sectionTitles, seeded, TODAY } from "./test-support.js";
import { ZERO_GUID, type XeroReport } from "./types.js";

const AMOUNT = /^-?\d+\.\d{2}$/;
const dec = (values: string[]) => values.map((v) => new Decimal(v));

function expectBalanced(report: XeroReport): void {
  const assets = dec(rowValues(report, "Total Assets"));
  const liabilities = dec(rowValues(report, "Total Liabilities"));
  const equity = dec(rowValues(report, "Total Equity"));
  const net = dec(rowValues(report, "Net Assets"));
  assets.forEach((a, i) => {
    expect(a.minus(liabilities[i]!).toFixed(2)).toBe(equity[i]!.toFixed(2));
    expect(net[i]!.toFixed(2)).toBe(equity[i]!.toFixed(2));
  });
}

describe("balance sheet", () => {
  const books = seeded();

  it.each(["2024-12-31", "2025-06-30", "2025-12-31", "2026-02-14", TODAY])("balances as at %s, on both bases", (date) => {
    expectBalanced(balanceSheet(books, { date, now: NOW }));
    expectBalanced(balanceSheet(books, { date, now: NOW, paymentsOnly: true }));
  });

  it("balances in every comparison column, most recent first", () => {
    const report = balanceSheet(books, { date: "2026-02-28", periods: 3, timeframe: "QUARTER", now: NOW });
    expect(report.Rows[0]!.Cells!.map((c) => c.Value)).toEqual(["", "28 Feb 2026", "30 Nov 2025", "31 Aug 2025", "31 May 2025"]);
    expectBalanced(report);
    expect(balanceSheet(books, { date: "2026-01-31", periods: 11, now: NOW }).Rows[0]!.Cells).toHaveLength(13);
  });

  it("has Xero's shape: titles, sections, account attributes and plain 2 dp amounts", () => {
    const report = balanceSheet(books, { now: NOW });
    expect(report).toMatchObject({ ReportID: "BalanceSheet", ReportName: "Balance Sheet", ReportType: "BalanceSheet", ReportDate: "15 March 2026", UpdatedDateUTC: NOW });
    expect(report.ReportTitles).toEqual(["Balance Sheet", "Ledgerline Demo Company", `As at 31 March 2026`]);
    expect(sectionTitles(report)).toEqual(["Assets", "Bank", "Current Assets", "Fixed Assets", "Non-current Assets", "", "Liabilities", "Current Liabilities", "Non-current Liabilities", "", "", "Equity"]);
    const bank = report.Rows.find((r) => r.Title === "Bank")!.Rows![0]!;
    const account = books.accounts.find((a) => a.Code === "090")!;
    expect(bank.Cells![0]).toEqual({ Value: account.Name, Attributes: [{ Id: "account", Value: account.AccountID }] });
    const equity = report.Rows.find((r) => r.Title === "Equity")!.Rows!;
    expect(equity[0]!.Cells![0]).toEqual({ Value: "Current Year Earnings", Attributes: [{ Id: "account", Value: ZERO_GUID }] });
    const values = report.Rows.flatMap((r) => r.Rows ?? []).flatMap((r) => r.Cells!.slice(1).map((c) => c.Value!));
    expect(values.every((v) => AMOUNT.test(v))).toBe(true);
  });

  it("shows financial-year-to-date profit as Current Year Earnings, equal to the P&L net profit", () => {
    for (const date of ["2025-09-30", TODAY, "2024-12-31"]) {
      const fyStart = `${date.slice(0, 4)}-01-01`;
      const profit = rowValues(profitAndLoss(books, { fromDate: fyStart, toDate: date, now: NOW }), "Net Profit")[0];
      expect(rowValues(balanceSheet(books, { date, now: NOW }), "Current Year Earnings")[0]).toBe(profit);
    }
  });

  it("rolls earlier years' profit into retained earnings", () => {
    const endOf2025 = rowValues(balanceSheet(books, { date: "2025-12-31", now: NOW }), "Current Year Earnings")[0]!;
    const retained = (date: string) => new Decimal(rowValues(balanceSheet(books, { date, now: NOW }), "Retained Earnings")[0]!);
    expect(retained("2026-01-31").minus(retained("2025-12-31")).toFixed(2)).toBe(new Decimal(endOf2025).toFixed(2));
  });
});

describe("profit and loss", () => {
  const books = seeded();
  const posted = (s: string) => s === "AUTHORISED" || s === "PAID";
  const inRange = (d: string, from: string, to: string) => d >= from && d <= to;

  it("accrual income equals approved sales less customer credits plus cash sales in the range", () => {
    const [from, to] = ["2025-04-01", "2025-09-30"];
    const report = profitAndLoss(books, { fromDate: from, toDate: to, now: NOW });
    const sales = sumDecimal(books.invoices.filter((i) => i.Type === "ACCREC" && posted(i.Status) && inRange(i.Date, from, to)).map((i) => i.SubTotal));
    const credits = sumDecimal(books.creditNotes.filter((c) => c.Type === "ACCRECCREDIT" && posted(c.Status) && inRange(c.Date, from, to)).map((c) => c.SubTotal));
    const counter = sumDecimal(books.bankTransactions.filter((t) => t.Type === "RECEIVE" && t.Status === "AUTHORISED" && inRange(t.Date, from, to))
      .flatMap((t) => t.LineItems.filter((l) => ["200", "260"].includes(l.AccountCode!)).map((l) => new Decimal(l.LineAmount).minus(t.LineAmountTypes === "Inclusive" ? l.TaxAmount : 0))));
    expect(rowValues(report, "Total Income")[0]).toBe(sales.minus(credits).plus(counter).toFixed(2));
  });

  it("differs on the cash basis while invoices are unpaid", () => {
    const opts = { fromDate: "2026-02-01", toDate: TODAY, now: NOW };
    const accrual = rowValues(profitAndLoss(books, opts), "Total Income")[0];
    const cash = rowValues(profitAndLoss(books, { ...opts, paymentsOnly: true }), "Total Income")[0];
    expect(cash).not.toBe(accrual);
  });

  it("defaults to the current month and adds comparison periods most recent first", () => {
    const single = profitAndLoss(books, { now: NOW });
    expect(single.ReportTitles).toEqual(["Profit & Loss", "Ledgerline Demo Company", "1 March 2026 to 31 March 2026"]);
    const report = profitAndLoss(books, { fromDate: "2026-01-01", toDate: "2026-01-31", periods: 2, now: NOW });
    expect(report.Rows[0]!.Cells!.map((c) => c.Value)).toEqual(["", "31 Jan 26", "31 Dec 25", "30 Nov 25"]);
    const december = profitAndLoss(books, { fromDate: "2025-12-01", toDate: endOfMonth("2025-12-01"), now: NOW });
    expect(rowValues(report, "Net Profit")[1]).toBe(rowValues(december, "Net Profit")[0]);
    const yearly = profitAndLoss(books, { fromDate: "2025-01-01", toDate: "2025-12-31", periods: 1, timeframe: "YEAR", now: NOW });
    expect(yearly.Rows[0]!.Cells!.map((c) => c.Value)).toEqual(["", "31 Dec 25", "31 Dec 24"]);
  });

  it("has Xero's sections with Gross Profit and Net Profit that add up", () => {
    const report = profitAndLoss(books, { fromDate: addMonths(TODAY, -12), toDate: TODAY, now: NOW });
    expect(sectionTitles(report)).toEqual(["Income", "Less Cost of Sales", "", "Plus Other Income", "Less Operating Expenses", ""]);
    const [income, costs, other, expenses, gross, net] = ["Total Income", "Total Cost of Sales", "Total Other Income", "Total Operating Expenses", "Gross Profit", "Net Profit"]
      .map((t) => new Decimal(rowValues(report, t)[0]!));
    expect(income!.minus(costs!).toFixed(2)).toBe(gross!.toFixed(2));
    expect(gross!.plus(other!).minus(expenses!).toFixed(2)).toBe(net!.toFixed(2));
  });
});

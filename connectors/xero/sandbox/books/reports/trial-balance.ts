import { addDays, financialYearStart, longDate, startOfMonth } from "../dates.js";
import { journal } from "../ledger.js";
import { Decimal, formatAmount } from "../money.js";
import type { AccountClass, XeroAccount, XeroBooks, XeroReport, XeroReportAttribute, XeroReportRow } from "../types.js";
import { balancesBetween, report } from "./columns.js";
import { netProfit } from "./profit-and-loss.js";
import { section } from "./rows.js";

export interface TrialBalanceOptions {
  /** As-at date; defaults to today (the request's date). */
  date?: string;
  /** Cash basis. */
  paymentsOnly?: boolean;
  now: string;
}

/** Xero's trial balance groups accounts by class, in this order. */
const CLASS_SECTIONS: [AccountClass, string][] = [
  ["REVENUE", "Revenue"], ["EXPENSE", "Expenses"], ["ASSET", "Assets"], ["LIABILITY", "Liabilities"], ["EQUITY", "Equity"],
];

const PROFIT_AND_LOSS: ReadonlySet<AccountClass> = new Set(["REVENUE", "EXPENSE"]);

/** "12/31/2025", as Xero writes the retained-earnings cut-off attribute. */
const usDate = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

/**
 * One debit/credit pair: a net debit shows on the debit side, a net credit on the credit side, the
 * other side left empty; a zero shows as "0.00" on the side `zeroSide` names.
 */
function pair(net: Decimal, zeroSide: "debit" | "credit"): [string, string] {
  if (net.isZero()) return zeroSide === "debit" ? ["0.00", ""] : ["", "0.00"];
  return net.gt(0) ? [formatAmount(net), ""] : ["", formatAmount(net.negated())];
}

const naturalSide = (account: XeroAccount): "debit" | "credit" =>
  account.Class === "ASSET" || account.Class === "EXPENSE" ? "debit" : "credit";

interface Line { account: XeroAccount; month: Decimal; ytd: Decimal }

function accountRow(line: Line, extra: XeroReportAttribute[]): XeroReportRow {
  const ytdSide = line.ytd.isZero() ? (line.month.isZero() ? naturalSide(line.account) : line.month.gt(0) ? "debit" : "credit") : line.ytd.gt(0) ? "debit" : "credit";
  const values = [...pair(line.month, ytdSide), ...pair(line.ytd, ytdSide)];
  const attributes = [{ Id: "account", Value: line.account.AccountID }];
  return {
    RowType: "Row",
    Cells: [
      { Value: `${line.account.Name} (${line.account.Code})`, Attributes: attributes },
      ...values.map((Value) => ({ Value, Attributes: [...attributes, ...extra] })),
    ],
  };
}

/**
 * Xero's Trial Balance: per account, the net movement of the month holding `date` (Debit/Credit,
 * from the 1st to `date`) and the year-to-date balance (YTD Debit/YTD Credit): income and expense
 * accounts from the financial year's first day, every other account since the books began, with
 * earlier years' profit in retained earnings (as the balance sheet shows it). Both pairs balance.
 */
export function trialBalance(books: XeroBooks, opts: TrialBalanceOptions): XeroReport {
  const { FinancialYearEndDay: endDay, FinancialYearEndMonth: endMonth } = books.organisation;
  const date = opts.date ?? opts.now.slice(0, 10);
  const lines = journal(books, opts.paymentsOnly ? "CASH" : "ACCRUAL");
  const yearStart = financialYearStart(date, endDay, endMonth);
  const priorYearEnd = addDays(yearStart, -1);
  const month = balancesBetween(lines, startOfMonth(date), date);
  const sinceInception = balancesBetween(lines, undefined, date);
  const yearToDate = balancesBetween(lines, yearStart, date);
  const priorProfit = netProfit(books.accounts, balancesBetween(lines, undefined, priorYearEnd));
  const retainedEarnings = books.accounts.find((a) => a.SystemAccount === "RETAINEDEARNINGS");

  const zero = new Decimal(0);
  const lineOf = (account: XeroAccount): Line => {
    let ytd = (PROFIT_AND_LOSS.has(account.Class) ? yearToDate : sinceInception).get(account.Code) ?? zero;
    if (account === retainedEarnings) ytd = ytd.minus(priorProfit);
    return { account, month: month.get(account.Code) ?? zero, ytd };
  };
  const all = books.accounts.map(lineOf).filter((l) => !l.month.isZero() || !l.ytd.isZero());

  const rows: XeroReportRow[] = [{ RowType: "Header", Cells: ["Account", "Debit", "Credit", "YTD Debit", "YTD Credit"].map((Value) => ({ Value })) }];
  for (const [accountClass, title] of CLASS_SECTIONS) {
    const shown = all.filter((l) => l.account.Class === accountClass).sort((a, b) => a.account.Name.localeCompare(b.account.Name));
    if (shown.length === 0) continue;
    rows.push(section(title, shown.map((l) =>
      accountRow(l, l.account === retainedEarnings ? [{ Id: "fromDate", Value: "" }, { Id: "toDate", Value: usDate(priorYearEnd) }] : []))));
  }
  const side = (values: Decimal[], sign: 1 | -1) => values.reduce((sum, v) => (v.times(sign).gt(0) ? sum.plus(v.abs()) : sum), zero);
  const totals = [side(all.map((l) => l.month), 1), side(all.map((l) => l.month), -1), side(all.map((l) => l.ytd), 1), side(all.map((l) => l.ytd), -1)];
  rows.push(section("", [{ RowType: "SummaryRow", Cells: [{ Value: "Total" }, ...totals.map((v) => ({ Value: formatAmount(v) }))] }]));

  const titles = ["Trial Balance", books.organisation.Name, `As at ${longDate(date)}`];
  return report("TrialBalance", "Trial Balance", titles, opts.now, longDate(opts.now), rows);
}

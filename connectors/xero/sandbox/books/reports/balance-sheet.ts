import { addDays, endOfMonth, financialYearStart, longDate, mediumDate } from "../dates.js";
import { journal } from "../ledger.js";
import { Decimal } from "../money.js";
import { ZERO_GUID, type AccountType, type XeroBooks, type XeroReport, type XeroReportRow } from "../types.js";
import { balancesBetween, periodColumns, report, valuesFor, type Timeframe } from "./columns.js";
import { netProfit } from "./profit-and-loss.js";
import { accountRow, accountSection, columnTotals, headerRow, plainRow, section, summaryRow } from "./rows.js";

export interface BalanceSheetOptions {
  /** As-at date; defaults to the end of the current month. */
  date?: string;
  periods?: number;
  timeframe?: Timeframe;
  paymentsOnly?: boolean;
  now: string;
  /** `trackingOptionID1` / `trackingOptionID2`: only journal lines tagged with the option (each given one) count. */
  trackingOptions?: string[];
}

const GROUPS: [title: string, types: AccountType[], side: "asset" | "liability"][] = [
  ["Bank", ["BANK"], "asset"],
  ["Current Assets", ["CURRENT", "INVENTORY", "PREPAYMENT"], "asset"],
  ["Fixed Assets", ["FIXED"], "asset"],
  ["Non-current Assets", ["NONCURRENT"], "asset"],
  ["Current Liabilities", ["CURRLIAB", "PAYG"], "liability"],
  ["Non-current Liabilities", ["TERMLIAB", "LIABILITY"], "liability"],
];

export function balanceSheet(books: XeroBooks, opts: BalanceSheetOptions): XeroReport {
  const { FinancialYearEndDay: endDay, FinancialYearEndMonth: endMonth } = books.organisation;
  const date = opts.date ?? endOfMonth(opts.now.slice(0, 10));
  const dates = periodColumns({ to: date }, opts.periods, opts.timeframe).map((c) => c.to);
  const options = opts.trackingOptions ?? [];
  const lines = journal(books, opts.paymentsOnly ? "CASH" : "ACCRUAL")
    .filter((l) => options.every((o) => !!l.tracking && Object.values(l.tracking).includes(o)));
  const closing = dates.map((d) => balancesBetween(lines, undefined, d));
  const n = dates.length;

  const groups = GROUPS.map(([title, types, side]) => accountSection(title, `Total ${title}`,
    valuesFor(books.accounts.filter((a) => types.includes(a.Type)), closing, side === "asset" ? 1 : -1), n));
  const [assets, liabilities] = (["asset", "liability"] as const).map((side) =>
    columnTotals(groups.filter((_, i) => GROUPS[i]![2] === side).map((g) => g.total), n)) as [Decimal[], Decimal[]];
  const netAssets = assets.map((v, i) => v.minus(liabilities[i]!));

  // Profit of the financial year to date is shown on its own; earlier years roll into retained earnings.
  const yearStarts = dates.map((d) => financialYearStart(d, endDay, endMonth));
  const currentYear = dates.map((d, i) => netProfit(books.accounts, balancesBetween(lines, yearStarts[i], d)));
  const priorYears = yearStarts.map((start) => netProfit(books.accounts, balancesBetween(lines, undefined, addDays(start, -1))));
  const equityAccounts = valuesFor(books.accounts.filter((a) => a.Type === "EQUITY"), closing, -1)
    .map((r) => (r.account.SystemAccount === "RETAINEDEARNINGS" ? { ...r, values: r.values.map((v, i) => v.plus(priorYears[i]!)) } : r))
    .filter((r) => r.values.some((v) => !v.isZero()));
  const equityTotal = columnTotals([currentYear, ...equityAccounts.map((r) => r.values)], n);

  const rows: XeroReportRow[] = [headerRow(dates.map(mediumDate)), section("Assets", [])];
  const push = (row: XeroReportRow | undefined) => row && rows.push(row);
  groups.slice(0, 4).forEach((g) => push(g.row));
  rows.push(section("", [summaryRow("Total Assets", assets)]), section("Liabilities", []));
  groups.slice(4).forEach((g) => push(g.row));
  rows.push(section("", [summaryRow("Total Liabilities", liabilities)]), section("", [plainRow("Net Assets", netAssets)]));
  rows.push(section("Equity", [
    accountRow("Current Year Earnings", ZERO_GUID, currentYear),
    ...equityAccounts.map((r) => accountRow(r.account.Name, r.account.AccountID, r.values)),
    summaryRow("Total Equity", equityTotal),
  ]));

  const titles = ["Balance Sheet", books.organisation.Name, `As at ${longDate(date)}`];
  return report("BalanceSheet", "Balance Sheet", titles, opts.now, longDate(opts.now), rows);
}


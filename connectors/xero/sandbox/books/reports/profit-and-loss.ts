import { longDate, shortDate } from "../dates.js";
import { journal } from "../ledger.js";
import { Decimal } from "../money.js";
import type { JournalLine } from "../ledger/types.js";
import type { AccountType, XeroAccount, XeroBooks, XeroReport, XeroReportRow, XeroTrackingCategory } from "../types.js";
import { balancesBetween, defaultMonth, periodColumns, report, valuesFor, type Timeframe } from "./columns.js";
import { accountSection, headerRow, plainRow, section } from "./rows.js";

export interface ProfitAndLossOptions {
  fromDate?: string;
  toDate?: string;
  /** Extra comparison periods, 0..11. */
  periods?: number;
  timeframe?: Timeframe;
  /** Cash basis. */
  paymentsOnly?: boolean;
  /** ISO timestamp of the request; sets the default month and ReportDate. */
  now: string;
  /** Tracking (`trackingCategoryID`, `trackingOptionID`, `trackingOptionID2`): see `trackingColumns`. */
  tracking?: ProfitAndLossTracking;
}

/**
 * `category` alone: one column per option of that category, then "Unassigned" (lines without one of its
 * options) and "Total", for the report period (comparison periods are not combined with it). With
 * `option`: one column, that option's lines. `option2` keeps only lines tagged with that option (of the
 * second category). Journal lines carry the tracking of the document line they come from.
 */
export interface ProfitAndLossTracking {
  category?: XeroTrackingCategory;
  option?: string;
  option2?: string;
}

type Column = { label: string; from?: string; to: string; keep: (line: JournalLine) => boolean };

const tagged = (line: JournalLine, option: string) => !!line.tracking && Object.values(line.tracking).includes(option);

function trackingColumns(tracking: ProfitAndLossTracking, from: string, to: string): Column[] {
  const { category, option } = tracking;
  if (!category) return [{ label: shortDate(to), from, to, keep: () => true }];
  const id = category.TrackingCategoryID;
  if (option) {
    const name = category.Options.find((o) => o.TrackingOptionID === option)?.Name ?? option;
    return [{ label: name, from, to, keep: (l) => l.tracking?.[id] === option }];
  }
  const options = category.Options.filter((o) => o.Status !== "DELETED");
  return [
    ...options.map((o) => ({ label: o.Name, from, to, keep: (l: JournalLine) => l.tracking?.[id] === o.TrackingOptionID })),
    { label: "Unassigned", from, to, keep: (l) => !l.tracking?.[id] },
    { label: "Total", from, to, keep: () => true },
  ];
}

const INCOME: AccountType[] = ["REVENUE", "SALES"];
const COST_OF_SALES: AccountType[] = ["DIRECTCOSTS"];
const OTHER_INCOME: AccountType[] = ["OTHERINCOME"];
const EXPENSES: AccountType[] = ["EXPENSE", "OVERHEADS", "DEPRECIATN"];

/** Profit for a period: the negated sum of every income and expense account's movement. */
export function netProfit(accounts: XeroAccount[], balances: Map<string, Decimal>): Decimal {
  return accounts
    .filter((a) => a.Class === "REVENUE" || a.Class === "EXPENSE")
    .reduce((sum, a) => sum.minus(balances.get(a.Code) ?? 0), new Decimal(0));
}

function range(opts: ProfitAndLossOptions): { from: string; to: string } {
  const month = defaultMonth(opts.fromDate ?? opts.toDate ?? opts.now);
  return { from: opts.fromDate ?? month.from, to: opts.toDate ?? month.to };
}

export function profitAndLoss(books: XeroBooks, opts: ProfitAndLossOptions): XeroReport {
  const { from, to } = range(opts);
  const columns: Column[] = opts.tracking
    ? trackingColumns(opts.tracking, from, to)
    : periodColumns({ from, to }, opts.periods, opts.timeframe).map((c) => ({ label: shortDate(c.to), ...c, keep: () => true }));
  const option2 = opts.tracking?.option2;
  const lines = journal(books, opts.paymentsOnly ? "CASH" : "ACCRUAL").filter((l) => !option2 || tagged(l, option2));
  const balances = columns.map((c) => balancesBetween(lines.filter(c.keep), c.from, c.to));
  const n = columns.length;
  const block = (types: AccountType[], sign: 1 | -1, title: string, totalTitle: string) =>
    accountSection(title, totalTitle, valuesFor(books.accounts.filter((a) => types.includes(a.Type)), balances, sign), n);

  const income = block(INCOME, -1, "Income", "Total Income");
  const costs = block(COST_OF_SALES, 1, "Less Cost of Sales", "Total Cost of Sales");
  const other = block(OTHER_INCOME, -1, "Plus Other Income", "Total Other Income");
  const expenses = block(EXPENSES, 1, "Less Operating Expenses", "Total Operating Expenses");
  const gross = income.total.map((v, i) => v.minus(costs.total[i]!));
  const net = gross.map((v, i) => v.plus(other.total[i]!).minus(expenses.total[i]!));

  const rows: XeroReportRow[] = [headerRow(columns.map((c) => c.label))];
  for (const part of [income, costs]) if (part.row) rows.push(part.row);
  rows.push(section("", [plainRow("Gross Profit", gross)]));
  for (const part of [other, expenses]) if (part.row) rows.push(part.row);
  rows.push(section("", [plainRow("Net Profit", net)]));

  const titles = ["Profit & Loss", books.organisation.Name, `${longDate(from)} to ${longDate(to)}`];
  return report("ProfitAndLoss", "Profit and Loss", titles, opts.now, longDate(opts.now), rows);
}

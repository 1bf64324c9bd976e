import { addMonths, endOfMonth, startOfMonth } from "../dates.js";
import { Decimal } from "../money.js";
import type { JournalLine } from "../ledger/types.js";
import type { XeroAccount, XeroReport, XeroReportRow } from "../types.js";
import type { AccountValues } from "./rows.js";

export type Timeframe = "MONTH" | "QUARTER" | "YEAR";

const MONTHS_PER: Record<Timeframe, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export interface Period { from?: string; to: string }

/** Clamps Xero's `periods` (extra comparison columns) to 0..11. */
export function comparisonCount(periods: number | undefined): number {
  return Math.max(0, Math.min(11, Math.trunc(periods ?? 0)));
}

/** The report period followed by earlier comparison periods, most recent first. */
export function periodColumns(first: Period, periods: number | undefined, timeframe: Timeframe | undefined): Period[] {
  const step = MONTHS_PER[timeframe ?? "MONTH"];
  return Array.from({ length: comparisonCount(periods) + 1 }, (_, i) => ({
    ...(first.from ? { from: addMonths(first.from, -i * step) } : {}),
    to: addMonths(first.to, -i * step),
  }));
}

export function defaultMonth(now: string): { from: string; to: string } {
  return { from: startOfMonth(now.slice(0, 10)), to: endOfMonth(now.slice(0, 10)) };
}

/** Sum of journal amounts per account code dated within [from, to] (from open when undefined). */
export function balancesBetween(lines: JournalLine[], from: string | undefined, to: string): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const line of lines) {
    if (line.date > to || (from !== undefined && line.date < from)) continue;
    totals.set(line.accountCode, (totals.get(line.accountCode) ?? new Decimal(0)).plus(line.amount));
  }
  return totals;
}

/** Per-account values across columns, negated for credit-natured sections. */
export function valuesFor(accounts: XeroAccount[], columns: Map<string, Decimal>[], sign: 1 | -1): AccountValues[] {
  return [...accounts]
    .sort((a, b) => a.Code.localeCompare(b.Code))
    .map((account) => ({ account, values: columns.map((c) => (c.get(account.Code) ?? new Decimal(0)).times(sign)) }));
}

export function report(id: string, name: string, titles: string[], now: string, runDate: string, rows: XeroReportRow[]): XeroReport {
  return { ReportID: id, ReportName: name, ReportType: id, ReportTitles: titles, ReportDate: runDate, UpdatedDateUTC: now, Fields: [], Rows: rows };
}

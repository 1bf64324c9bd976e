import type { ReportPeriod } from "../../schema/report/report.type.js";
import type { ReportTimeframe } from "../../schema/report/report-enums.js";

const MONTHS_PER: Record<ReportTimeframe, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Moves a YYYY-MM-DD date by whole months; a month-end stays a month-end (31 Mar − 1 month = 28/29 Feb). */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index - year * 12) + 1;
  const day = d === daysIn(y, m) ? daysIn(year, month) : Math.min(d, daysIn(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "31 Oct 2026": the one label of a balance at a date, whatever the provider. */
export function mediumDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "Oct 2026" for a whole calendar month, else "1 Oct 2026 – 15 Nov 2026": the one label of a period, whatever the provider. */
export function rangeLabel(from: string, to: string): string {
  const [year, month] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const wholeMonth = from.endsWith("-01") && from.slice(0, 7) === to.slice(0, 7) && Number(to.slice(8, 10)) === daysIn(year, month);
  return wholeMonth ? `${MONTH_NAMES[month - 1]} ${year}` : `${mediumDate(from)} – ${mediumDate(to)}`;
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const dayAfter = (date: string) => addDays(date, 1);
const minDate = (a: string, b: string) => (a <= b ? a : b);
const dayBefore = (date: string) => addDays(date, -1);

export interface PeriodRequest {
  /** First day of the most recent period; absent for a balance at a date. */
  fromDate?: string | null;
  toDate: string;
  timeframe: ReportTimeframe;
}

/**
 * The report's columns, most recent first: the requested period, then each earlier comparison
 * period one timeframe back (`count` columns in all). One period model for every provider:
 * - a period report (P&L, cash summary): each column covers `fromDate`..`toDate`, labelled
 *   "Sep 2026" for a whole month, else "1 Jul 2026 – 30 Sep 2026" (per period, not period-to-date);
 * - a balance at a date (balance sheet): figures are balances at `toDate`, labelled "30 Sep 2026";
 *   `fromDate` is the day after the next older column's date (one timeframe back): the span the
 *   change from that column to this one covers.
 */
export function comparisonPeriods({ fromDate, toDate, timeframe }: PeriodRequest, count: number): ReportPeriod[] {
  const step = MONTHS_PER[timeframe];
  const columns: ReportPeriod[] = [];
  for (let i = 0; i < Math.max(1, count); i++) {
    if (fromDate) {
      // One timeframe back each, and never past the day before the next column begins, so columns never
      // overlap (29 Jan – 28 Feb, then 29 Dec – 28 Jan, not – 31 Jan).
      const columnFrom = shiftMonths(fromDate, -i * step);
      const shifted = shiftMonths(toDate, -i * step);
      const columnTo = i === 0 ? toDate : minDate(shifted, dayBefore(columns[i - 1]!.fromDate));
      columns.push({ label: rangeLabel(columnFrom, columnTo), fromDate: columnFrom, toDate: columnTo });
    } else {
      const columnTo = shiftMonths(toDate, -i * step);
      columns.push({ label: mediumDate(columnTo), fromDate: dayAfter(shiftMonths(toDate, -(i + 1) * step)), toDate: columnTo });
    }
  }
  return columns;
}

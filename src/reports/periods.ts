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

export interface PeriodRequest {
  /** First day of the most recent period; absent for a balance at a date. */
  fromDate?: string | null;
  toDate: string;
  timeframe: ReportTimeframe;
}

/**
 * The report's columns, most recent first: the requested period, then each earlier comparison
 * period one timeframe back. `labels` come from the report itself (one per column).
 */
export function comparisonPeriods({ fromDate, toDate, timeframe }: PeriodRequest, labels: string[]): ReportPeriod[] {
  const step = MONTHS_PER[timeframe];
  return labels.map((label, i) => {
    const columnTo = shiftMonths(toDate, -i * step);
    return { label: label || columnTo, fromDate: fromDate ? shiftMonths(fromDate, -i * step) : null, toDate: columnTo };
  });
}

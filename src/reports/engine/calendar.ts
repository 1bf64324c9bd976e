import { shiftMonths } from "../periods.js";
import type { FinancialYearEnd } from "./ledger.js";

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** First day of the financial year holding `date`. */
export function financialYearStart(date: string, end: FinancialYearEnd): string {
  const year = Number(date.slice(0, 4));
  const yearEnd = (y: number) => `${y}-${pad(end.month)}-${pad(Math.min(end.day, daysIn(y, end.month)))}`;
  const closing = date <= yearEnd(year) ? yearEnd(year) : yearEnd(year + 1);
  return addDays(shiftMonths(closing, -12), 1);
}

/** "31 Oct 2026" */
export function mediumDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "Oct 2026" for a whole calendar month, else "1 Oct 2026 – 15 Nov 2026". */
export function rangeLabel(from: string, to: string): string {
  const [year, month] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const wholeMonth = from.endsWith("-01") && from.slice(0, 7) === to.slice(0, 7) && Number(to.slice(8, 10)) === daysIn(year, month);
  return wholeMonth ? `${MONTHS[month - 1]} ${year}` : `${mediumDate(from)} – ${mediumDate(to)}`;
}

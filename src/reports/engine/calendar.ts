import { shiftMonths } from "../periods.js";
import type { FinancialYearEnd } from "./ledger.js";

const DAY_MS = 86_400_000;

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

export { mediumDate, rangeLabel } from "../periods.js";

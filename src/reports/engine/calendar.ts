import { addDays } from "../periods.js";
import type { FinancialYearEnd } from "./ledger.js";

export { addDays } from "../periods.js";

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The last day of the financial year that ends in `year`. A year end on the 28th of February is the
 * last day of February (the 29th in a leap year), as a month-end year end stays a month-end.
 */
export function financialYearEndIn(year: number, end: FinancialYearEnd): string {
  const day = end.month === 2 && end.day >= 28 ? daysIn(year, 2) : Math.min(end.day, daysIn(year, end.month));
  return `${year}-${pad(end.month)}-${pad(day)}`;
}

/** First day of the financial year holding `date`: the day after the previous year end. */
export function financialYearStart(date: string, end: FinancialYearEnd): string {
  const year = Number(date.slice(0, 4));
  const closingYear = date <= financialYearEndIn(year, end) ? year : year + 1;
  return addDays(financialYearEndIn(closingYear - 1, end), 1);
}


import { addMonths, daysInMonth, endOfMonth, maxDate, minDate, startOfMonth } from "../dates.js";

export interface MonthWindow {
  from: string;
  to: string;
  /** Share of the whole month the window covers (partial first and last months). */
  share: number;
}

export function monthsBetween(start: string, today: string): MonthWindow[] {
  const months: MonthWindow[] = [];
  for (let month = startOfMonth(start); month <= today; month = addMonths(month, 1)) {
    const from = maxDate(month, start);
    const to = minDate(endOfMonth(month), today);
    const days = Number(to.slice(8)) - Number(from.slice(8)) + 1;
    months.push({ from, to, share: days / daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) });
  }
  return months;
}

/** n sorted dates within the window. */
export function datesIn(rngDate: (from: string, to: string) => string, window: MonthWindow, n: number): string[] {
  return Array.from({ length: n }, () => rngDate(window.from, window.to)).sort();
}

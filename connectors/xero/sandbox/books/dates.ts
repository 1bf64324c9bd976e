/** Calendar helpers over "YYYY-MM-DD" strings, all in UTC. */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function toMs(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toMs(date) + days * 86_400_000);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function startOfMonth(date: string): string {
  return date.slice(0, 8) + "01";
}

export function endOfMonth(date: string): string {
  const [y, m] = parts(date);
  return `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

export function isEndOfMonth(date: string): boolean {
  return date.slice(0, 10) === endOfMonth(date);
}

/** Moves by whole months, clamping the day; a month-end date stays a month-end date. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = isEndOfMonth(date) ? last : Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** First day of the financial year containing `date`, given the year-end day and month. */
export function financialYearStart(date: string, endDay: number, endMonth: number): string {
  const [y] = parts(date);
  // A 28 February year end is the last day of February (29th in a leap year).
  const day = (year: number) => (endMonth === 2 && endDay >= 28 ? daysInMonth(year, 2) : Math.min(endDay, daysInMonth(year, endMonth)));
  const yearEnd = (year: number) => `${year}-${String(endMonth).padStart(2, "0")}-${String(day(year)).padStart(2, "0")}`;
  const closingYear = date <= yearEnd(y) ? y : y + 1;
  return addDays(yearEnd(closingYear - 1), 1);
}

/** "1 February 2018" */
export function longDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "28 Feb 18" (P&L column headers) */
export function shortDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${String(y % 100).padStart(2, "0")}`;
}

/** "30 Apr 2019" (balance sheet column headers) */
export function mediumDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

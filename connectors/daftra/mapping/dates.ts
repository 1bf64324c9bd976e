/**
 * Daftra's dates, normalised once: "2026-05-02", "2026-05-02 12:31:01", and display formats such as
 * "25/09/2026", "09/25/2026", "25-09-2026" or "2026/09/25". `order` settles day/month when both are ≤ 12.
 * Datetimes carry no zone; they are read as UTC (assumption: the account runs on UTC).
 */
export type DateOrder = "dmy" | "mdy";

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/;

const pad = (n: string | number) => String(n).padStart(2, "0");

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Any Daftra date → "YYYY-MM-DD", or null when absent or unreadable. */
export function toIsoDate(value: string | null | undefined, order: DateOrder = "dmy"): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!) ? `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}` : null;
  const slashed = YEAR_LAST.exec(text);
  if (!slashed) return null;
  const [a, b, year] = [+slashed[1]!, +slashed[2]!, +slashed[3]!];
  const dayFirst = a > 12 || (b <= 12 && order === "dmy");
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return valid(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "2026-05-02 12:31:01" → "2026-05-02T12:31:01.000Z". */
export function toIsoTimestamp(value: string | null | undefined, order: DateOrder = "dmy"): string | null {
  if (!value) return null;
  const iso = ISO.exec(value.trim());
  if (iso?.[4]) return new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, +iso[4], +iso[5]!, +(iso[6] ?? 0))).toISOString();
  const day = toIsoDate(value, order);
  return day ? `${day}T00:00:00.000Z` : null;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

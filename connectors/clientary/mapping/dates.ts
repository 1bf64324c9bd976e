/**
 * Clientary renders accounting dates as "2011/07/26" in most examples and "2011-07-26" in others;
 * timestamps are ISO 8601 with a zone. Both become the gateway's forms here, once.
 */
const DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})/;

export function toIsoDate(value: string | null | undefined): string | null {
  const match = value ? DAY.exec(value.trim()) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export function toIsoTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The UTC day of an instant, YYYY-MM-DD. */
export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** Dates Clientary accepts on writes. */
export const toWireDate = (isoDate: string | null | undefined) => (isoDate ? isoDate.slice(0, 10) : undefined);

/**
 * Xero's dates, normalised once. The wire uses `/Date(1539993600000+0000)/`; xero-node turns those
 * into `Date` objects, leaves ISO companions (`DateString`) as strings, and some endpoints send
 * `"2020-02-01 00:00:00"`. Accounting dates are midnight UTC, so the UTC calendar day is the date.
 */
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string" || value.trim() === "") return null;
  const text = value.trim();
  const ms = MS_DATE.exec(text);
  if (ms) return new Date(Number(ms[1]));
  if (!ISO_DAY.test(text)) return null;
  const iso = text.replace(" ", "T");
  const parsed = new Date(HAS_ZONE.test(iso) || iso.length === 10 ? iso : `${iso}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Any Xero date form → "YYYY-MM-DD", or null when absent or unreadable. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === "string") {
    const day = ISO_DAY.exec(value.trim());
    if (day) return day[1];
  }
  return toInstant(value)?.toISOString().slice(0, 10) ?? null;
}

/** Any Xero timestamp form → ISO 8601 UTC ("…Z"); zone-less strings are UTC, as Xero writes them. */
export function toIsoTimestamp(value: unknown): string | null {
  return toInstant(value)?.toISOString() ?? null;
}

/** The wire form Xero itself uses, for `raw`: `/Date(ms+0000)/`. */
export function toMsDate(value: Date): string {
  return `/Date(${value.getTime()}+0000)/`;
}

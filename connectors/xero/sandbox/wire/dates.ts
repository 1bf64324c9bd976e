/**
 * The one date converter of the sandbox's wire layer.
 *
 * Books store accounting dates as "YYYY-MM-DD" and timestamps as ISO strings; Xero's JSON carries
 * both as `/Date(<ms>+0000)/`, with a few ISO "companion" strings beside them.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses
 */
import { DATE_FIELDS, TIMESTAMP_FIELDS } from "../books/types.js";

const dateFields = new Set<string>(DATE_FIELDS);
const timestampFields = new Set<string>(TIMESTAMP_FIELDS);
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `/Date(ms+0000)/` as used on entity fields. */
export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** `/Date(ms)/` without offset, as Xero uses for the envelope's DateTimeUTC. */
export function msDateNoOffset(ms: number): string {
  return `/Date(${ms})/`;
}

/**
 * Parses any date form Xero accepts on input: "YYYY-MM-DD", ISO date-time (without a zone = UTC)
 * and `/Date(ms±hhmm)/`. Returns epoch ms, or undefined when the text is none of them.
 */
export function parseWireDate(text: string): number | undefined {
  const ms = MS_DATE.exec(text);
  if (ms) return Number(ms[1]);
  if (ISO_DAY.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (ISO_TIME.test(text)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text.slice(10));
    const parsed = Date.parse(hasZone ? text.replace(" ", "T") : `${text.replace(" ", "T")}Z`);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** Epoch ms of a stored value ("YYYY-MM-DD" or ISO timestamp). */
export function storedToMs(value: string): number {
  return ISO_DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
}

/** "2018-10-20T00:00:00" as Xero writes DateString-style companions. */
export function isoNoZone(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** "2019-03-11T17:58:46Z" as Xero writes UpdatedDateUTCString. */
export function isoSecondsZ(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Companion strings per entity type, limited to those Xero's spec (and so xero-node) declares. */
const COMPANIONS: Record<string, Record<string, { name: string; format: (ms: number) => string }>> = {
  Invoice: { UpdatedDateUTC: { name: "UpdatedDateUTCString", format: isoSecondsZ } },
  CreditNote: { UpdatedDateUTC: { name: "UpdatedDateUTCString", format: isoSecondsZ } },
  Payment: { UpdatedDateUTC: { name: "UpdatedDateUTCString", format: isoSecondsZ } },
  Quote: {
    Date: { name: "DateString", format: isoNoZone },
    ExpiryDate: { name: "ExpiryDateString", format: isoNoZone },
  },
};

function convertOut(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertOut);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const isDate = (dateFields.has(key) || timestampFields.has(key)) && typeof field === "string";
    out[key] = isDate ? msDate(storedToMs(field)) : convertOut(field);
  }
  return out;
}

/**
 * A stored record as Xero puts it on the wire: every date field as `/Date(ms+0000)/` (at any
 * depth), plus the top-level companion strings Xero declares for `type`.
 */
export function recordToWire<T extends object>(record: T, type?: string): Record<string, unknown> {
  const out = convertOut(record) as Record<string, unknown>;
  const companions = type ? COMPANIONS[type] : undefined;
  for (const [field, companion] of Object.entries(companions ?? {})) {
    const stored = (record as Record<string, unknown>)[field];
    if (typeof stored === "string") out[companion.name] = companion.format(storedToMs(stored));
  }
  return out;
}

/**
 * A request element as the books expect it: date fields to "YYYY-MM-DD", timestamp fields to ISO.
 * Values that are not dates in any accepted form are left as sent, for the books to reject.
 */
export function wireToRecord(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wireToRecord);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const ms = typeof field === "string" ? parseWireDate(field) : undefined;
    if (ms !== undefined && dateFields.has(key)) out[key] = new Date(ms).toISOString().slice(0, 10);
    else if (ms !== undefined && timestampFields.has(key)) out[key] = new Date(ms).toISOString();
    else out[key] = wireToRecord(field);
  }
  return out;
}

/**
 * The clock the books are seeded at. Seeded records get times of day, so one dated today could be
 * stamped later than the moment the sandbox seeds; a real organisation never shows a change in the
 * future, and a client reading changes since a cursor would take a later real write (stamped with
 * the clock) for an older version. The seed's last pass holds every stamp at the seeding instant.
 */
import { toMs } from "../dates.js";
import { TIMESTAMP_FIELDS, type XeroBooks } from "../types.js";

const DAY_MS = 86_400_000;
const STAMPED = new Set<string>(TIMESTAMP_FIELDS);

/**
 * The instant books ending on `today` are seeded at: the clock `now`, held within `today` (a clock
 * past the day leaves the day's stamps as they are; one before it holds them at the day's start).
 * Without a clock, the end of `today`.
 */
export function seedInstant(today: string, now?: string | Date): string {
  const start = toMs(today), end = start + DAY_MS - 1;
  const at = now === undefined ? end : new Date(now).getTime();
  return new Date(Math.min(end, Math.max(start, at))).toISOString();
}

/**
 * Moves every timestamp (UpdatedDateUTC, CreatedDateUTC, history DateUTC, wherever it sits in the
 * books) later than `instant` back to it. Order is kept: a created stamp stays at or before its updated one.
 */
export function holdStampsAt(books: XeroBooks, instant: string): XeroBooks {
  const limit = Date.parse(instant);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const [key, field] of Object.entries(record)) {
        if (STAMPED.has(key) && typeof field === "string" && Date.parse(field) > limit) record[key] = instant;
        else visit(field);
      }
    }
  };
  visit(books);
  return books;
}

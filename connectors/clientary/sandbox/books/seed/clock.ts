/**
 * The clock the books are seeded at. Seeded records get times of day, so one dated today could be
 * stamped later than the moment the sandbox seeds; a real account never shows a record changed in
 * the future, and a client reading records `updated_at` since a cursor would take a later real write
 * (stamped with the clock) for an older version. The seed's last pass holds every stamp at the
 * seeding instant.
 */
import type { ClientaryBooks } from "../types.js";
import { stampOf } from "../writes/fields.js";

const DAY_MS = 86_400_000;
/** The fields holding date-times ("2026-11-14T10:07:00Z"): creation, last change, completion. */
const STAMPED = new Set(["created_at", "updated_at", "completed_at"]);

/**
 * The instant books ending on `today` are seeded at: the clock `now`, held within `today` (a clock
 * past the day leaves the day's stamps as they are; one before it holds them at the day's start).
 * Without a clock, the end of `today`.
 */
export function seedInstant(today: string, now?: Date | string): Date {
  const start = Date.parse(`${today}T00:00:00Z`), end = start + DAY_MS - 1;
  const at = now === undefined ? end : new Date(now).getTime();
  return new Date(Math.min(end, Math.max(start, at)));
}

/**
 * Moves every date-time later than `instant`, in any collection, back to it. Order is kept: a
 * record's `created_at` stays at or before its `updated_at`.
 */
export function holdStampsAt(books: ClientaryBooks, instant: Date): ClientaryBooks {
  const limit = instant.getTime();
  const held = stampOf(instant);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const [key, field] of Object.entries(record)) {
        if (STAMPED.has(key) && typeof field === "string" && Date.parse(field) > limit) record[key] = held;
        else visit(field);
      }
    }
  };
  visit(books);
  return books;
}

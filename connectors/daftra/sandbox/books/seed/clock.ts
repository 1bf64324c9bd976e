/**
 * The clock the books are seeded at. Seeded records get times of day, so one dated today could be
 * stamped later than the moment the sandbox seeds; a real account never shows a record changed in
 * the future, and a client reading records `modified` since a cursor would take a later real write
 * (stamped with the clock) for an older version. The seed's last pass holds every stamp at the
 * seeding instant.
 */
import type { DaftraBooks } from "../types.js";
import { stamp } from "../writes/outcome.js";

const DAY_MS = 86_400_000;
/** The fields holding when a row was created or last changed ("YYYY-MM-DD HH:MM:SS", UTC). */
const STAMPED = new Set(["created", "modified"]);

const instantOf = (value: string) => Date.parse(`${value.replace(" ", "T")}Z`);

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
 * Moves every `created` / `modified` later than `instant`, in any table, back to it. Order is
 * kept: a row's `created` stays at or before its `modified`.
 */
export function holdStampsAt(books: DaftraBooks, instant: Date): DaftraBooks {
  const limit = instant.getTime();
  const held = stamp(instant);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const row = value as Record<string, unknown>;
      for (const [key, field] of Object.entries(row)) {
        if (STAMPED.has(key) && typeof field === "string" && instantOf(field) > limit) row[key] = held;
        else visit(field);
      }
    }
  };
  visit(books);
  return books;
}

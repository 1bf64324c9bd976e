import { unprocessable } from "../../http/errors.js";

/** Reading write bodies: strings and numbers as Rails would cast them. */
export const text = (value: unknown): string | null => (value === undefined || value === null || value === "" ? null : String(value));

export const numberOf = (value: unknown): number | undefined => {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
};

export const truthy = (value: unknown) => value === true || value === "true" || value === 1 || value === "1";

export const stampOf = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The `updated_at` a write at `now` leaves on a record last changed at `previous`: the later of the
 * two, so a record's last change never moves backwards (a client keeping the newest version it has
 * seen would otherwise drop the change).
 */
export const touched = (previous: string | undefined, now: Date): string => {
  const at = stampOf(now);
  return previous !== undefined && Date.parse(previous) > Date.parse(at) ? previous : at;
};

/** Marks an existing record changed at `now` (or keeps its later `updated_at`). */
export function touch(record: { updated_at: string }, now: Date): void {
  record.updated_at = touched(record.updated_at, now);
}

/** Rails-style field errors, collected so one 422 names them all: `{"errors": {"field": ["msg"]}}`. */
export function fieldErrors() {
  const errors: Record<string, string[]> = {};
  return {
    add(field: string, message: string) {
      (errors[field] ??= []).push(message);
    },
    has: (field: string) => field in errors,
    /** Answers 422 when anything was added. */
    check() {
      if (Object.keys(errors).length) throw unprocessable(errors);
    },
  };
}
export type FieldErrors = ReturnType<typeof fieldErrors>;

const DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;

/** A date field as Clientary stores it ("2026/11/15"), from either separator; an invalid one is an error, an absent one undefined. */
export function dayField(body: Record<string, unknown>, field: string, errors: FieldErrors): string | undefined {
  if (!(field in body)) return undefined;
  const value = text(body[field]);
  const match = value ? DAY.exec(value.trim()) : null;
  if (!match || Number.isNaN(Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`))) {
    errors.add(field, value ? "is not a valid date" : "can't be blank");
    return undefined;
  }
  return `${match[1]}/${match[2]}/${match[3]}`;
}

/** A money field with at most two decimals (Clientary keeps cents). */
export function amountField(body: Record<string, unknown>, field: string, errors: FieldErrors, { positive = false } = {}): number | undefined {
  if (!(field in body)) return undefined;
  const value = numberOf(body[field]);
  if (value === undefined) errors.add(field, "can't be blank");
  else if (Number.isNaN(value)) errors.add(field, "is not a number");
  else if (positive ? value <= 0 : value < 0) errors.add(field, positive ? "must be greater than 0" : "must be greater than or equal to 0");
  else return Math.round(value * 100) / 100;
  return undefined;
}

/** An id field naming one of `records`: absent → undefined, null/"" → null, unknown → undefined with an "is invalid" error. */
export function referenceField<T extends { id: number }>(body: Record<string, unknown>, field: string, records: readonly T[], errors: FieldErrors): T | null | undefined {
  if (!(field in body)) return undefined;
  const id = numberOf(body[field]);
  if (id === undefined) return null;
  const found = records.find((r) => r.id === id);
  if (!found) errors.add(field, "is invalid");
  return found;
}

/** Removes the matching records in place (the books' arrays keep their identity) and returns them. */
export function removeWhere<T>(records: T[], predicate: (record: T) => boolean): T[] {
  const removed: T[] = [];
  for (let i = records.length - 1; i >= 0; i--) if (predicate(records[i]!)) removed.unshift(...records.splice(i, 1));
  return removed;
}

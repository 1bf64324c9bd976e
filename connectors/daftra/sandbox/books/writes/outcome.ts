/**
 * What a write to the books answers, before the HTTP layer shapes it: the record's id, field errors
 * (400 `validation_errors`), a refusal with Daftra's message only (400), or a missing record (404).
 */
export type FieldErrors = Record<string, string>;

export type WriteOutcome = { id: number } | { errors: FieldErrors } | { refused: string } | { missing: string };

export type Body = Record<string, unknown>;

export const text = (value: unknown): string => (value === undefined || value === null ? "" : String(value));
export const isNumber = (value: unknown): boolean => value !== "" && value !== null && value !== undefined && Number.isFinite(Number(value));
export const isWhole = (value: unknown): boolean => isNumber(value) && Number.isInteger(Number(value));
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-14" or "2026-11-14 10:00:00" → the day; undefined when unreadable. */
export function dayOf(value: unknown): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(text(value));
  if (!match || Number.isNaN(Date.parse(match[1]!))) return undefined;
  return match[1];
}

/** Daftra flags arrive as 0/1, "0"/"1" or booleans. */
export const flag = (value: unknown): 0 | 1 => (value === true || value === 1 || value === "1" || value === "true" ? 1 : 0);

export const stamp = (now: Date): string => now.toISOString().slice(0, 19).replace("T", " ");
export const today = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * The `modified` a write at `now` leaves on a row last changed at `previous`: the later of the two,
 * so a row's last change never moves backwards (a client keeping the newest version it has seen
 * would otherwise drop the change).
 */
export const touched = (previous: string | undefined, now: Date): string => {
  const at = stamp(now);
  return previous !== undefined && previous > at ? previous : at;
};

/** Marks an existing row changed at `now` (or keeps its later `modified`). */
export function touch(row: { modified: string }, now: Date): void {
  row.modified = touched(row.modified, now);
}

/** The field errors so far as an outcome, or undefined when there are none. */
export const failed = (errors: FieldErrors): WriteOutcome | undefined => (Object.keys(errors).length ? { errors } : undefined);

/** The message Daftra answers when a record still has transactions hanging off it. */
export const HAS_TRANSACTIONS = "Can't delete item. Remove its transactions first.";

export function nextRowId(rows: ReadonlyArray<{ id: number }>): number {
  return rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;
}

/**
 * A new id for a table whose rows can be deleted: above every id the table has held, so a deleted
 * record's id never comes back (as with Daftra's auto-increment keys). The high mark is kept in
 * `books.nextId[table]`.
 */
export function freshRowId(books: { nextId: Record<string, number> }, table: string, rows: ReadonlyArray<{ id: number }>): number {
  const id = peekRowId(books, table, rows);
  books.nextId[table] = id + 1;
  return id;
}

/** The id `freshRowId` would hand out next, without claiming it (for checks that need it first). */
export const peekRowId = (books: { nextId: Record<string, number> }, table: string, rows: ReadonlyArray<{ id: number }>): number =>
  Math.max(nextRowId(rows), books.nextId[table] ?? 1);

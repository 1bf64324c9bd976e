/**
 * A write stamps what it changes with the sandbox clock, but never moves a record's UpdatedDateUTC
 * backwards: a client that keeps the newest version it has seen would otherwise drop the change.
 */

/** The UpdatedDateUTC a write at `now` leaves on a record last changed at `previous`: the later of the two. */
export function touchedAt(previous: string | undefined, now: string): string {
  return previous !== undefined && Date.parse(previous) > Date.parse(now) ? previous : now;
}

/** Marks `record` changed at `now` (or keeps its later stamp). */
export function touch(record: { UpdatedDateUTC: string }, now: string): void {
  record.UpdatedDateUTC = touchedAt(record.UpdatedDateUTC, now);
}

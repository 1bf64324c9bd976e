/** Calls counted in one bucket (a minute) starting at `start`. */
export interface UsageBucket {
  start: number;
  calls: number;
}

/** The calls an organization's pollers made over the last 24 hours, by minute, as every instance counted them. */
export interface PollerHistory {
  calls: UsageBucket[];
  /** The part of `calls` that backfills (first full listings) made. */
  backfills: UsageBucket[];
  /** When each call of the last two minutes was made, one entry per call (the rolling minute, exact); absent: only the buckets are known. */
  recent?: number[];
}

/**
 * The pollers' calls of one organization, counted where every instance of a cluster sees them. Only
 * the instance holding the organization's poll lease polls it; when the lease passes to another one
 * (a stop, a crash), the new holder reads what its predecessors spent (`read`) and its scheduler starts
 * from there, so the pollers' share of the minute and of the day holds across the handover instead of
 * starting again from zero. One instance (SQLite, memory) needs none: its scheduler's own count is whole.
 */
export interface PollerUsage {
  /** Adds calls made at `atMs` (not awaited: a count that fails to reach the store is only logged). */
  record(atMs: number, calls: number, backfill: boolean): void;
  read(): Promise<PollerHistory>;
}

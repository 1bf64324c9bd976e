import type { RollingWindow } from "./rolling-window.js";

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Calls counted per time bucket (a minute) over a long rolling window (a day), so its memory is one
 * counter per bucket, whatever the limit: 1,440 counters at most for a day of minutes, for 5,000
 * calls a day or 100 million. A bucket's calls count until the whole bucket has left the window, so
 * the count is never below the calls of the last `windowMs` (at most one bucket's calls above): a
 * budget held under it holds in every window of that length, a provider's calendar day included.
 */
export interface BucketedWindow {
  add(atMs: number, calls?: number): void;
  /** Takes back calls counted at `atMs` (they never reached the provider). */
  remove(atMs: number, calls?: number): void;
  /** Calls counted at `nowMs`. */
  used(nowMs: number): number;
  /** The earliest instant at which at most `allowed` calls are still counted (`nowMs` when that is already so). */
  roomAt(nowMs: number, allowed: number): number;
  /** Counters held right now (what its memory grows with). */
  buckets(): number;
  /** Calls counted in the bucket that holds `atMs`. */
  countAt(atMs: number): number;
}

export interface BucketedWindowOptions {
  /** @default 86_400_000 (a day) */
  windowMs?: number;
  /** @default 60_000 (a minute) */
  bucketMs?: number;
}

export function createBucketedWindow({ windowMs = DAY_MS, bucketMs = MINUTE_MS }: BucketedWindowOptions = {}): BucketedWindow {
  /** Oldest first; a bucket holds the calls made in [start, start + bucketMs). */
  const buckets: Array<{ start: number; calls: number }> = [];
  let total = 0;
  const expiresAt = (start: number) => start + bucketMs + windowMs;
  const prune = (nowMs: number) => {
    let gone = 0;
    while (gone < buckets.length && expiresAt(buckets[gone]!.start) <= nowMs) total -= buckets[gone++]!.calls;
    if (gone > 0) buckets.splice(0, gone);
  };
  const find = (start: number) => {
    for (let i = buckets.length - 1; i >= 0; i--) if (buckets[i]!.start <= start) return i;
    return -1;
  };
  return {
    add(atMs, calls = 1) {
      if (calls <= 0) return;
      const start = Math.floor(atMs / bucketMs) * bucketMs;
      const at = find(start);
      if (at >= 0 && buckets[at]!.start === start) buckets[at]!.calls += calls;
      else buckets.splice(at + 1, 0, { start, calls });
      total += calls;
    },
    remove(atMs, calls = 1) {
      const start = Math.floor(atMs / bucketMs) * bucketMs;
      const at = find(start);
      if (at < 0 || buckets[at]!.start !== start) return;
      const taken = Math.min(calls, buckets[at]!.calls);
      buckets[at]!.calls -= taken;
      total -= taken;
    },
    used(nowMs) {
      prune(nowMs);
      return total;
    },
    roomAt(nowMs, allowed) {
      prune(nowMs);
      let left = total;
      if (left <= allowed) return nowMs;
      for (const bucket of buckets) {
        left -= bucket.calls;
        if (left <= allowed) return expiresAt(bucket.start);
      }
      return nowMs;
    },
    buckets: () => buckets.length,
    countAt(atMs) {
      const start = Math.floor(atMs / bucketMs) * bucketMs;
      const at = find(start);
      return at >= 0 && buckets[at]!.start === start ? buckets[at]!.calls : 0;
    },
  };
}

/** A `RollingWindow` of `limit` calls a day, kept in minute buckets (see `createBucketedWindow`). */
export function createDailyWindow(limit: number, options: BucketedWindowOptions = {}): RollingWindow {
  const window = createBucketedWindow(options);
  return {
    waitMs(nowMs, under = limit) {
      if (window.used(nowMs) < under) return 0;
      return Math.max(0, window.roomAt(nowMs, Math.max(0, under - 1)) - nowMs);
    },
    record: (nowMs) => window.add(nowMs),
    forget: (atMs) => window.remove(atMs),
    size: (nowMs) => window.used(nowMs),
  };
}

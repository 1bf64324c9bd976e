/** Start times of the calls made in the last `windowMs`, to keep a caller inside a rolling budget. */
export interface RollingWindow {
  /** Milliseconds to wait before one more call fits the budget, or a lower `limit` (0 = now). */
  waitMs(nowMs: number, limit?: number): number;
  record(nowMs: number): void;
  /** Takes back one call recorded at `atMs` (it never happened: its caller gave up while queued). */
  forget(atMs: number): void;
  /** Calls in the window at `nowMs`. */
  size(nowMs: number): number;
}

export function createRollingWindow(limit: number, windowMs: number): RollingWindow {
  const starts: number[] = [];
  const prune = (nowMs: number) => {
    while (starts.length > 0 && starts[0] <= nowMs - windowMs) starts.shift();
  };
  return {
    waitMs(nowMs, under = limit) {
      prune(nowMs);
      if (starts.length < under || starts.length === 0) return 0;
      // Room opens when the call that brings the count below `under` ages out.
      return starts[starts.length - Math.max(1, under)] + windowMs - nowMs;
    },
    record(nowMs) {
      starts.push(nowMs);
    },
    forget(atMs) {
      const index = starts.lastIndexOf(atMs);
      if (index >= 0) starts.splice(index, 1);
    },
    size(nowMs) {
      prune(nowMs);
      return starts.length;
    },
  };
}

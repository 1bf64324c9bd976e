/** Start times of the calls made in the last `windowMs`, to keep a caller inside a rolling budget. */
export interface RollingWindow {
  /** Milliseconds to wait before one more call fits the budget (0 = now). */
  waitMs(nowMs: number): number;
  record(nowMs: number): void;
}

export function createRollingWindow(limit: number, windowMs: number): RollingWindow {
  const starts: number[] = [];
  const prune = (nowMs: number) => {
    while (starts.length > 0 && starts[0] <= nowMs - windowMs) starts.shift();
  };
  return {
    waitMs(nowMs) {
      prune(nowMs);
      return starts.length < limit ? 0 : starts[0] + windowMs - nowMs;
    },
    record(nowMs) {
      starts.push(nowMs);
    },
  };
}

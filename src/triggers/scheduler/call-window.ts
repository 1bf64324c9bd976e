const MINUTE_MS = 60_000;

/** Upstream calls recorded over a rolling minute: how many, and when room for more opens up. */
export function createCallWindow(windowMs = MINUTE_MS) {
  let entries: Array<{ at: number; calls: number }> = [];
  const prune = (now: number) => {
    entries = entries.filter((e) => e.at > now - windowMs);
  };
  return {
    add(at: number, calls: number) {
      if (calls > 0) entries.push({ at, calls });
    },
    used(now: number): number {
      prune(now);
      return entries.reduce((sum, e) => sum + e.calls, 0);
    },
    /** Calls recorded at instants in [from, to). */
    between(from: number, to: number): number {
      return entries.reduce((sum, e) => (e.at >= from && e.at < to ? sum + e.calls : sum), 0);
    },
    /** The earliest instant at which at most `allowed` calls remain in the window. */
    roomAt(now: number, allowed: number): number {
      prune(now);
      let used = entries.reduce((sum, e) => sum + e.calls, 0);
      for (const entry of entries) {
        if (used <= allowed) break;
        used -= entry.calls;
        if (used <= allowed) return entry.at + windowMs;
      }
      return now;
    },
  };
}
export type CallWindow = ReturnType<typeof createCallWindow>;

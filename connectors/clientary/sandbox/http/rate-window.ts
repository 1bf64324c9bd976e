const WINDOW_MS = 60_000;

/**
 * Calls admitted in a rolling minute. Clientary publishes no limit; the sandbox enforces one so
 * clients prove they honour 429 + Retry-After. Refused calls are not counted.
 */
export function createRateWindow(perMinute: number, now: () => number) {
  let calls: number[] = [];
  return {
    /** Seconds to wait when over the limit, otherwise undefined (and the call is counted). */
    admit(): number | undefined {
      const at = now();
      calls = calls.filter((t) => t > at - WINDOW_MS);
      if (calls.length >= perMinute) return Math.max(1, Math.ceil((calls[0]! + WINDOW_MS - at) / 1000));
      calls.push(at);
      return undefined;
    },
  };
}

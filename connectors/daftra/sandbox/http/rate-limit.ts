/**
 * Daftra documents no rate limit; the sandbox defends itself with a rolling per-minute budget per
 * key and answers 429 with Retry-After past it.
 */
import { failed, type Reply } from "./reply.js";

export function createRateLimiter(perMinute: number, now: () => number) {
  const calls = new Map<string, number[]>();
  return {
    admit(key: string): Reply | undefined {
      const t = now();
      const recent = (calls.get(key) ?? []).filter((at) => at > t - 60_000);
      calls.set(key, recent);
      if (recent.length >= perMinute) {
        const retryAfter = Math.max(1, Math.ceil((recent[0]! + 60_000 - t) / 1000));
        return failed(429, "Too Many Requests", {}, { "Retry-After": String(retryAfter) });
      }
      recent.push(t);
      return undefined;
    },
  };
}

import { ErrorCode, GatewayError } from "../errors/index.js";
import { systemClock, type Clock } from "../infra/clock.js";
import { countUpstreamCall } from "./call-meter.js";
import { createConcurrencySlots } from "./concurrency-slots.js";
import { retryAfterSecondsOf } from "./rate-limited.js";
import { createRollingWindow } from "./rolling-window.js";

const MINUTE_MS = 60_000;

export interface UpstreamGovernorOptions {
  /** Calls in flight at once (Xero: 5 per organization). */
  maxConcurrent: number;
  /** Calls started in any rolling minute (Xero: 60 per organization). */
  perMinute: number;
  /** @default systemClock */
  clock?: Clock;
  /** Retries after rate-limit answers before giving up. @default 3 */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for; a longer one fails at once. @default 60_000 */
  maxRetryWaitMs?: number;
  /** Named in error messages. @default "The provider" */
  provider?: string;
  /** @default a setTimeout-based sleep */
  sleep?: (ms: number) => Promise<void>;
}

export interface UpstreamStats {
  /** Upstream calls started, retries included. */
  calls: number;
  retries: number;
  /** Time callers spent waiting for the budget or a Retry-After. */
  throttledMs: number;
}

/** Shapes one organization's traffic to its provider. Every upstream call goes through `run`. */
export interface UpstreamGovernor {
  run<T>(fn: () => Promise<T>): Promise<T>;
  stats(): UpstreamStats;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createUpstreamGovernor({
  maxConcurrent,
  perMinute,
  clock = systemClock,
  maxRetries = 3,
  maxRetryWaitMs = MINUTE_MS,
  provider = "The provider",
  sleep = defaultSleep,
}: UpstreamGovernorOptions): UpstreamGovernor {
  const slots = createConcurrencySlots(maxConcurrent);
  const window = createRollingWindow(perMinute, MINUTE_MS);
  const totals: UpstreamStats = { calls: 0, retries: 0, throttledMs: 0 };
  let pausedUntil = 0;

  async function waitForTurn(): Promise<void> {
    for (;;) {
      const now = clock.now().getTime();
      const paused = pausedUntil - now;
      if (paused > maxRetryWaitMs) throw giveUp(Math.ceil(paused / 1000), 0, undefined);
      const wait = Math.max(paused, window.waitMs(now));
      if (wait <= 0) {
        window.record(now);
        return;
      }
      totals.throttledMs += wait;
      await sleep(wait);
    }
  }

  function giveUp(retryAfterSeconds: number, attempts: number, cause: unknown): GatewayError {
    return new GatewayError(
      ErrorCode.PROVIDER_RATE_LIMITED,
      attempts === 0
        ? `${provider} asked for a pause on this organization's calls. Try again in ${retryAfterSeconds} seconds.`
        : `${provider} kept rate limiting this organization after ${attempts} attempts. Try again in ${retryAfterSeconds} seconds.`,
      { details: { provider, retryAfterSeconds, attempts }, cause },
    );
  }

  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        await slots.acquire();
        try {
          await waitForTurn();
          totals.calls++;
          countUpstreamCall();
          return await fn();
        } catch (error) {
          const retryAfterSeconds = retryAfterSecondsOf(error);
          if (retryAfterSeconds === undefined) throw error;
          pausedUntil = Math.max(pausedUntil, clock.now().getTime() + retryAfterSeconds * 1000);
          if (attempt > maxRetries || retryAfterSeconds * 1000 > maxRetryWaitMs) throw giveUp(retryAfterSeconds, attempt, error);
          totals.retries++;
        } finally {
          slots.release();
        }
      }
    },
    stats: () => ({ ...totals }),
  };
}

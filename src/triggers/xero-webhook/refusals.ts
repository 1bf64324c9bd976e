import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";

export interface RefusalLimitOptions {
  logger: Logger;
  clock: Clock;
  /** Length of one window, for both the log summary and the per-address budget. @default 60_000 */
  windowMs?: number;
  /** Refused deliveries one address may make per window; after that it gets 429 before its body is read. @default 30 */
  perAddress?: number;
  /** Addresses tracked at once; when full, every address shares one budget until the window ends. @default 10_000 */
  maxAddresses?: number;
}

/**
 * Keeps unauthenticated webhook posts cheap and quiet. Logging: the first refusal of a window is one
 * warning, and the rest of that window becomes one summary line with a count (written when the
 * next window starts, or by a timer that never keeps the process alive). Budget: an address that
 * sent `perAddress` refused deliveries in the current window is throttled (429, `Retry-After`)
 * until the window ends, without reading its body or computing a signature. Signed deliveries never
 * spend the budget.
 */
export function createRefusalLimit({ logger, clock, windowMs = 60_000, perAddress = 30, maxAddresses = 10_000 }: RefusalLimitOptions) {
  let windowStart = clock.now().getTime();
  let byAddress = new Map<string, number>();
  let refused = 0;
  let unlogged = 0;
  let throttled = 0;
  let flushTimer: NodeJS.Timeout | undefined;

  function summarise() {
    if (unlogged > 0 || throttled > 0) {
      logger.warn("xero webhook deliveries refused since the last line", { refused: unlogged, throttled, windowSeconds: windowMs / 1000, addresses: byAddress.size });
    }
    unlogged = 0;
    throttled = 0;
  }

  function roll() {
    const now = clock.now().getTime();
    if (now - windowStart < windowMs) return;
    summarise();
    windowStart = now;
    byAddress = new Map();
    refused = 0;
  }

  function scheduleFlush() {
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      roll();
    }, windowMs);
    flushTimer.unref();
  }

  /**
   * Addresses are tracked until `maxAddresses` are; past that a new address is not throttled (its
   * posts still meet the signature check) rather than pooled with others, so a flood from many
   * addresses can never make Xero's own deliveries wait.
   */
  const tracked = (address: string) => byAddress.has(address) || byAddress.size < maxAddresses;

  return {
    /** Seconds until `address` may post again, or 0 when it is within its budget (counts a throttled post). */
    throttle(address: string): number {
      roll();
      if ((byAddress.get(address) ?? 0) < perAddress) return 0;
      throttled += 1;
      scheduleFlush();
      return Math.max(1, Math.ceil((windowStart + windowMs - clock.now().getTime()) / 1000));
    },
    /** Counts one refused delivery; only the first of each window is logged at once. */
    refuse(address: string, reason: string, data: Record<string, unknown> = {}): void {
      roll();
      if (tracked(address)) byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
      refused += 1;
      if (refused === 1) logger.warn(`xero webhook refused: ${reason} (further refusals are summarised once per window)`, { ...data, windowSeconds: windowMs / 1000 });
      else unlogged += 1;
      scheduleFlush();
    },
    /** Writes the pending summary now (tests, shutdown). */
    flush: summarise,
  };
}
export type RefusalLimit = ReturnType<typeof createRefusalLimit>;

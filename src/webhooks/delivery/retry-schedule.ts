/** When the attempts of a delivery happen, and what one attempt's result makes of it. */
import type { AttemptOutcome } from "../webhook-types.js";
import type { SendResult } from "./send-webhook.js";

/** Delay before each attempt, ms: Standard Webhooks / Svix schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** Most attempts a schedule may have. */
export const MAX_RETRY_SCHEDULE_LENGTH = 20;

/** The default jitter: each delay moves by up to ±20 %. */
export const DEFAULT_RETRY_JITTER = 0.2;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const ENTRY = /^(\d+)(ms|s|m|h)$/;

/**
 * `LEDGERLINE_WEBHOOK_RETRY_SCHEDULE`: "0s,5s,5m,30m,2h,5h,10h,10h" (units ms, s, m, h; whole numbers;
 * 1 to 20 entries; only the first may be 0), the delay before each attempt in ms; or a problem naming
 * the bad part and saying what to write instead.
 */
export function parseRetrySchedule(text: string): { ok: true; delaysMs: number[] } | { ok: false; problem: string } {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length === 1 && parts[0] === "") return { ok: false, problem: 'is empty; give delays such as "0s,5s,5m,30m,2h,5h,10h,10h"' };
  if (parts.length > MAX_RETRY_SCHEDULE_LENGTH) return { ok: false, problem: `has ${parts.length} delays; give 1 to ${MAX_RETRY_SCHEDULE_LENGTH}` };
  const delaysMs: number[] = [];
  for (const [index, part] of parts.entries()) {
    const match = ENTRY.exec(part);
    if (!match) {
      return { ok: false, problem: `delay ${index + 1} "${part}" is not a whole number followed by ms, s, m or h; write e.g. "5s" or "30m"` };
    }
    const delay = Number(match[1]) * UNIT_MS[match[2]];
    if (!Number.isSafeInteger(delay) || delay > 7 * 24 * 3_600_000) return { ok: false, problem: `delay ${index + 1} "${part}" is longer than 7 days; use a shorter delay` };
    if (delay === 0 && index > 0) return { ok: false, problem: `delay ${index + 1} "${part}" is 0; only the first attempt may go out at once` };
    delaysMs.push(delay);
  }
  return { ok: true, delaysMs };
}

/** True for a 2xx status. */
function isSuccess(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/**
 * The outcome of attempt number `attemptNumber` (1-based) that ended with `result` at `now`: 2xx delivered, 410 gone,
 * otherwise the next attempt after the schedule's next delay with ±`jitter` (fraction, default 0.2) drawn from `random`, or exhausted.
 * `scheduleMs[i]` is the delay before attempt i + 1, so attempt n is followed by `scheduleMs[n]`; a 0 delay is not jittered.
 */
export function outcomeOf(input: { result: SendResult; attemptNumber: number; now: number; scheduleMs: readonly number[]; random?: () => number; jitter?: number }): AttemptOutcome {
  const { result, attemptNumber, now, scheduleMs } = input;
  if (isSuccess(result.statusCode)) return { kind: "delivered" };
  if (result.statusCode === 410) return { kind: "gone" };
  if (attemptNumber >= scheduleMs.length) return { kind: "exhausted" };
  const delay = scheduleMs[attemptNumber];
  if (delay === 0) return { kind: "retry", nextAttemptAt: now };
  const jitter = Math.min(Math.max(input.jitter ?? DEFAULT_RETRY_JITTER, 0), 1);
  const random = input.random ?? Math.random;
  const factor = 1 + jitter * (2 * random() - 1);
  return { kind: "retry", nextAttemptAt: now + Math.round(delay * factor) };
}

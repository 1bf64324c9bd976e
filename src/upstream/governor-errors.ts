import { ErrorCode, GatewayError } from "../errors/index.js";
import type { Admission } from "./caller-budget.js";

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
/** What a caller past a daily limit can still do. */
const MIRROR_GOES_ON = "Reads served from the mirror go on; try live reads and writes again in";

/** The provider did not answer (or the call could not start) before the deadline. */
export function timedOut(provider: string, timeoutMs: number, cause?: unknown): GatewayError {
  const timeoutSeconds = timeoutMs / 1000;
  return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `${provider} did not answer within ${timeoutSeconds} s. Try again shortly.`, {
    details: { provider, timeoutSeconds },
    cause,
  });
}

/** The client left (closed the request or completed the operation) before the call was made or answered. */
export function cancelled(provider: string): GatewayError {
  return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `The request was cancelled by its client before ${provider} answered.`, {
    details: { provider, cancelled: true },
  });
}

/** The organization's rolling-minute budget has no room for this call before its deadline. */
export function noRoomInBudget(provider: string, waitMs: number): GatewayError {
  const retryAfterSeconds = seconds(waitMs);
  return new GatewayError(
    ErrorCode.PROVIDER_RATE_LIMITED,
    `This organization's calls to ${provider} are at their per-minute limit for the next ${retryAfterSeconds} seconds. Try again in ${retryAfterSeconds} seconds.`,
    { details: { provider, retryAfterSeconds } },
  );
}

/** How long until `waitMs` from now, for a message: "3 h 12 min", "14 min", "40 s". */
function spell(waitMs: number): string {
  const minutes = Math.ceil(waitMs / 60_000);
  if (waitMs < 60_000) return `${seconds(waitMs)} s`;
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/**
 * The organization made as many calls as the provider allows in a day (Xero: 5,000), counted over the
 * last 24 hours: no call is sent until the oldest ones age out, `waitMs` from `nowMs`.
 */
export function dailyLimitReached(provider: string, perDay: number, waitMs: number, nowMs: number): GatewayError {
  const retryAfterSeconds = seconds(waitMs);
  const retryAt = new Date(nowMs + retryAfterSeconds * 1000).toISOString();
  return new GatewayError(
    ErrorCode.PROVIDER_RATE_LIMITED,
    `This organization has made the ${perDay} calls to ${provider} allowed in 24 hours; room frees in ${spell(waitMs)} (at ${retryAt}). ${MIRROR_GOES_ON} ${retryAfterSeconds} seconds.`,
    { details: { provider, retryAfterSeconds, retryAt, budgetScope: "ORGANIZATION", budgetPeriod: "DAY", perDay } },
  );
}

/** An interactive caller found no room: its key is past its share with none to spare, or interactive requests used all theirs. */
export function overCallerShare(provider: string, refusal: Extract<Admission, { ok: false }>, nowMs: number): GatewayError {
  const retryAfterSeconds = seconds(refusal.retryAfterMs);
  if (refusal.period === "day") {
    const retryAt = new Date(nowMs + retryAfterSeconds * 1000).toISOString();
    return new GatewayError(
      ErrorCode.PROVIDER_RATE_LIMITED,
      `Interactive requests have used their part of this organization's daily ${provider} budget (${refusal.interactivePerDay} calls in 24 hours; the rest is kept for change detection); room frees in ${spell(refusal.retryAfterMs)} (at ${retryAt}). ${MIRROR_GOES_ON} ${retryAfterSeconds} seconds.`,
      { details: { provider, retryAfterSeconds, retryAt, budgetScope: refusal.scope, budgetPeriod: "DAY", interactivePerDay: refusal.interactivePerDay } },
    );
  }
  const who = refusal.scope === "API_KEY"
    ? `This API key has used its share of this organization's ${provider} budget (${refusal.keySharePerMinute} calls a minute), and the rest is in use or kept for other keys`
    : `Interactive requests have used their part of this organization's ${provider} budget (${refusal.interactivePerMinute} calls a minute; the rest is kept for change detection)`;
  return new GatewayError(ErrorCode.PROVIDER_RATE_LIMITED, `${who}. Try again in ${retryAfterSeconds} seconds.`, {
    details: { provider, retryAfterSeconds, budgetScope: refusal.scope, keySharePerMinute: refusal.keySharePerMinute, interactivePerMinute: refusal.interactivePerMinute },
  });
}

import { ErrorCode, GatewayError } from "../errors/index.js";
import type { Admission } from "./caller-budget.js";

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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

/** An interactive caller found no room: its key is past its share with none to spare, or interactive requests used all theirs. */
export function overCallerShare(provider: string, refusal: Extract<Admission, { ok: false }>): GatewayError {
  const retryAfterSeconds = seconds(refusal.retryAfterMs);
  const who = refusal.scope === "API_KEY"
    ? `This API key has used its share of this organization's ${provider} budget (${refusal.keySharePerMinute} calls a minute), and the rest is in use or kept for other keys`
    : `Interactive requests have used their part of this organization's ${provider} budget (${refusal.interactivePerMinute} calls a minute; the rest is kept for change detection)`;
  return new GatewayError(ErrorCode.PROVIDER_RATE_LIMITED, `${who}. Try again in ${retryAfterSeconds} seconds.`, {
    details: { provider, retryAfterSeconds, budgetScope: refusal.scope, keySharePerMinute: refusal.keySharePerMinute, interactivePerMinute: refusal.interactivePerMinute },
  });
}

import { ErrorCode, GatewayError } from "../errors/index.js";

/**
 * The error a connector throws for a provider's "slow down" answer (HTTP 429). The governor
 * recognises it by `extensions.retryAfterSeconds`, waits that long and retries.
 */
export function rateLimited(provider: string, retryAfterSeconds: number, details: Record<string, unknown> = {}): GatewayError {
  return new GatewayError(
    ErrorCode.PROVIDER_RATE_LIMITED,
    `${provider} is rate limiting this organization. Try again in ${retryAfterSeconds} seconds.`,
    { details: { provider, retryAfterSeconds, ...details } },
  );
}

/** Seconds to wait before retrying, when `error` is a rate-limit answer; otherwise undefined. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof GatewayError) || error.code !== ErrorCode.PROVIDER_RATE_LIMITED) return undefined;
  const seconds = Number(error.extensions.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

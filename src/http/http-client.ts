import got, { HTTPError, RequestError, type Got } from "got";
import { ErrorCode, GatewayError } from "../errors/index.js";
import { rateLimited } from "../upstream/index.js";

export interface HttpClientOptions {
  /** Provider name for error messages, e.g. "Daftra". */
  provider: string;
  /** Origin plus path prefix every request is relative to, e.g. "https://acme.daftra.com/api2/". */
  baseUrl: string;
  /** Headers on every request (auth, accept). */
  headers?: Record<string, string>;
  /** Whole-request timeout. @default 15000 */
  timeoutMs?: number;
  /** Retries of idempotent requests on 429/502/503/504 and network errors, honouring Retry-After. @default 2 */
  retries?: number;
  /** Longest Retry-After the client waits out itself; longer ones surface as PROVIDER_RATE_LIMITED. @default 10000 */
  maxRetryAfterMs?: number;
}

/**
 * The one HTTP client for providers reached without an SDK (Daftra, Clientary): JSON, timeouts,
 * retries that honour Retry-After. Translate its errors with `httpErrorToGateway`. `timeoutMs` bounds
 * one attempt; pass the governor's signal with each request (`{ signal }`) so its deadline, or a
 * client that left, stops the request and its retries together.
 */
export function createHttpClient({ provider, baseUrl, headers = {}, timeoutMs = 15_000, retries = 2, maxRetryAfterMs = 10_000 }: HttpClientOptions): Got {
  return got.extend({
    prefixUrl: baseUrl,
    headers: { accept: "application/json", "user-agent": "ledgerline", ...headers },
    timeout: { request: timeoutMs },
    responseType: "json",
    retry: {
      limit: retries,
      methods: ["GET", "PUT", "HEAD", "DELETE", "OPTIONS"],
      statusCodes: [429, 502, 503, 504],
      maxRetryAfter: maxRetryAfterMs,
    },
    context: { provider },
  });
}

/** Reads a provider's field messages out of an error body; each connector knows its own shape. */
export type ValidationReader = (body: unknown) => Array<{ field?: string; message: string }> | undefined;

/** got errors → the gateway's typed errors, keeping the provider's validation messages. */
export function httpErrorToGateway(provider: string, error: unknown, readValidation: ValidationReader = () => undefined): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof HTTPError) {
    const { statusCode, body, headers } = error.response;
    const details = { provider, upstreamStatus: statusCode };
    if (statusCode === 429) return rateLimited(provider, Number(headers["retry-after"] ?? 60) || 60);
    if (statusCode === 401) return new GatewayError(ErrorCode.PROVIDER_AUTH_EXPIRED, `${provider} no longer accepts this organization's credentials. Reconnect it with a valid key.`, { details, cause: error });
    if (statusCode === 403) return new GatewayError(ErrorCode.FORBIDDEN, `${provider} refused access for this organization. Check the key's permissions.`, { details, cause: error });
    if (statusCode === 404) return new GatewayError(ErrorCode.NOT_FOUND, `${provider} has no such record. Check the id, or list the records to find it.`, { details, cause: error });
    const problems = statusCode === 400 || statusCode === 422 ? readValidation(body) : undefined;
    if (problems?.length) {
      const summary = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; ");
      return new GatewayError(ErrorCode.PROVIDER_VALIDATION, `${provider} rejected the data: ${summary}`, { details: { ...details, providerErrors: problems }, cause: error });
    }
    if (statusCode >= 400 && statusCode < 500) {
      return new GatewayError(ErrorCode.PROVIDER_VALIDATION, `${provider} refused the request (HTTP ${statusCode}).`, { details, cause: error });
    }
  }
  const reason = error instanceof RequestError ? error.code : "unexpected answer";
  return new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `${provider} could not be reached (${reason}). Try again shortly.`, { details: { provider }, cause: error });
}

/**
 * The closed set of error codes the gateway answers with, in `extensions.code`.
 * Every client-facing error carries one of these; anything else is masked to INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  NOT_SUPPORTED: "NOT_SUPPORTED",
  CONFLICT: "CONFLICT",
  PROVIDER_VALIDATION: "PROVIDER_VALIDATION",
  PROVIDER_RATE_LIMITED: "PROVIDER_RATE_LIMITED",
  PROVIDER_UNAVAILABLE: "PROVIDER_UNAVAILABLE",
  PROVIDER_AUTH_EXPIRED: "PROVIDER_AUTH_EXPIRED",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** A per-connection or per-API-key limit (e.g. open subscriptions) is reached; the message names it. */
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  /** `source: MIRROR` asked for an entity the mirror has not finished backfilling; the message says where its progress shows and what answers now. */
  MIRROR_NOT_READY: "MIRROR_NOT_READY",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status a request-level failure with this code answers with (GraphQL field errors stay 200). */
export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  NOT_SUPPORTED: 400,
  CONFLICT: 409,
  PROVIDER_VALIDATION: 422,
  PROVIDER_RATE_LIMITED: 429,
  PROVIDER_UNAVAILABLE: 502,
  PROVIDER_AUTH_EXPIRED: 401,
  QUERY_TOO_COMPLEX: 400,
  LIMIT_EXCEEDED: 429,
  MIRROR_NOT_READY: 503,
  INTERNAL_SERVER_ERROR: 500,
};

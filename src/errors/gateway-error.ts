import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-codes.js";

export interface GatewayErrorOptions {
  /** Extra machine-readable detail, merged into `extensions` (e.g. `field`, `provider`, `retryAfterSeconds`). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A client-facing error. The message says what happened and what to do next; the code is one of
 * the closed set in `ErrorCode`.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, { extensions: { code, ...options.details }, originalError: toError(options.cause) });
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "GatewayError";
    this.code = code;
  }
}

function toError(cause: unknown): Error | undefined {
  if (cause === undefined) return undefined;
  return cause instanceof Error ? cause : new Error(String(cause));
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;

/** One wrong input field: the path of the field and what to do about it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export function badUserInput(problems: FieldProblem[]): GatewayError {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return new GatewayError(ErrorCode.BAD_USER_INPUT, `Invalid input. ${summary}`, { details: { fields: problems } });
}

export function notSupported(provider: string, operation: string, reason?: string): GatewayError {
  const why = reason ? ` ${reason}` : "";
  return new GatewayError(
    ErrorCode.NOT_SUPPORTED,
    `${provider} does not support ${operation}.${why} Query the organization's capabilities to see what it supports.`,
    { details: { provider, operation } },
  );
}

export function notFound(what: string, id: string): GatewayError {
  return new GatewayError(ErrorCode.NOT_FOUND, `${what} '${id}' was not found. Check the id, or list ${what} records to find it.`, {
    details: { id },
  });
}

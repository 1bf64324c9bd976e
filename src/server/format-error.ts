import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors/index.js";
import type { Logger } from "../infra/logger.js";

/** Codes GraphQL servers give to a request that never reached a resolver (parse, validation…). */
export const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export type GatewayErrorFormatter = (formatted: GraphQLFormattedError, error: unknown, requestId: string | undefined) => GraphQLFormattedError;

export interface ErrorFormatterOptions {
  /** Receives every masked error with its request id and stack. */
  logger: Logger;
}

/**
 * Decides what a client may see of an error, the same way on HTTP and WebSocket:
 * - errors carrying one of our codes (GatewayError and friends) pass with message and extensions;
 * - parse, validation and other request errors keep their GraphQL/Apollo code;
 * - anything else is masked to INTERNAL_SERVER_ERROR with the request id, and the original is logged.
 */
export function createErrorFormatter({ logger }: ErrorFormatterOptions): GatewayErrorFormatter {
  return (formatted, error, requestId = "unknown") => {
    if (isClientFacing(error)) return explainParseOverflow(withoutHttpHint(formatted));
    const original = rootCause(error);
    // The client left (its socket reset or closed under us): nothing went wrong on our side.
    const log = clientWentAway(original) ? logger.debug.bind(logger) : logger.error.bind(logger);
    log(clientWentAway(original) ? "the client went away during a GraphQL operation" : "unexpected error while handling a GraphQL operation", {
      requestId,
      path: formatted.path,
      error: original instanceof Error ? original.message : String(original),
      stack: original instanceof Error ? original.stack : undefined,
    });
    return {
      message: `Internal server error (request id ${requestId}). The details were logged; quote this id when you report the problem.`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}

/**
 * Errors raised before execution carry `extensions.http` (the status Apollo answers with); Apollo
 * strips it, graphql-ws does not, so it is dropped here to keep both paths' errors the same.
 */
function withoutHttpHint(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !("http" in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

const GONE = new Set(["ECONNRESET", "EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END", "ABORT_ERR"]);

/** An error that only says the client's connection is gone (reset, closed, aborted). */
export function clientWentAway(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return error.name === "AbortError" || (typeof code === "string" && GONE.has(code));
}

/** graphql's parser recurses per nesting level: a document nested tens of thousands deep overflows the stack. Say so plainly. */
function explainParseOverflow(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== "GRAPHQL_PARSE_FAILED" || !/Maximum call stack size exceeded/.test(formatted.message)) return formatted;
  return { ...formatted, message: "This document nests too deeply to be parsed. Send a document with far fewer nested braces or brackets." };
}

/** The error that started it all, beneath GraphQL's (and Apollo's) wrappers. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

function isClientFacing(error: unknown): boolean {
  const original = unwrapResolverError(error);
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (typeof code !== "string" || code === ErrorCode.INTERNAL_SERVER_ERROR) return false;
  if (code in ErrorCode) return true;
  // A request-level code counts only on an error raised outside resolvers (those always have a path).
  return REQUEST_ERROR_CODES.has(code) && error instanceof GraphQLError && error.path === undefined;
}

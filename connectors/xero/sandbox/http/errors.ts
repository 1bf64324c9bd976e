/**
 * The one error writer: every route and middleware builds its failures here, in the shapes Xero
 * uses for each status.
 * https://developer.xero.com/documentation/api/accounting/responsecodes
 */
import { randomUUID } from "node:crypto";
import { emptyReply, jsonReply, textReply, type Reply } from "./reply.js";

export const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

/** Thrown by routes and parsers; the pipeline turns it into its reply. */
export class HttpError extends Error {
  constructor(readonly reply: Reply, message = `HTTP ${reply.status}`) {
    super(message);
    this.name = "HttpError";
  }
}

/** 404 as Xero sends it: not JSON. */
export function notFound(): Reply {
  return textReply(404, NOT_FOUND_TEXT, "text/html");
}

/** 401/403 problem-JSON (`{"Type":null,"Title":…,"Status":…,"Detail":…}`). */
export function problem(status: 401 | 403, detail: string): Reply {
  const title = status === 401 ? "Unauthorized" : "Forbidden";
  return jsonReply(status, { Type: null, Title: title, Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} });
}

/** 400 API exception with Xero's `ErrorNumber`/`Type`/`Message` body. */
export function apiException(type: ApiExceptionType, message: string, extra: Record<string, unknown> = {}): Reply {
  return jsonReply(400, { ErrorNumber: ERROR_NUMBERS[type], Type: type, Message: message, ...extra });
}

export type ApiExceptionType = "ValidationException" | "PostDataInvalidException" | "QueryParseException";

const ERROR_NUMBERS: Record<ApiExceptionType, number> = {
  ValidationException: 10,
  PostDataInvalidException: 14,
  QueryParseException: 16,
};

/** 400 ValidationException echoing each element with its `ValidationErrors`. */
export function validationException(elements: unknown[]): Reply {
  return apiException("ValidationException", "A validation exception occurred", { Elements: elements });
}

export function queryError(message: string): HttpError {
  return new HttpError(apiException("QueryParseException", message), message);
}

export function postDataInvalid(message: string): HttpError {
  return new HttpError(apiException("PostDataInvalidException", message), message);
}

/** 429 with an empty body and the headers Xero uses to say which limit was hit. */
export function rateLimited(problemName: string, retryAfterSeconds: number): Reply {
  return emptyReply(429, { "Retry-After": String(retryAfterSeconds), "X-Rate-Limit-Problem": problemName });
}

/** OAuth 2.0 token-endpoint error (RFC 6749 §5.2). */
export function oauthError(status: 400 | 401, error: string, description?: string): Reply {
  return jsonReply(status, description ? { error, error_description: description } : { error });
}

/**
 * Every failure the sandbox answers with, in one place. Clientary does not document its error
 * bodies; the sandbox uses Rails' conventions consistently (see ASSUMPTIONS.md).
 */
import { jsonReply, type Reply } from "./reply.js";

export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.name = "HttpError";
  }
}

export const unauthorized = (): Reply => ({
  status: 401, headers: { "WWW-Authenticate": 'Basic realm="Application"', "Content-Type": "text/plain; charset=utf-8" }, body: "HTTP Basic: Access denied.\n",
});

export const notFound = (): Reply => jsonReply(404, { error: "Not Found" });

/** 422 with Rails field messages: `{"errors": {"name": ["can't be blank"]}}`. */
export const unprocessable = (errors: Record<string, string[]>): HttpError => new HttpError(jsonReply(422, { errors }));

/** 426: the account's plan allows no more of this resource. */
export const planLimit = (what: string): HttpError => new HttpError(jsonReply(426, { error: `Your plan does not allow more ${what}. Upgrade to add more.` }));

export const tooManyRequests = (retryAfterSeconds: number): Reply =>
  jsonReply(429, { error: "Rate limit exceeded" }, { "Retry-After": String(retryAfterSeconds) });

export const serverError = (): Reply => jsonReply(500, { error: "Internal Server Error" });

export const missing = (): HttpError => new HttpError(notFound());

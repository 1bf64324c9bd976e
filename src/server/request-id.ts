import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

/** Response header that carries the request id (also accepted on the request, for tracing). */
export const REQUEST_ID_HEADER = "X-Request-Id";
const ACCEPTED_INCOMING = /^[A-Za-z0-9._:-]{8,128}$/;
const scope = new AsyncLocalStorage<string>();

export function newRequestId(): string {
  return randomUUID();
}

/**
 * Gives every HTTP request an id: the caller's `X-Request-Id` when it is a sane token, otherwise a
 * new UUID. It goes to `res.locals.requestId` and back in the `X-Request-Id` response header.
 */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming && ACCEPTED_INCOMING.test(incoming) ? incoming : newRequestId();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/**
 * Runs a handler with the request id in async scope, so code without access to the request (Apollo's
 * `formatError`) can still name it. Mount it after body parsing: stream events lose the scope.
 */
export function withRequestScope(handler: RequestHandler): RequestHandler {
  return (req, res, next) => scope.run(String(res.locals.requestId), () => handler(req, res, next));
}

/** The id of the HTTP request being handled, when called inside `withRequestScope`. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}

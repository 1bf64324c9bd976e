import type { ErrorRequestHandler, RequestHandler } from "express";
import { ErrorCode } from "../errors/index.js";
import type { Logger } from "../infra/logger.js";

/** Any path the gateway does not serve: a GraphQL-shaped 404 pointing at the endpoint. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({
      errors: [{ message: `Nothing is served at ${req.method} ${req.path}. The GraphQL endpoint is /graphql; health is GET /healthz.`, extensions: { code: ErrorCode.NOT_FOUND } }],
    });
  };
}

/**
 * Errors raised outside Apollo (unreadable JSON bodies, bodies over the size limit, a failing key
 * store): client mistakes keep their message as BAD_REQUEST, anything else is masked and logged
 * with the request id, like resolver errors.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = Number(error?.status ?? error?.statusCode);
    const requestId = String(res.locals.requestId ?? "unknown");
    if (status >= 400 && status < 500 && error?.expose !== false) {
      res.status(status).json({ errors: [{ message: String(error.message), extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    logger.error("unexpected error outside GraphQL execution", { requestId, error: String(error?.message ?? error), stack: error?.stack });
    res.status(500).json({
      errors: [{ message: `Internal server error (request id ${requestId}). The details were logged; quote this id when you report the problem.`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } }],
    });
  };
}

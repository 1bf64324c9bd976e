import type { RequestHandler } from "express";
import { authenticate } from "../auth/authenticate.js";
import type { ApiKeyService } from "../auth/api-key-service.js";
import { unauthenticatedBody } from "../auth/unauthenticated.js";

/**
 * Lets a request through only with a valid `Authorization: Bearer <key>`, and puts the principal
 * in `res.locals.principal`. Otherwise answers 401 with a GraphQL-shaped body and a
 * `WWW-Authenticate: Bearer` challenge, before the body is even read.
 */
export function requireApiKey(apiKeys: ApiKeyService): RequestHandler {
  return async (req, res, next) => {
    const result = await authenticate(apiKeys, req.get("authorization"));
    if (result.ok) {
      res.locals.principal = result.principal;
      return next();
    }
    const challenge = result.reason === "invalid" ? 'Bearer realm="ledgerline", error="invalid_token"' : 'Bearer realm="ledgerline"';
    res.status(401).set("WWW-Authenticate", challenge).json(unauthenticatedBody(result.reason));
  };
}

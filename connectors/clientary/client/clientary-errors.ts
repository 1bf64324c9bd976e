import type { ValidationReader } from "../../../src/http/http-client.js";

/**
 * Clientary does not document its error bodies. Reads the Rails shapes it may use:
 * `{"errors": {"field": ["msg"]}}`, `{"errors": ["msg"]}`, `{"error": "msg"}` and `{"message": "msg"}`.
 */
export const readClientaryValidation: ValidationReader = (body) => {
  if (!body || typeof body !== "object") return typeof body === "string" && body.trim() ? [{ message: body.trim() }] : undefined;
  const { errors, error, message } = body as Record<string, unknown>;
  if (Array.isArray(errors)) return errors.map((m) => ({ message: String(m) }));
  if (errors && typeof errors === "object") {
    return Object.entries(errors as Record<string, unknown>).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((m) => ({ field, message: String(m) })));
  }
  const single = typeof error === "string" ? error : typeof message === "string" ? message : undefined;
  return single ? [{ message: single }] : undefined;
};

/**
 * Replies are plain values; every body the sandbox sends is built here, in Daftra's v1 shapes:
 * `{code, result, data, pagination}` on success, `{result: "failed", code, message}` on failure.
 */
import type { ServerResponse } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Pagination {
  page: number;
  page_count: number;
  total_results: number;
  prev: string | null;
  next: string | null;
}

export const ok = (data: unknown): Reply => ({ status: 200, headers: {}, body: { code: 200, result: "successful", data } });

export const okList = (data: unknown[], pagination: Pagination): Reply => ({
  status: 200, headers: {}, body: { code: 200, result: "successful", data, pagination },
});

/** Creates answer 202 with the new id as a string. */
export const created = (id: number): Reply => ({ status: 202, headers: {}, body: { code: 202, result: "successful", id: String(id) } });

/** Edits and deletes answer 200 with no data (deletes of payments add a message). */
export const done = (message?: string): Reply => ({ status: 200, headers: {}, body: { code: 200, result: "successful", ...(message ? { message } : {}) } });

export function failed(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { result: "failed", code: status, message, ...extra } };
}

/** 400 with the field messages Daftra puts in `validation_errors`. */
export const validationFailed = (errors: Record<string, string>) => failed(400, "Validation Errors", { validation_errors: errors });

export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.statusCode = reply.status;
  res.setHeader("Content-Type", "application/json; charset=UTF-8");
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", String(Buffer.byteLength(text)));
  res.end(text);
}

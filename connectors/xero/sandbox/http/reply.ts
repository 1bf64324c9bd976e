/**
 * Replies are values: handlers return them, the pipeline decorates and writes them. Keeping them as
 * plain data lets the idempotency store replay a response byte for byte.
 */
import type { ServerResponse } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const JSON_TYPE = "application/json; charset=utf-8";

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: Buffer.from(JSON.stringify(value), "utf8") };
}

export function textReply(status: number, text: string, contentType: string): Reply {
  return { status, headers: { "Content-Type": contentType }, body: Buffer.from(text, "utf8") };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: Buffer.alloc(0) };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { Location: location, "Cache-Control": "no-store" }, body: Buffer.alloc(0) };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", String(reply.body.length));
  res.end(reply.body);
}

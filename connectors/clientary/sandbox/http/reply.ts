import type { ServerResponse } from "node:http";

/** Replies are plain values: handlers return them and the server writes them. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const jsonReply = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value),
});

export const emptyReply = (status: number): Reply => ({ status, headers: {}, body: "" });

export function writeReply(res: ServerResponse, reply: Reply): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", Buffer.byteLength(reply.body));
  res.end(reply.body);
}

import type { IncomingMessage } from "node:http";
import { jsonReply } from "./reply.js";
import { HttpError, missing } from "./errors.js";

/** What a handler sees of one request. */
export interface RequestContext {
  method: string;
  /** Path below `/api/v2`, without a `.json` suffix: "/clients/12". */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  now: Date;
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(jsonReply(400, { error: "The request body is not valid JSON." }));
  }
}

/** The record a write sends: wrapped by its resource key (`{"client": {...}}`, the first of `keys` present) or, as some integrations post it, bare. */
export function wrappedBody(ctx: RequestContext, ...keys: string[]): Record<string, unknown> {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  for (const key of keys) {
    const inner = body[key];
    if (inner && typeof inner === "object" && !Array.isArray(inner)) return inner as Record<string, unknown>;
  }
  return body;
}

/** The integer id in a path parameter; anything else is a 404, as Rails answers. */
export function idParam(ctx: RequestContext, name = "id"): number {
  const text = ctx.params[name] ?? "";
  if (!/^\d+$/.test(text)) throw missing();
  return Number(text);
}

/** Finds a record by id or answers 404. */
export function findOr404<T extends { id: number }>(records: readonly T[], id: number): T {
  const found = records.find((r) => r.id === id);
  if (!found) throw missing();
  return found;
}

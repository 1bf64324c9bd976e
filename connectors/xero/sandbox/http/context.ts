/** What a handler sees of one request. */
import type { IncomingHttpHeaders } from "node:http";
import type { AccessGrant } from "../identity/token-store.js";

export interface RequestContext {
  method: string;
  /** Path without the query string, e.g. "/api.xro/2.0/Invoices/abc". */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The sandbox's base URL, e.g. "http://127.0.0.1:4010". */
  baseUrl: string;
  /** The request's clock reading (from the injectable `now`). */
  now: Date;
  /** Set on accounting API routes once the bearer token is accepted. */
  grant?: AccessGrant;
  /** Set on accounting API routes once the tenant is resolved. */
  tenantId?: string;
}

export function header(ctx: Pick<RequestContext, "headers">, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Query parameters are matched case-insensitively, as Xero does (`IDs`, `ids`, `Ids`). */
export function queryParam(ctx: Pick<RequestContext, "query">, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of ctx.query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Comma-separated list parameter (`IDs=a,b`), empty entries dropped. */
export function queryList(ctx: Pick<RequestContext, "query">, name: string): string[] | undefined {
  const raw = queryParam(ctx, name);
  if (raw === undefined) return undefined;
  return raw.split(",").map((part) => part.trim()).filter(Boolean);
}

export function queryBoolean(ctx: Pick<RequestContext, "query">, name: string): boolean | undefined {
  const raw = queryParam(ctx, name);
  return raw === undefined ? undefined : raw.toLowerCase() === "true";
}

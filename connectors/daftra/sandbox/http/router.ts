/**
 * Routes under `/api2`: literal segments and `:id` captures; a trailing `.json` on the last
 * segment is accepted and ignored, as Daftra does.
 */
import type { Reply } from "./reply.js";
import { decodePathSegment } from "../../../../src/connector/sandbox-path.js";

export interface RequestContext {
  method: string;
  /** Path below `/api2`, without `.json`, e.g. "/invoices/12". */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The parsed JSON body of a write (undefined on reads). */
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  handler: Handler;
}

export const API_PREFIX = "/api2";

/** "/api2/invoices/12.json" → "/invoices/12"; undefined outside the API. */
export function apiPath(pathname: string): string | undefined {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return undefined;
  return pathname.slice(API_PREFIX.length).replace(/\.json$/i, "").replace(/\/+$/, "") || "/";
}

export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const got = path.split("/").filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const want = route.pattern.split("/").filter(Boolean);
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    const hit = want.every((segment, i) => {
      if (segment.startsWith(":")) return (params[segment.slice(1)] = decodePathSegment(got[i]!)), true;
      return segment === got[i]!.toLowerCase();
    });
    if (hit) return { route, params };
  }
  return undefined;
}

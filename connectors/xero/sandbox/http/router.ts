/**
 * A small router: literal segments match case-insensitively (Xero's paths do), `:name` segments
 * capture, and the first registered match wins.
 */
import type { RequestContext } from "./context.js";
import type { Reply } from "./reply.js";
import { decodePathSegment } from "../../../../src/connector/sandbox-path.js";

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/**
 * Which pipeline a route runs through: the tenant-scoped accounting API, the app-level
 * /connections endpoints, or the identity server.
 */
export type RouteKind = "api" | "connections" | "identity";

export interface Route {
  method: Method;
  pattern: string;
  kind: RouteKind;
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function route(method: Method, pattern: string, handler: Handler, kind: RouteKind = "api"): Route {
  return { method, pattern, kind, handler };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i]!;
    const actual = decodePathSegment(got[i]!);
    if (segment.startsWith(":")) params[segment.slice(1)] = actual;
    else if (segment.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  return params;
}

export class Router {
  private readonly routes: Route[] = [];

  add(...routes: Route[]): this {
    this.routes.push(...routes);
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const candidate of this.routes) {
      if (candidate.method !== method) continue;
      const params = matchPattern(candidate.pattern, path);
      if (params) return { route: candidate, params };
    }
    return undefined;
  }
}

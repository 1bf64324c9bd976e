import type { Reply } from "./reply.js";
import type { RequestContext } from "./request.js";
import { decodePathSegment } from "../../../../src/connector/sandbox-path.js";

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: Method;
  /** Path below `/api/v2`, `:name` segments capture: "/clients/:id". */
  pattern: string;
  handler: Handler;
}

export const route = (method: Method, pattern: string, handler: Handler): Route => ({ method, pattern, handler });

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(":")) params[want[i]!.slice(1)] = decodePathSegment(got[i]!);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** First registered match wins. */
export function createRouter(routes: readonly Route[]) {
  return (method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined => {
    for (const candidate of routes) {
      if (candidate.method !== method) continue;
      const params = matchPattern(candidate.pattern, path);
      if (params) return { handler: candidate.handler, params };
    }
    return undefined;
  };
}

import { jsonReply } from "../http/reply.js";
import { findOr404, idParam, type RequestContext } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { EstimateRecord } from "../books/types.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest } from "../wire/filters.js";
import { scopedTo } from "./parents.js";

/** https://www.clientary.com/api/estimates */
export function estimateRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const listOf = (ctx: RequestContext, records: readonly EstimateRecord[]) => pagedReply(ctx, "estimates", [...records].sort(byNewest((e) => e.date)), 30);
  return [
    route("GET", "/estimates", (ctx) => listOf(ctx, books.estimates)),
    route("GET", "/clients/:id/estimates", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.estimates, "client"))),
    route("GET", "/projects/:id/estimates", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.estimates, "project"))),
    route("GET", "/estimates/:id", (ctx) => jsonReply(200, findOr404(books.estimates, idParam(ctx)))),
  ];
}

import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody, type RequestContext } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { EstimateRecord } from "../books/types.js";
import { createEstimate, deleteEstimate, updateEstimate } from "../books/writes/estimates.js";
import { sendMessage } from "../books/writes/messages.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest } from "../wire/filters.js";
import { scopedTo } from "./parents.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/estimates */
export function estimateRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const listOf = (ctx: RequestContext, records: readonly EstimateRecord[]) => pagedReply(ctx, "estimates", [...records].sort(byNewest((e) => e.date)), 30);
  const estimateOf = (ctx: RequestContext) => findOr404(books.estimates, idParam(ctx));
  return [
    route("GET", "/estimates", (ctx) => listOf(ctx, books.estimates)),
    route("GET", "/clients/:id/estimates", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.estimates, "client"))),
    route("GET", "/projects/:id/estimates", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.estimates, "project"))),
    route("GET", "/estimates/:id", (ctx) => jsonReply(200, estimateOf(ctx))),
    route("POST", "/estimates", changing(runtime, (ctx) => jsonReply(201, createEstimate(books, wrappedBody(ctx, "estimate"), ctx.now)))),
    route("PUT", "/estimates/:id", changing(runtime, (ctx) => jsonReply(200, updateEstimate(books, estimateOf(ctx), wrappedBody(ctx, "estimate"), ctx.now)))),
    route("DELETE", "/estimates/:id", changing(runtime, (ctx) => {
      deleteEstimate(books, estimateOf(ctx));
      return emptyReply(200);
    })),
    route("POST", "/estimates/:id/messages", changing(runtime, (ctx) => jsonReply(201, sendMessage(books, "estimate", estimateOf(ctx), ctx.body, ctx.now)))),
  ];
}

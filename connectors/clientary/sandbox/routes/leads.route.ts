import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { createParty, deleteLead, updateParty } from "../books/writes/clients.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { pagedReply } from "../wire/list-envelope.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/leads (default newest first; `sort=name|oldest`) */
export function leadRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/leads", (ctx) => {
      const sort = ctx.query.get("sort");
      const sorted = [...books.leads].sort((a, b) =>
        sort === "name" ? a.name.localeCompare(b.name) : sort === "oldest" ? a.created_at.localeCompare(b.created_at) || a.id - b.id : b.created_at.localeCompare(a.created_at) || b.id - a.id);
      return pagedReply(ctx, "leads", sorted, 20);
    }),
    route("GET", "/leads/:id", (ctx) => jsonReply(200, findOr404(books.leads, idParam(ctx)))),
    route("POST", "/leads", changing(runtime, (ctx) => jsonReply(201, createParty(books, "leads", wrappedBody(ctx, "lead"), ctx.now)))),
    route("PUT", "/leads/:id", changing(runtime, (ctx) => jsonReply(200, updateParty(books, findOr404(books.leads, idParam(ctx)), wrappedBody(ctx, "lead"), ctx.now)))),
    route("DELETE", "/leads/:id", changing(runtime, (ctx) => {
      deleteLead(books, findOr404(books.leads, idParam(ctx)));
      return emptyReply(200);
    })),
  ];
}

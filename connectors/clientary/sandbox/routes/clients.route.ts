import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { pagedReply } from "../wire/list-envelope.js";
import { updatedSince } from "../wire/filters.js";
import { createParty, deleteClient, updateParty } from "../books/writes/clients.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/clients */
export function clientRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/clients", (ctx) => {
      const sorted = ctx.query.get("sort") === "date"
        ? [...books.clients].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
        : [...books.clients].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
      return pagedReply(ctx, "clients", updatedSince(ctx, sorted), 10);
    }),
    route("GET", "/clients/:id", (ctx) => jsonReply(200, findOr404(books.clients, idParam(ctx)))),
    route("POST", "/clients", changing(runtime, (ctx) => jsonReply(201, createParty(books, "clients", wrappedBody(ctx, "client"), ctx.now)))),
    route("PUT", "/clients/:id", changing(runtime, (ctx) => jsonReply(200, updateParty(books, findOr404(books.clients, idParam(ctx)), wrappedBody(ctx, "client"), ctx.now)))),
    route("DELETE", "/clients/:id", changing(runtime, (ctx) => {
      deleteClient(books, findOr404(books.clients, idParam(ctx)));
      return emptyReply(200);
    })),
  ];
}

import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { createContact, updateContact } from "../books/writes/clients.js";
import { removeWhere } from "../books/writes/fields.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { pagedReply } from "../wire/list-envelope.js";
import { scopedTo } from "./parents.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/contacts (wrapped as `client_user`) */
export function contactRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/contacts", (ctx) => pagedReply(ctx, "contacts", books.contacts, 10)),
    route("GET", "/clients/:id/contacts", (ctx) => pagedReply(ctx, "contacts", scopedTo(runtime, ctx, books.contacts, "client"), 10)),
    route("GET", "/contacts/:id", (ctx) => jsonReply(200, findOr404(books.contacts, idParam(ctx)))),
    route("POST", "/clients/:id/contacts", changing(runtime, (ctx) => {
      const owner = findOr404([...books.clients, ...books.leads], idParam(ctx));
      return jsonReply(201, createContact(books, owner, wrappedBody(ctx, "client_user"), ctx.now));
    })),
    route("PUT", "/contacts/:id", changing(runtime, (ctx) => jsonReply(200, updateContact(findOr404(books.contacts, idParam(ctx)), wrappedBody(ctx, "client_user"), ctx.now)))),
    route("DELETE", "/contacts/:id", changing(runtime, (ctx) => {
      const contact = findOr404(books.contacts, idParam(ctx));
      removeWhere(books.contacts, (c) => c === contact);
      return emptyReply(200);
    })),
  ];
}

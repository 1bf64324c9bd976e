import { jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { createContact } from "../books/writes/clients.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { pagedReply } from "../wire/list-envelope.js";
import { scopedTo } from "./parents.js";

/** https://www.clientary.com/api/contacts */
export function contactRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/contacts", (ctx) => pagedReply(ctx, "contacts", books.contacts, 10)),
    route("GET", "/clients/:id/contacts", (ctx) => pagedReply(ctx, "contacts", scopedTo(runtime, ctx, books.contacts, "client"), 10)),
    route("GET", "/contacts/:id", (ctx) => jsonReply(200, findOr404(books.contacts, idParam(ctx)))),
    route("POST", "/clients/:id/contacts", (ctx) => {
      const owner = findOr404([...books.clients, ...books.leads], idParam(ctx));
      const contact = createContact(books, owner, wrappedBody(ctx, "client_user"), ctx.now);
      runtime.changed();
      return jsonReply(201, contact);
    }),
  ];
}

import { jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody, type RequestContext } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { InvoiceRecord } from "../books/types.js";
import { invoiceView } from "../books/invoice-view.js";
import { updateInvoice } from "../books/writes/invoices.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest, updatedSince } from "../wire/filters.js";
import { scopedTo } from "./parents.js";

/** https://www.clientary.com/api/invoices (newest first; `updated_since` on the account-wide list) */
export function invoiceRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const listOf = (ctx: RequestContext, records: readonly InvoiceRecord[]) =>
    pagedReply(ctx, "invoices", updatedSince(ctx, [...records].sort(byNewest((i) => i.date))).map((i) => invoiceView(books, i)), 30);
  return [
    route("GET", "/invoices", (ctx) => listOf(ctx, books.invoices)),
    route("GET", "/clients/:id/invoices", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.invoices, "client"))),
    route("GET", "/projects/:id/invoices", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.invoices, "project"))),
    route("GET", "/invoices/:id", (ctx) => jsonReply(200, invoiceView(books, findOr404(books.invoices, idParam(ctx))))),
    route("PUT", "/invoices/:id", (ctx) => {
      const invoice = updateInvoice(books, findOr404(books.invoices, idParam(ctx)), wrappedBody(ctx, "invoice"), ctx.now);
      runtime.changed();
      return jsonReply(200, invoiceView(books, invoice));
    }),
  ];
}

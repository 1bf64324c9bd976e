import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody, type RequestContext } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { InvoiceRecord } from "../books/types.js";
import { invoiceView } from "../books/invoice-view.js";
import { createInvoice, deleteInvoice, updateInvoice } from "../books/writes/invoices.js";
import { sendMessage } from "../books/writes/messages.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest, updatedSince } from "../wire/filters.js";
import { scopedTo } from "./parents.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/invoices (newest first; `updated_since` on the account-wide list) */
export function invoiceRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const listOf = (ctx: RequestContext, records: readonly InvoiceRecord[]) =>
    pagedReply(ctx, "invoices", updatedSince(ctx, [...records].sort(byNewest((i) => i.date))).map((i) => invoiceView(books, i)), 30);
  const invoiceOf = (ctx: RequestContext) => findOr404(books.invoices, idParam(ctx));
  return [
    route("GET", "/invoices", (ctx) => listOf(ctx, books.invoices)),
    route("GET", "/clients/:id/invoices", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.invoices, "client"))),
    route("GET", "/projects/:id/invoices", (ctx) => listOf(ctx, scopedTo(runtime, ctx, books.invoices, "project"))),
    route("GET", "/invoices/:id", (ctx) => jsonReply(200, invoiceView(books, invoiceOf(ctx)))),
    route("POST", "/invoices", changing(runtime, (ctx) => jsonReply(201, invoiceView(books, createInvoice(books, wrappedBody(ctx, "invoice"), ctx.now))))),
    route("PUT", "/invoices/:id", changing(runtime, (ctx) => jsonReply(200, invoiceView(books, updateInvoice(books, invoiceOf(ctx), wrappedBody(ctx, "invoice"), ctx.now))))),
    route("DELETE", "/invoices/:id", changing(runtime, (ctx) => {
      deleteInvoice(books, invoiceOf(ctx));
      return emptyReply(200);
    })),
    route("POST", "/invoices/:id/messages", changing(runtime, (ctx) => jsonReply(201, sendMessage(books, "invoice", invoiceOf(ctx), ctx.body, ctx.now)))),
  ];
}

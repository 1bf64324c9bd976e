import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { addPayment, deletePayment } from "../books/writes/payments.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest } from "../wire/filters.js";
import { changing } from "./changing.js";

/** https://www.clientary.com/api/payments (newest `received_on` first; `sort=created_at` for creation order). No GET of one payment. */
export function paymentRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/payments", (ctx) => {
      const sorted = ctx.query.get("sort") === "created_at"
        ? [...books.payments].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
        : [...books.payments].sort(byNewest((p) => p.received_on));
      return pagedReply(ctx, "payments", sorted, 30);
    }),
    route("POST", "/invoices/:id/payments", changing(runtime, (ctx) =>
      jsonReply(201, addPayment(books, findOr404(books.invoices, idParam(ctx)), wrappedBody(ctx, "payment"), ctx.now)))),
    route("DELETE", "/invoices/:id/payments/:payment_id", changing(runtime, (ctx) => {
      deletePayment(books, findOr404(books.invoices, idParam(ctx)), idParam(ctx, "payment_id"), ctx.now);
      return emptyReply(200);
    })),
  ];
}

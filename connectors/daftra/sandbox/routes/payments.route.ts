/**
 * Invoice payments: `status` filters; `client_credit` payments stay hidden unless
 * `include_client_credit=1` (observed behaviour).
 * https://docs.daftara.dev/15115307e0
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { paymentWire } from "../wire/documents.js";
import { resourceRoutes } from "./resource.js";

export const paymentRoutes = (runtime: SandboxRuntime): Route[] =>
  resourceRoutes(runtime, {
    path: "invoice_payments",
    model: "InvoicePayment",
    rows: (b) => b.invoicePayments,
    wire: (row, ctx) => paymentWire(row, false, ctx),
    filter: (rows, query) =>
      rows.filter((p) =>
        (query.get("include_client_credit") === "1" || p.payment_method !== "client_credit") &&
        (!query.get("status") || String(p.status) === query.get("status"))),
  });

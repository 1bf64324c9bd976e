/**
 * POST /Invoices/{id}/Email with body `{}`: Xero emails the invoice to its contact and answers 204.
 * https://developer.xero.com/documentation/api/accounting/invoices#emailing-an-invoice
 */
import { emailInvoice } from "../books/writes/email-invoice.js";
import { requireScope } from "../identity/bearer.js";
import { notFound, validationException } from "../http/errors.js";
import { emptyReply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { API_BASE } from "./read-routes.js";
import { INVOICES } from "./invoices.route.js";

export function invoiceEmailRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("POST", `${API_BASE}/Invoices/:id/Email`, (ctx) => {
      requireScope(ctx.grant!, INVOICES.scopes, "write");
      const outcome = emailInvoice(runtime.state.books, ctx.params.id!);
      if (outcome.ok) {
        runtime.changed();
        return emptyReply(204);
      }
      if (outcome.notFound) return notFound();
      return validationException([{ InvoiceID: ctx.params.id, ValidationErrors: outcome.errors.map((Message) => ({ Message })) }]);
    }),
  ];
}

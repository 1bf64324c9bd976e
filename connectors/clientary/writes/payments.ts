import type { Payment } from "../../../schema/payment/payment.type.js";
import type { PaymentInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteResult } from "../../../src/connector/writes.js";
import { notFound } from "../../../src/errors/index.js";
import { invoiceSchema, paymentSchema, type ClientaryPayment } from "../client/schemas/documents.js";
import type { PagedListing } from "../entities/clientary-entity.js";
import { paymentsEntity } from "../entities/sales.entity.js";
import { toClientaryPayment, toUnifiedPayment } from "../mapping/to-payment.js";
import { fetchAllPages } from "../query/fetch-pages.js";
import { clientaryId, sendWrite, type WriteContext } from "./write-context.js";

/**
 * POST /invoices/:invoice_id/payments. Clientary refuses more than the balance due (422, mapped to
 * PROVIDER_VALIDATION with its message); the invoice is read back for its client and number.
 * https://www.clientary.com/api/payments
 */
export function createPayment(w: WriteContext, input: PaymentInput): Promise<WriteResult<Payment>> {
  clientaryId("Invoice", input.documentRemoteId);
  const { path, body } = toClientaryPayment(input);
  return sendWrite(w, { method: "POST", path, body, schema: paymentSchema }, async (payment) => {
    const invoice = await w.services.api.get(`invoices/${input.documentRemoteId}`, invoiceSchema);
    return toUnifiedPayment({ ...payment, invoice_id: payment.invoice_id ?? input.documentRemoteId, invoice: { client_id: invoice.client_id, number: invoice.number } }, w.ctx);
  });
}

/** Payments are deleted under their invoice; Clientary has no GET of one payment, so the (briefly cached) list says which. */
async function paymentById(w: WriteContext, remoteId: string): Promise<ClientaryPayment> {
  const listing = paymentsEntity.listing as PagedListing;
  const all = await w.services.lists.get("scan:Payment", () => fetchAllPages(w.services, listing, {}));
  const payment = (all as ClientaryPayment[]).find((p) => p.id === remoteId);
  if (!payment?.invoice_id) throw notFound("Payment", remoteId);
  return payment;
}

/** DELETE /invoices/:invoice_id/payments/:id: the invoice owes that amount again. https://www.clientary.com/api/payments */
export async function removePayment(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  const payment = await paymentById(w, clientaryId("Payment", remoteId));
  return sendWrite(w, { method: "DELETE", path: `invoices/${payment.invoice_id}/payments/${payment.id}` }, () => ({ outcome: "DELETED" as const }));
}

/**
 * Payments against sales invoices. Daftra's API has no purchase-invoice payment endpoint, so paying
 * a bill is not supported. Deleting a payment restores what its invoice owes.
 * https://docs.daftara.dev/15115307e0 (POST /invoice_payments, DELETE /invoice_payments/{id})
 */
import type { Payment } from "../../../schema/payment/payment.type.js";
import type { PaymentInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { notFound, notSupported } from "../../../src/errors/index.js";
import { toDaftraInvoicePayment } from "../mapping/to-daftra-records.js";
import { createdId, readBack, request, send, type WriteContext } from "./context.js";

export const BILL_PAYMENTS_NOTE = "Daftra's API records payments against sales invoices only (/invoice_payments); bill payments are made in Daftra itself.";

export async function createPayment(w: WriteContext, input: PaymentInput, options: WriteOptions): Promise<WriteResult<Payment>> {
  if (input.documentType === "BILL") throw notSupported("DAFTRA", "recording a payment against a Bill", BILL_PAYMENTS_NOTE);
  const treasury = await w.chart.treasury(input.accountCode, "input.accountCode");
  const req = request("POST", w.api.pathOf("invoice_payments"), toDaftraInvoicePayment(input, treasury));
  return send(w, req, options, (id) => readBack(w, "Payment", 0, createdId(id, "invoice payment")));
}

export async function removePayment(w: WriteContext, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  if (!/^\d+$/.test(remoteId)) throw notFound("Payment", remoteId);
  return send(w, request("DELETE", w.api.pathOf(`invoice_payments/${remoteId}`)), options, async () => ({ outcome: "DELETED" as const }));
}

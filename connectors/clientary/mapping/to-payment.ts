import { PaidDocumentType, PaymentDirection, PaymentStatus, type Payment } from "../../../schema/payment/payment.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryPayment } from "../client/schemas/documents.js";
import type { PaymentInput } from "../../../src/connector/inputs.js";
import { notSupported } from "../../../src/errors/index.js";
import { contactRefOf, nodeFields, orNull, refId, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";

/** A payment received against an invoice, in the account's currency (Clientary states none); its client comes from the joined invoice. */
export function toUnifiedPayment(payment: ClientaryPayment, ctx: MappingContext): Payment {
  return {
    ...nodeFields(ctx, "Payment", payment),
    date: toIsoDate(payment.received_on),
    amount: moneyOrZero(payment.amount),
    currency: ctx.currency,
    status: PaymentStatus.AUTHORISED,
    direction: PaymentDirection.RECEIVED,
    reference: orNull(payment.note) ?? orNull(payment.transaction_id),
    accountCode: null,
    isReconciled: null,
    documentType: payment.invoice_id ? PaidDocumentType.INVOICE : PaidDocumentType.OTHER,
    documentId: refId(ctx, "Invoice", payment.invoice_id),
    documentNumber: payment.invoice?.number === null || payment.invoice?.number === undefined ? null : String(payment.invoice.number),
    contactRef: contactRefOf(payment.invoice?.client_id),
  };
}

/**
 * Unified payment input → the path and wrapped body of POST /invoices/:invoice_id/payments. Clientary
 * has no bank accounts, so `accountCode` is not sent. https://www.clientary.com/api/payments
 */
export function toClientaryPayment(input: PaymentInput): { path: string; body: { payment: Record<string, string> } } {
  if (input.documentType !== "INVOICE") throw notSupported("CLIENTARY", "payments of bills", "Clientary records payments against sales invoices only.");
  const payment: Record<string, string> = { amount: input.amount, received_on: input.date };
  if (input.reference) payment.note = input.reference;
  return { path: `invoices/${encodeURIComponent(input.documentRemoteId)}/payments`, body: { payment } };
}

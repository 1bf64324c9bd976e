import { PaidDocumentType, PaymentDirection, type Payment } from "../../../schema/payment/payment.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { globalId, nodeFields, prefixedId, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { toPaymentStatus } from "./statuses.js";
import type { DaftraPayment } from "./wire-schemas.js";

/** An invoice payment → Payment received against that invoice. */
export function toUnifiedPayment(payment: DaftraPayment, ctx: MappingContext): Payment {
  return {
    ...nodeFields(ctx, "Payment", payment.id, payment.modified, payment),
    date: toIsoDate(payment.date, ctx.dateOrder),
    amount: moneyOrZero(payment.amount),
    currency: payment.currency_code ?? "",
    status: toPaymentStatus(payment.status),
    direction: PaymentDirection.RECEIVED,
    reference: payment.transaction_id ?? payment.code,
    accountCode: payment.treasury_id ? prefixedId("treasury", payment.treasury_id) : null,
    isReconciled: null,
    documentType: payment.invoice_id ? PaidDocumentType.INVOICE : PaidDocumentType.OTHER,
    documentId: payment.invoice_id ? globalId(ctx, "Invoice", payment.invoice_id) : null,
    documentNumber: null,
    contactRef: payment.client_id ? { remoteId: prefixedId("client", payment.client_id), name: null } : null,
  };
}

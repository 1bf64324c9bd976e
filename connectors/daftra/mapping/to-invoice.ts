import { Decimal } from "decimal.js";
import type { Bill, Invoice } from "../../../schema/invoice/invoice.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import type { PaymentSummary } from "../../../schema/payment/payment-summary.type.js";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { globalId, unprefixId, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { toInvoiceStatus, toPaymentStatus } from "./statuses.js";
import { commonDocument, dueDateOf, partyRef } from "./to-document.js";
import type { DaftraDocument, DaftraPayment } from "./wire-schemas.js";
import { isOverdue } from "../../../src/connector/in-memory.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import { daysBetween, DOC_WIRE, toDaftraDocumentBody, toDaftraItems } from "./to-daftra-document.js";
export { isOverdue };



function toSummary(payment: DaftraPayment, ctx: MappingContext, listed: boolean): PaymentSummary {
  return {
    remoteId: payment.id,
    paymentId: listed ? globalId(ctx, "Payment", payment.id) : null,
    date: toIsoDate(payment.date, ctx.dateOrder),
    amount: moneyOrZero(payment.amount),
    reference: payment.transaction_id ?? payment.code,
  };
}

/**
 * A sales invoice (`Invoice`) or purchase invoice (`PurchaseOrder`) → Invoice or Bill. Invoice
 * payments are Payments of their own; purchase payments exist only on their bill.
 */
export function toUnifiedPayable<T extends Invoice | Bill>(doc: DaftraDocument, type: "Invoice" | "Bill", ctx: MappingContext): T {
  const common = commonDocument(doc, type, ctx);
  const payments = [...doc.InvoicePayment, ...doc.PurchaseOrderPayment, ...doc.Payment]
    .filter((p) => toPaymentStatus(p.status) === PaymentStatus.AUTHORISED);
  const listedPaid = payments.reduce((s, p) => s.plus(p.amount ?? 0), new Decimal(0));
  const amountPaid = moneyOrZero(doc.summary_paid ?? listedPaid);
  const amountDue = moneyOrZero(doc.summary_unpaid ?? Decimal.max(new Decimal(common.total).minus(amountPaid), 0));
  const status = toInvoiceStatus(doc.draft, doc.payment_status, amountPaid, common.total);
  const dueDate = dueDateOf(doc, ctx);
  const paidDates = payments.map((p) => toIsoDate(p.date, ctx.dateOrder)).filter((d): d is string => !!d).sort();
  return {
    ...common,
    contactRef: partyRef(doc, type === "Bill" ? "supplier" : "client"),
    status,
    dueDate,
    amountDue,
    amountPaid,
    amountCredited: "0.00",
    fullyPaidOn: status === InvoiceStatus.PAID ? (paidDates[paidDates.length - 1] ?? null) : null,
    isOverdue: isOverdue(dueDate, amountDue, status, ctx.now),
    sentToContact: null,
    payments: payments.map((p) => toSummary(p, ctx, type === "Invoice")),
  } as T;
}

export const toUnifiedInvoice = (doc: DaftraDocument, ctx: MappingContext) => toUnifiedPayable<Invoice>(doc, "Invoice", ctx);
export const toUnifiedBill = (doc: DaftraDocument, ctx: MappingContext) => toUnifiedPayable<Bill>(doc, "Bill", ctx);

/**
 * Unified invoice/bill input → Daftra's create body. Daftra has no approval step, so SUBMITTED is
 * kept as a draft like DRAFT; a due date without an issue date counts from `today`.
 */
export function toDaftraInvoice(input: InvoiceInput, productIds: ReadonlyMap<string, string> = new Map(), today?: string): Record<string, unknown> {
  const kind = input.type === "BILL" ? "purchase_invoice" : "invoice";
  const party = DOC_WIRE[kind].party;
  const draft = input.status === InvoiceStatus.DRAFT || input.status === InvoiceStatus.SUBMITTED;
  const header: Record<string, unknown> = { [`${party}_id`]: unprefixId(party, input.contactRemoteId) ?? input.contactRemoteId, draft: draft ? 1 : 0 };
  const issued = input.issueDate ?? (input.dueDate ? today : undefined);
  if (issued) header.date = issued;
  if (issued && input.dueDate) header.due_after = daysBetween(issued, input.dueDate);
  if (input.number) header.no = input.number;
  if (input.reference) header.po_number = input.reference;
  if (input.currency) header.currency_code = input.currency;
  return toDaftraDocumentBody(kind, header, toDaftraItems(input.lines, productIds, input.lineAmountType === LineAmountType.NO_TAX));
}

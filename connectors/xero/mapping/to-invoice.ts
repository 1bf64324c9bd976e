import { Invoice as XeroInvoice, type Payment as XeroPayment } from "xero-node";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import type { PaymentSummary } from "../../../schema/payment/payment-summary.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { documentTotals, globalId, nodeFields, orNull, requireId, toContactRef, toLineItems, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { enumText, toInvoiceStatus, toLineAmountType, toXeroInvoiceStatus, toXeroLineAmountTypes } from "./statuses.js";
import { toXeroLineItems } from "./to-line-items.js";
import { toWireJson } from "./wire-json.js";
import { isOverdue } from "../../../src/connector/in-memory.js";
export { isOverdue };



function toPaymentSummary(payment: XeroPayment, ctx: MappingContext): PaymentSummary {
  const remoteId = requireId(payment.paymentID, "PaymentID");
  return {
    remoteId,
    paymentId: globalId(ctx, "Payment", remoteId),
    date: toIsoDate(payment.date),
    amount: moneyOrZero(payment.amount),
    reference: orNull(payment.reference),
  };
}

/** ACCREC → Invoice, ACCPAY → Bill (same shape; the global id carries the type). */
export function toUnifiedInvoice(invoice: XeroInvoice, ctx: MappingContext): Invoice {
  const type = enumText(invoice.type) === "ACCPAY" ? "Bill" : "Invoice";
  const remoteId = requireId(invoice.invoiceID, "InvoiceID");
  const status = toInvoiceStatus(invoice.status, invoice.amountPaid, invoice.amountCredited);
  const dueDate = toIsoDate(invoice.dueDate);
  const amountDue = moneyOrZero(invoice.amountDue);
  return {
    ...nodeFields(ctx, type, remoteId, invoice.updatedDateUTC, () => toWireJson(invoice, "Invoice")),
    ...documentTotals(invoice),
    number: orNull(invoice.invoiceNumber),
    reference: orNull(invoice.reference),
    issueDate: toIsoDate(invoice.date),
    lineAmountType: toLineAmountType(invoice.lineAmountTypes),
    lineItems: toLineItems(invoice.lineItems),
    contactRef: toContactRef(invoice.contact),
    status,
    dueDate,
    amountDue,
    amountPaid: moneyOrZero(invoice.amountPaid),
    amountCredited: moneyOrZero(invoice.amountCredited),
    fullyPaidOn: toIsoDate(invoice.fullyPaidOnDate),
    isOverdue: isOverdue(dueDate, amountDue, status, ctx.now),
    sentToContact: invoice.sentToContact ?? null,
    payments: (invoice.payments ?? []).map((p) => toPaymentSummary(p, ctx)),
  };
}

export const toUnifiedBill = toUnifiedInvoice;

/** Unified invoice/bill input → the Xero invoice to PUT or POST. Absent fields stay absent (Xero keeps or defaults them). */
export function toXeroInvoice(input: InvoiceInput): XeroInvoice {
  const invoice: XeroInvoice = {
    type: input.type === "BILL" ? XeroInvoice.TypeEnum.ACCPAY : XeroInvoice.TypeEnum.ACCREC,
    contact: { contactID: input.contactRemoteId },
    lineItems: toXeroLineItems(input.lines),
  };
  if (input.issueDate) invoice.date = input.issueDate;
  if (input.dueDate) invoice.dueDate = input.dueDate;
  if (input.lineAmountType) invoice.lineAmountTypes = toXeroLineAmountTypes(input.lineAmountType);
  if (input.status) invoice.status = toXeroInvoiceStatus(input.status);
  if (input.number) invoice.invoiceNumber = input.number;
  if (input.reference) invoice.reference = input.reference;
  if (input.currency) invoice.currencyCode = input.currency as unknown as XeroInvoice["currencyCode"];
  return invoice;
}

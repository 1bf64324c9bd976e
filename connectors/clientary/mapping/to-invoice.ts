import { Decimal } from "decimal.js";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { money, moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryInvoice } from "../client/schemas/documents.js";
import { documentFields } from "./document-fields.js";
import { globalId, nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import { toIsoDate, toWireDate } from "./dates.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { notSupported } from "../../../src/errors/index.js";
import { CLIENTARY_INVOICE_STATUS, INVOICE_STATUS } from "./statuses.js";
import { toItemAttributes, toLineItems } from "./to-line-items.js";
import { isOverdue } from "../../../src/connector/in-memory.js";
export { isOverdue };


/** Clientary has no partly-paid status: an open invoice with payments and a balance left is PARTIALLY_PAID. */
export function toInvoiceStatus(status: number | undefined, amountPaid: string, amountDue: string): InvoiceStatus {
  const unified = INVOICE_STATUS[status ?? 0] ?? InvoiceStatus.AUTHORISED;
  if (unified === InvoiceStatus.AUTHORISED && new Decimal(amountPaid).gt(0) && new Decimal(amountDue).gt(0)) return InvoiceStatus.PARTIALLY_PAID;
  return unified;
}


export function toUnifiedInvoice(invoice: ClientaryInvoice, ctx: MappingContext): Invoice {
  const payments = (invoice.payments ?? []).map((p) => ({
    remoteId: p.id, paymentId: globalId(ctx, "Payment", p.id), date: toIsoDate(p.received_on), amount: moneyOrZero(p.amount), reference: orNull(p.note),
  }));
  const fields = documentFields(invoice, toLineItems(invoice.invoice_items), ctx);
  const total = fields.total;
  const amountPaid = money(invoice.total_payments) ?? payments.reduce((sum, p) => sum.plus(p.amount), new Decimal(0)).toFixed(2);
  const amountDue = money(invoice.balance) ?? new Decimal(total).minus(amountPaid).toFixed(2);
  const code = statusCode(invoice.status);
  const status = toInvoiceStatus(code, amountPaid, amountDue);
  const dueDate = toIsoDate(invoice.due_date);
  return {
    ...nodeFields(ctx, "Invoice", invoice),
    ...fields,
    status,
    dueDate,
    amountDue,
    amountPaid,
    amountCredited: "0.00",
    fullyPaidOn: status === InvoiceStatus.PAID ? payments.map((p) => p.date).filter((d): d is string => !!d).sort().at(-1) ?? null : null,
    isOverdue: isOverdue(dueDate, amountDue, status, ctx.now),
    sentToContact: code === undefined ? null : code !== 0,
    payments,
  };
}

/**
 * Unified invoice input → the wrapped body of POST/PUT /invoices; `removedLineIds` are the lines an
 * update drops (sent with `_destroy`). https://www.clientary.com/api/invoices
 */
export function toClientaryInvoice(input: InvoiceInput, removedLineIds: readonly string[] = []): { invoice: Record<string, unknown> } {
  if (input.type === "BILL") throw notSupported("CLIENTARY", "bills", "Clientary has sales invoices only.");
  const invoice: Record<string, unknown> = { client_id: Number(input.contactRemoteId), invoice_items_attributes: toItemAttributes(input.lines, removedLineIds) };
  if (input.issueDate) invoice.date = toWireDate(input.issueDate);
  if (input.dueDate) invoice.due_date = toWireDate(input.dueDate);
  if (input.currency) invoice.currency_code = input.currency;
  if (input.number) invoice.number = input.number;
  if (input.reference) invoice.po = input.reference;
  const status = input.status ? CLIENTARY_INVOICE_STATUS[input.status] : undefined;
  if (status !== undefined) invoice.status = status;
  return { invoice };
}

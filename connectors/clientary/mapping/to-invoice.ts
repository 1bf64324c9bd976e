import { Decimal } from "decimal.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import type { Invoice } from "../../../schema/invoice/invoice.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { money, moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryInvoice } from "../client/schemas/documents.js";
import { documentFields } from "./document-fields.js";
import { globalId, nodeFields, orNull, refId, statusCode, type MappingContext } from "./common.js";
import { toIsoDate, toWireDate } from "./dates.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import type { InvoiceChanges } from "../../../src/connector/writes.js";
import { notSupported } from "../../../src/errors/index.js";
import { CLIENTARY_INVOICE_STATUS, INVOICE_STATUS } from "./statuses.js";
import { droppedLineIds, toItemAttributes, toLineItems } from "./to-line-items.js";
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
    projectId: refId(ctx, "Project", invoice.project_id),
  };
}

/** What Clientary needs on every new document that the unified input may leave out. */
export interface DocumentDefaults {
  /** Today, YYYY-MM-DD (the issue date when none is given). */
  today: string;
  /** The account's currency (Clientary requires `currency_code`). */
  currency: string;
}

/** Unified status → Clientary's; SUBMITTED has no counterpart (Clientary has no approval step). */
function invoiceStatus(status: InvoiceStatus | null | undefined): number | undefined {
  if (!status) return undefined;
  const code = CLIENTARY_INVOICE_STATUS[status];
  if (code === undefined) {
    throw notSupported("CLIENTARY", `invoices with status ${status}`, "Clientary has no approval step: use DRAFT, or AUTHORISED to mark the invoice sent. Cancel with deleteRecord; PAID follows payments.");
  }
  return code;
}

/**
 * Unified invoice input → the wrapped body of POST /invoices. Clientary requires `date`, `due_date`
 * and `currency_code`: the issue date defaults to today, the due date to the issue date (due on
 * receipt), the currency to the account's. https://www.clientary.com/api/invoices
 */
export function toClientaryInvoice(input: InvoiceInput, defaults: DocumentDefaults): { invoice: Record<string, unknown> } {
  if (input.type === "BILL") throw notSupported("CLIENTARY", "bills", "Clientary has sales invoices only.");
  const date = toWireDate(input.issueDate) ?? defaults.today;
  const status = invoiceStatus(input.status);
  const invoice: Record<string, unknown> = {
    client_id: Number(input.contactRemoteId), date, due_date: toWireDate(input.dueDate) ?? date, currency_code: input.currency ?? defaults.currency,
  };
  if (input.number) invoice.number = input.number;
  if (input.reference) invoice.po = input.reference;
  if (status !== undefined) invoice.status = status;
  invoice.invoice_items_attributes = toItemAttributes(input.lines, { lineAmountType: input.lineAmountType });
  return { invoice };
}

/**
 * Unified invoice changes → the wrapped body of PUT /invoices/:id: only what changes. Lines, when
 * given, replace the invoice's lines: `currentLineIds` left out are sent with `_destroy`.
 */
export function toClientaryInvoiceChanges(changes: InvoiceChanges, currentLineIds: readonly string[] = []): { invoice: Record<string, unknown> } {
  const invoice: Record<string, unknown> = {};
  const status = invoiceStatus(changes.status);
  if (status !== undefined) invoice.status = status;
  if (changes.issueDate) invoice.date = toWireDate(changes.issueDate);
  if (changes.dueDate) invoice.due_date = toWireDate(changes.dueDate);
  if (changes.currency) invoice.currency_code = changes.currency;
  if (changes.number) invoice.number = changes.number;
  if (changes.reference !== undefined) invoice.po = changes.reference ?? "";
  if (changes.lines) {
    invoice.invoice_items_attributes = toItemAttributes(changes.lines, { removedIds: droppedLineIds(currentLineIds, changes.lines), lineAmountType: changes.lineAmountType });
  } else if (changes.lineAmountType) {
    const untaxed = toItemAttributes(currentLineIds.map((remoteId) => ({ remoteId })), { lineAmountType: changes.lineAmountType });
    if (changes.lineAmountType === LineAmountType.NO_TAX) invoice.invoice_items_attributes = untaxed;
  }
  return { invoice };
}

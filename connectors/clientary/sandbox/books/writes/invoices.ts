import type { ClientaryBooks, InvoiceRecord } from "../types.js";
import { HttpError, unprocessable } from "../../http/errors.js";
import { jsonReply } from "../../http/reply.js";
import { invoiceView } from "../invoice-view.js";
import { nextId } from "../seed/context.js";
import { INVOICE } from "../status-codes.js";
import { documentTotals } from "../totals.js";
import { applyHeader, blankDocument, nextNumber } from "./document-header.js";
import { dayField, fieldErrors, numberOf, removeWhere, stampOf, text, touched, type FieldErrors } from "./fields.js";
import { applyItems, chargesChanged } from "./items.js";

const WRITABLE_STATUS = new Set<number>([INVOICE.DRAFT, INVOICE.SENT, INVOICE.VIEWED, INVOICE.CANCELLED]);

function statusField(body: Record<string, unknown>, errors: FieldErrors, allowed: ReadonlySet<number>): number | undefined {
  if (!("status" in body)) return undefined;
  const status = numberOf(body.status);
  if (status === INVOICE.PAID) errors.add("status", "is set by payments");
  else if (status === undefined || Number.isNaN(status) || !allowed.has(status)) errors.add("status", "is not included in the list");
  else return status;
  return undefined;
}

/** Header, due date and lines applied to a draft copy; totals recomputed. Throws 422 on any field error. */
function applyInvoice(books: ClientaryBooks, draft: InvoiceRecord, body: Record<string, unknown>, errors: FieldErrors): InvoiceRecord {
  applyHeader(books, draft, body, errors, books.invoices, books.clients);
  const due = dayField(body, "due_date", errors);
  if (due) draft.due_date = due;
  if (draft.date && draft.due_date && draft.due_date < draft.date) errors.add("due_date", "can't be before the invoice date");
  draft.invoice_items = applyItems(books, draft.invoice_items, body.invoice_items_attributes, "invoice_items");
  return Object.assign(draft, documentTotals(draft.invoice_items, draft));
}

/** POST /invoices: `date`, `due_date`, `currency_code` and a client required; numbered next unless given; draft unless sent (1). */
export function createInvoice(books: ClientaryBooks, body: Record<string, unknown>, now: Date): InvoiceRecord {
  const errors = fieldErrors();
  for (const field of ["date", "due_date", "currency_code", "client_id"]) if (!text(body[field])) errors.add(field, "can't be blank");
  const status = statusField(body, errors, new Set([INVOICE.DRAFT, INVOICE.SENT]));
  const stamp = stampOf(now);
  const draft: InvoiceRecord = { ...blankDocument(0, stamp, ""), number: nextNumber(books.invoices), status: status ?? INVOICE.DRAFT, due_date: "", invoice_items: [], recurring_schedules: [] };
  applyInvoice(books, draft, body, errors);
  errors.check();
  const invoice = { ...draft, id: nextId(books, "invoice") };
  books.invoices.push(invoice);
  return invoice;
}

/**
 * PUT /invoices/:id. Sent and viewed invoices stay editable; a cancelled one only changes status. Once
 * payments are recorded the client and currency stay, the invoice cannot go back to draft or be
 * cancelled, and the total cannot fall below what was paid; a paid invoice keeps its lines.
 */
export function updateInvoice(books: ClientaryBooks, invoice: InvoiceRecord, body: Record<string, unknown>, now: Date): InvoiceRecord {
  const errors = fieldErrors();
  if (invoice.status === INVOICE.CANCELLED && Object.keys(body).some((key) => key !== "status")) throw unprocessable({ base: ["A cancelled invoice can't be edited"] });
  const status = statusField(body, errors, WRITABLE_STATUS);
  const draft = applyInvoice(books, structuredClone(invoice), body, errors);
  const { total_payments, balance } = invoiceView(books, invoice);
  if (total_payments > 0) {
    if (status === INVOICE.DRAFT || status === INVOICE.CANCELLED) errors.add("status", "can't be draft or cancelled while the invoice has payments");
    if (draft.client_id !== invoice.client_id) errors.add("client_id", "can't be changed once payments are recorded");
    if (draft.currency_code !== invoice.currency_code) errors.add("currency_code", "can't be changed once payments are recorded");
    const charges = chargesChanged(invoice.invoice_items, draft.invoice_items) || ["tax", "tax2", "tax3", "compound_tax"].some((k) => k in body);
    if (charges && balance <= 0) errors.add("invoice_items", "can't be changed on a paid invoice");
    else if (draft.total_cost < total_payments) errors.add("invoice_items", `would bring the total below the payments received (${total_payments.toFixed(2)})`);
  }
  errors.check();
  Object.assign(invoice, draft, { status: status ?? invoice.status, updated_at: touched(invoice.updated_at, now) });
  return invoice;
}

/** DELETE /invoices/:id: refused while payments are recorded; rebilled expenses become unbilled again. */
export function deleteInvoice(books: ClientaryBooks, invoice: InvoiceRecord): void {
  if (books.payments.some((p) => p.invoice_id === invoice.id)) {
    throw new HttpError(jsonReply(422, { errors: { base: ["An invoice with payments can't be deleted. Delete its payments first."] } }));
  }
  removeWhere(books.invoices, (i) => i === invoice);
  for (const expense of books.expenses) {
    if (expense.invoice_id === invoice.id) Object.assign(expense, { invoice_id: null, invoice_item_id: null });
  }
}

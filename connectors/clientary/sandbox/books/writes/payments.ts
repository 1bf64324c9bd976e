import type { ClientaryBooks, InvoiceRecord, PaymentRecord } from "../types.js";
import { missing, unprocessable } from "../../http/errors.js";
import { invoiceView } from "../invoice-view.js";
import { nextId } from "../seed/context.js";
import { INVOICE } from "../status-codes.js";
import { amountField, dayField, fieldErrors, removeWhere, stampOf, text, touch } from "./fields.js";

/**
 * POST /invoices/:id/payments: only on a sent (or viewed) invoice, `amount` above zero and at most
 * the balance due; the invoice is paid (status 4) once nothing is due.
 */
export function addPayment(books: ClientaryBooks, invoice: InvoiceRecord, body: Record<string, unknown>, now: Date): PaymentRecord {
  if (invoice.status === INVOICE.DRAFT) throw unprocessable({ base: ["Payments can't be recorded on a draft invoice. Send it first."] });
  if (invoice.status === INVOICE.CANCELLED) throw unprocessable({ base: ["Payments can't be recorded on a cancelled invoice"] });
  const errors = fieldErrors();
  const amount = amountField({ amount: null, ...body }, "amount", errors, { positive: true });
  const received = dayField(body, "received_on", errors);
  const { balance } = invoiceView(books, invoice);
  if (amount !== undefined && amount > balance) errors.add("amount", `must be less than or equal to ${balance.toFixed(2)}`);
  errors.check();
  const stamp = stampOf(now);
  const payment: PaymentRecord = {
    id: nextId(books, "payment"), created_at: stamp, updated_at: stamp, invoice_id: invoice.id, amount: amount!, note: text(body.note),
    received_on: (received ?? stamp.slice(0, 10)).replace(/\//g, "-"), transaction_id: null, transaction_fee_amount: 0,
  };
  books.payments.push(payment);
  touch(invoice, now);
  if (invoiceView(books, invoice).balance <= 0) invoice.status = INVOICE.PAID;
  return payment;
}

/** DELETE /invoices/:invoice_id/payments/:id: the invoice owes the amount again (a paid one is open again). */
export function deletePayment(books: ClientaryBooks, invoice: InvoiceRecord, paymentId: number, now: Date): void {
  const removed = removeWhere(books.payments, (p) => p.id === paymentId && p.invoice_id === invoice.id);
  if (removed.length === 0) throw missing();
  if (invoice.status === INVOICE.PAID && invoiceView(books, invoice).balance > 0) invoice.status = INVOICE.SENT;
  touch(invoice, now);
}

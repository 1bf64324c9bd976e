/**
 * Invoice payments: a completed payment raises the invoice's paid amount (its `payment_status` follows)
 * and posts its journal; paying a draft, or more than is unpaid, is refused. Deleting one restores
 * what the invoice owes. Either way the invoice's `modified` moves, as its paid amounts changed.
 */
import { Decimal } from "decimal.js";
import { nextId } from "../seed/documents.js";
import { journalFor, unpost } from "../journals.js";
import { docTotals, paymentsOf, settlement } from "../totals.js";
import type { DaftraBooks, PaymentRow } from "../types.js";
import { dayOf, failed, isNumber, stamp, text, today, touch, type Body, type FieldErrors, type WriteOutcome } from "./outcome.js";

/** The payment methods an account has active out of the box (assumption; accounts can add more). */
export const ACTIVE_METHODS = ["cash", "bank", "cheque", "credit_card"] as const;

export function createInvoicePayment(books: DaftraBooks, record: Body, now: Date): WriteOutcome {
  const errors: FieldErrors = {};
  const invoice = books.invoices.find((i) => i.id === Number(record.invoice_id));
  const status = record.status === undefined || record.status === "" ? 1 : Number(record.status);
  const treasuryId = record.treasury_id === undefined || record.treasury_id === "" ? books.treasuries.find((t) => t.is_primary)!.id : Number(record.treasury_id);
  const date = record.date === undefined || record.date === "" ? today(now) : dayOf(record.date);
  if (!invoice) errors.invoice_id = "Invoice not found";
  else if (invoice.draft) errors.invoice_id = "You can't add a payment to a draft invoice. Issue the invoice first.";
  if (!isNumber(record.amount) || !new Decimal(text(record.amount)).isPositive() || new Decimal(text(record.amount)).isZero()) errors.amount = "Amount must be a number above zero";
  if (!ACTIVE_METHODS.includes(text(record.payment_method) as (typeof ACTIVE_METHODS)[number])) errors.payment_method = "Payment method is not active in this account";
  if (!books.treasuries.some((t) => t.id === treasuryId)) errors.treasury_id = "Treasury not found";
  if (!date) errors.date = "Date must be YYYY-MM-DD";
  if (status !== 1 && status !== 2) errors.status = "Status must be 1 (completed) or 2 (pending)";
  if (invoice && !invoice.draft && !errors.amount && status === 1) {
    const { unpaid } = settlement(docTotals(invoice, books).total, paymentsOf(invoice, books.invoicePayments));
    if (new Decimal(text(record.amount)).gt(unpaid)) errors.amount = `The payment amount is more than the invoice's unpaid amount (${unpaid})`;
  }
  const problem = failed(errors);
  if (problem) return problem;
  const id = nextId(books, "invoice_payment");
  const payment: PaymentRow = {
    id, document_id: invoice!.id, party_id: invoice!.party_id, amount: new Decimal(text(record.amount)).toFixed(2), date: date!,
    payment_method: text(record.payment_method), treasury_id: treasuryId, status: status as 1 | 2,
    code: String(id).padStart(6, "0"), transaction_id: text(record.transaction_id), created: stamp(now), modified: stamp(now),
  };
  books.invoicePayments.push(payment);
  // The invoice keeps its paid and unpaid amounts, so a payment changes it too.
  if (payment.status === 1) touch(invoice!, now);
  if (payment.status === 1) books.journals.push(journalFor(books, "invoice_payment", id, payment.date, `Payment #${payment.code}`, payment));
  return { id };
}

export function deleteInvoicePayment(books: DaftraBooks, id: number, now?: Date): WriteOutcome {
  const index = books.invoicePayments.findIndex((p) => p.id === id);
  if (index < 0) return { missing: "Payment not found" };
  const [payment] = books.invoicePayments.splice(index, 1);
  const invoice = books.invoices.find((i) => i.id === payment!.document_id);
  if (invoice && now && payment!.status === 1) touch(invoice, now);
  unpost(books, "invoice_payment", id);
  return { id };
}

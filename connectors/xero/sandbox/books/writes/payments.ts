import { randomUUID } from "node:crypto";
import { groupedAmount, money } from "../money.js";
import { addPayment, deletePayment, paymentTarget } from "../settle.js";
import { touch } from "../touch.js";
import type { WriteOptions, WriteResult, XeroBooks, XeroCreditNote, XeroInvoice, XeroPayment } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { asElement, dateInput, failed, flag, numeric, succeeded, text, type Element } from "./input.js";

export const EXCEEDS_MESSAGE = "Payment amount exceeds the amount outstanding on this document";
export const NOT_AUTHORISED_MESSAGE = "Payments can only be made against Authorised documents";
export const RECONCILED_MESSAGE = "This payment has been reconciled and cannot be deleted";
export const ACCOUNT_MESSAGE = "Account must be valid.";

type Target = XeroInvoice | XeroCreditNote;

/** The document a payment is for: Invoice{InvoiceID|InvoiceNumber}, CreditNote{...}, or top-level numbers. */
function findTarget(books: XeroBooks, el: Element): { target?: Target; error?: string; notFound?: boolean } {
  const invoice = asElement(el.Invoice), note = asElement(el.CreditNote);
  const invoiceId = text(invoice.InvoiceID), invoiceNumber = text(invoice.InvoiceNumber) ?? text(el.InvoiceNumber);
  const noteId = text(note.CreditNoteID), noteNumber = text(note.CreditNoteNumber) ?? text(el.CreditNoteNumber);
  const found = invoiceId || invoiceNumber
    ? books.invoices.find((i) => (invoiceId ? i.InvoiceID.toLowerCase() === invoiceId.toLowerCase() : i.InvoiceNumber === invoiceNumber && i.Status !== "DELETED"))
    : noteId || noteNumber
      ? books.creditNotes.find((c) => (noteId ? c.CreditNoteID.toLowerCase() === noteId.toLowerCase() : c.CreditNoteNumber === noteNumber))
      : undefined;
  if (found) return { target: found };
  if (!invoiceId && !invoiceNumber && !noteId && !noteNumber) return { error: "An Invoice or CreditNote must be specified for the payment." };
  return { error: `The document ${invoiceId ?? invoiceNumber ?? noteId ?? noteNumber} could not be found.`, notFound: true };
}

function findAccount(books: XeroBooks, el: Element) {
  const ref = asElement(el.Account);
  const id = text(ref.AccountID), code = text(ref.Code) ?? text(el.Code);
  const account = books.accounts.find((a) => (id ? a.AccountID.toLowerCase() === id.toLowerCase() : a.Code === code));
  const usable = account && account.Status === "ACTIVE" && (account.Type === "BANK" || account.EnablePaymentsToAccount);
  return usable ? account : undefined;
}

function createPayment(books: XeroBooks, el: Element, opts: WriteOptions): WriteResult<XeroPayment> {
  const { target, error, notFound } = findTarget(books, el);
  if (!target) return failed(el, [error!], notFound);
  const errors: string[] = [];
  const account = findAccount(books, el);
  if (!account) errors.push(ACCOUNT_MESSAGE);
  const date = dateInput(el.Date);
  if (!date) errors.push("The Date field must be specified.");
  const requested = numeric(el.Amount);
  const amount = requested === undefined || Number.isNaN(requested) ? undefined : money(requested);
  if (amount === undefined || amount <= 0) errors.push("The payment Amount must be a number greater than zero.");
  if (target.Status !== "AUTHORISED") errors.push(NOT_AUTHORISED_MESSAGE);
  else if (amount !== undefined && amount > ("InvoiceID" in target ? target.AmountDue : target.RemainingCredit)) errors.push(EXCEEDS_MESSAGE);
  if (errors.length || !account || !date || amount === undefined) return failed(el, errors);

  const reference = text(el.Reference);
  const payment = addPayment(books, target, {
    PaymentID: randomUUID(), account, Date: date, Amount: amount, Reference: reference,
    IsReconciled: flag(el.IsReconciled) ?? false, UpdatedDateUTC: opts.now,
  });
  touch(target, opts.now);
  const targetId = "InvoiceID" in target ? target.InvoiceID : target.CreditNoteID;
  recordChange(books, targetId, "Payment Received", `Payment of ${groupedAmount(amount)} on ${date}.`, opts.now);
  recordChange(books, payment.PaymentID, "Created", `Payment of ${groupedAmount(amount)} on ${date}.`, opts.now);
  const sales = target.Type === "ACCREC" || target.Type === "ACCRECCREDIT";
  markContactRole(books, target.Contact.ContactID, sales ? "sales" : "purchases");
  return succeeded(payment);
}

function removePayment(books: XeroBooks, el: Element, opts: WriteOptions): WriteResult<XeroPayment> {
  const id = text(el.PaymentID);
  const payment = id ? books.payments.find((p) => p.PaymentID.toLowerCase() === id.toLowerCase()) : undefined;
  if (!payment) return failed(el, [id ? `The payment ${id} could not be found.` : "The PaymentID must be specified to delete a payment."], !!id);
  if (payment.Status === "DELETED") return succeeded(payment);
  if (payment.IsReconciled) return failed(el, [RECONCILED_MESSAGE]);
  deletePayment(books, payment, opts.now);
  const target = paymentTarget(books, payment);
  // The invoice or credit note it paid changed (amount due, status): its UpdatedDateUTC moves too, as on a new payment.
  if (target) touch(target, opts.now);
  const targetId = target && ("InvoiceID" in target ? target.InvoiceID : target.CreditNoteID);
  if (targetId) recordChange(books, targetId, "Payment Deleted", `Payment of ${groupedAmount(payment.Amount)} on ${payment.Date} deleted.`, opts.now);
  recordChange(books, payment.PaymentID, "Deleted", "Payment deleted.", opts.now);
  return succeeded(payment);
}

/** PUT /Payments (create), POST /Payments (bare create) and POST /Payments/{id} {"Status":"DELETED"}. */
export function writePayments(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroPayment>[] {
  return elements.map((raw) => {
    const el = asElement(raw);
    if (text(el.Status)?.toUpperCase() === "DELETED") return removePayment(books, el, opts);
    const id = text(el.PaymentID);
    if (id && books.payments.some((p) => p.PaymentID.toLowerCase() === id.toLowerCase())) {
      return failed(raw, ["A payment cannot be edited; it can only be deleted."]);
    }
    return createPayment(books, el, opts);
  });
}

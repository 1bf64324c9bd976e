import { randomUUID } from "node:crypto";
import { groupedAmount, money } from "../money.js";
import { allocateCredit } from "../settle.js";
import { touch } from "../touch.js";
import type { WriteOptions, WriteResult, XeroAllocation, XeroBooks, XeroCreditNote, XeroInvoice } from "../types.js";
import { recordChange } from "./audit.js";
import { asElement, dateInput, failed, numeric, succeeded, text, type Element } from "./input.js";
import { DATE_MESSAGE } from "./invoice-draft.js";

export const CREDIT_NOT_AUTHORISED_MESSAGE = "Credit Note cannot be allocated as it is not of status AUTHORISED";
export const INVOICE_NOT_AUTHORISED_MESSAGE = "Credit Note can only be allocated to an invoice of status AUTHORISED";
export const INVOICE_PAID_MESSAGE = "The invoice you are trying to allocate to has already been paid off";
export const EXCEEDS_OUTSTANDING_MESSAGE = "Credit Note cannot be allocated as amount is greater than amount outstanding";
export const EXCEEDS_CREDIT_MESSAGE = "Credit Note cannot be allocated as amount is greater than the remaining credit";
export const WRONG_TYPE_MESSAGE = "Credit Note cannot be allocated to an incorrect invoice type";
export const WRONG_CONTACT_MESSAGE = "Credit Note cannot be allocated to an invoice of a different contact";
export const ALLOCATION_AMOUNT_MESSAGE = "The Amount must be a number greater than zero.";

/** An allocation as the endpoint answers it: the allocation with both documents referenced. */
export type AllocationRecord = XeroAllocation & { CreditNote: { CreditNoteID: string; CreditNoteNumber?: string } };

function findInvoice(books: XeroBooks, el: Element): { invoice?: XeroInvoice; error?: string; notFound?: boolean } {
  const ref = asElement(el.Invoice);
  const id = text(ref.InvoiceID), number = text(ref.InvoiceNumber);
  if (!id && !number) return { error: "An Invoice must be specified for the allocation." };
  const invoice = books.invoices.find((i) => (id ? i.InvoiceID.toLowerCase() === id.toLowerCase() : i.InvoiceNumber === number && i.Status !== "DELETED"));
  return invoice ? { invoice } : { error: `The invoice ${id ?? number} could not be found.`, notFound: true };
}

/** Every reason Xero refuses this allocation (an empty list allows it). */
function refusals(note: XeroCreditNote, invoice: XeroInvoice, amount: number | undefined, date: string | null | undefined): string[] {
  const errors: string[] = [];
  if (note.Status !== "AUTHORISED" && note.Status !== "PAID") errors.push(CREDIT_NOT_AUTHORISED_MESSAGE);
  const wanted = note.Type === "ACCRECCREDIT" ? "ACCREC" : "ACCPAY";
  if (invoice.Type !== wanted) errors.push(WRONG_TYPE_MESSAGE);
  else if (invoice.Contact.ContactID !== note.Contact.ContactID) errors.push(WRONG_CONTACT_MESSAGE);
  if (invoice.Status === "PAID") errors.push(INVOICE_PAID_MESSAGE);
  else if (invoice.Status !== "AUTHORISED") errors.push(INVOICE_NOT_AUTHORISED_MESSAGE);
  if (amount === undefined || amount <= 0) errors.push(ALLOCATION_AMOUNT_MESSAGE);
  else {
    if (invoice.Status === "AUTHORISED" && amount > invoice.AmountDue) errors.push(EXCEEDS_OUTSTANDING_MESSAGE);
    if (note.Status === "PAID" || amount > note.RemainingCredit) errors.push(EXCEEDS_CREDIT_MESSAGE);
  }
  if (!date) errors.push(DATE_MESSAGE);
  return errors;
}

function allocate(books: XeroBooks, note: XeroCreditNote, el: Element, opts: WriteOptions): WriteResult<AllocationRecord> {
  const { invoice, error, notFound } = findInvoice(books, el);
  if (!invoice) return failed(el, [error!], notFound);
  const requested = numeric(el.Amount);
  const amount = requested === undefined || Number.isNaN(requested) ? undefined : money(requested);
  const date = dateInput(el.Date);
  const errors = refusals(note, invoice, amount, date);
  if (errors.length || amount === undefined || !date) return failed(el, errors);

  const AllocationID = randomUUID();
  allocateCredit(note, invoice, { AllocationID, Amount: amount, Date: date });
  touch(note, opts.now);
  touch(invoice, opts.now);
  const details = `${groupedAmount(amount)} of ${note.CreditNoteNumber ?? "credit note"} applied.`;
  recordChange(books, note.CreditNoteID, "Credit Applied", details, opts.now);
  recordChange(books, invoice.InvoiceID, "Credit Note Applied", details, opts.now);
  const stored = note.Allocations.find((a) => a.AllocationID === AllocationID)!;
  return succeeded({ ...stored, CreditNote: { CreditNoteID: note.CreditNoteID, ...(note.CreditNoteNumber ? { CreditNoteNumber: note.CreditNoteNumber } : {}) } });
}

/**
 * PUT /CreditNotes/{id}/Allocations: applies credit to invoices (sales credit) or bills (supplier
 * credit) of the same contact, lowering RemainingCredit and the document's AmountDue; either is
 * PAID when nothing is left. Allocations move balances within AR or AP, so the ledger stays balanced.
 */
export function writeAllocations(books: XeroBooks, note: XeroCreditNote, elements: unknown[], opts: WriteOptions): WriteResult<AllocationRecord>[] {
  return elements.map((raw) => allocate(books, note, asElement(raw), opts));
}

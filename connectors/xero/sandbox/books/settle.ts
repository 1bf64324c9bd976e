/**
 * Keeps documents' balances in step with their payments and credit allocations.
 * Shared by the seed and the write rules so both produce identical states.
 */
import { Decimal, money, sumDecimal } from "./money.js";
import { touch } from "./touch.js";
import type {
  PaymentType, XeroAccount, XeroBooks, XeroCreditNote, XeroInvoice, XeroPayment,
} from "./types.js";

type Settleable = XeroInvoice | XeroCreditNote;

function latest(dates: string[], fallback: string): string {
  return dates.reduce((a, b) => (b > a ? b : a), fallback);
}

/** PAID exactly when an approved document has nothing outstanding; reopens when something is undone. */
function settleStatus(doc: Settleable, outstanding: Decimal, dates: string[]): void {
  if (doc.Status === "AUTHORISED" && outstanding.lte(0)) {
    doc.Status = "PAID";
    doc.FullyPaidOnDate = latest(dates, doc.Date);
  } else if (doc.Status === "PAID" && outstanding.gt(0)) {
    doc.Status = "AUTHORISED";
    delete doc.FullyPaidOnDate;
  }
}

/** Recomputes AmountPaid / AmountCredited / AmountDue / Status from the embedded summaries. */
export function settleInvoice(invoice: XeroInvoice): void {
  const paid = sumDecimal(invoice.Payments.map((p) => p.Amount));
  const credited = sumDecimal(invoice.CreditNotes.map((c) => c.AppliedAmount));
  const due = new Decimal(invoice.Total).minus(paid).minus(credited);
  invoice.AmountPaid = money(paid);
  invoice.AmountCredited = money(credited);
  invoice.AmountDue = money(due);
  settleStatus(invoice, due, [...invoice.Payments.map((p) => p.Date), ...invoice.CreditNotes.map((c) => c.Date)]);
}

/** Recomputes RemainingCredit / Status from allocations and cash refunds. */
export function settleCreditNote(note: XeroCreditNote): void {
  const used = sumDecimal([...note.Allocations.map((a) => a.Amount), ...note.Payments.map((p) => p.Amount)]);
  const remaining = new Decimal(note.Total).minus(used);
  note.RemainingCredit = money(remaining);
  settleStatus(note, remaining, [...note.Allocations.map((a) => a.Date), ...note.Payments.map((p) => p.Date)]);
}

export function paymentTypeFor(docType: XeroInvoice["Type"] | XeroCreditNote["Type"]): PaymentType {
  const types = { ACCREC: "ACCRECPAYMENT", ACCPAY: "ACCPAYPAYMENT", ACCRECCREDIT: "ARCREDITPAYMENT", ACCPAYCREDIT: "APCREDITPAYMENT" } as const;
  return types[docType];
}

export interface NewPayment {
  PaymentID: string;
  account: XeroAccount;
  Date: string;
  Amount: number;
  Reference?: string;
  IsReconciled?: boolean;
  UpdatedDateUTC: string;
}

/** Creates an AUTHORISED payment against an invoice or credit note and settles the target. */
export function addPayment(books: XeroBooks, target: Settleable, input: NewPayment): XeroPayment {
  const payment: XeroPayment = {
    PaymentID: input.PaymentID,
    Account: { AccountID: input.account.AccountID, Code: input.account.Code },
    Date: input.Date,
    Amount: input.Amount,
    BankAmount: input.Amount,
    CurrencyRate: 1,
    ...(input.Reference ? { Reference: input.Reference } : {}),
    IsReconciled: input.IsReconciled ?? false,
    Status: "AUTHORISED",
    PaymentType: paymentTypeFor(target.Type),
    HasAccount: true,
    HasValidationErrors: false,
    UpdatedDateUTC: input.UpdatedDateUTC,
  };
  if ("InvoiceID" in target) {
    payment.Invoice = { InvoiceID: target.InvoiceID, InvoiceNumber: target.InvoiceNumber, Type: target.Type, Contact: target.Contact, CurrencyCode: target.CurrencyCode };
  } else {
    payment.CreditNote = { CreditNoteID: target.CreditNoteID, CreditNoteNumber: target.CreditNoteNumber, Type: target.Type, Contact: target.Contact, CurrencyCode: target.CurrencyCode };
  }
  target.Payments.push({ PaymentID: payment.PaymentID, Date: payment.Date, Amount: payment.Amount, CurrencyRate: 1, ...(payment.Reference ? { Reference: payment.Reference } : {}) });
  books.payments.push(payment);
  settle(target);
  return payment;
}

/** Marks a payment DELETED and restores its target's balance and status. */
export function deletePayment(books: XeroBooks, payment: XeroPayment, now: string): void {
  payment.Status = "DELETED";
  touch(payment, now);
  const target = paymentTarget(books, payment);
  if (!target) return;
  target.Payments = target.Payments.filter((p) => p.PaymentID !== payment.PaymentID);
  settle(target);
  touch(target, now);
}

export function paymentTarget(books: XeroBooks, payment: XeroPayment): Settleable | undefined {
  if (payment.Invoice) return books.invoices.find((i) => i.InvoiceID === payment.Invoice!.InvoiceID);
  return books.creditNotes.find((c) => c.CreditNoteID === payment.CreditNote?.CreditNoteID);
}

/** Applies part of a credit note to an invoice of the same contact. */
export function allocateCredit(
  note: XeroCreditNote, invoice: XeroInvoice, allocation: { AllocationID: string; Amount: number; Date: string },
): void {
  note.Allocations.push({ ...allocation, Invoice: { InvoiceID: invoice.InvoiceID, InvoiceNumber: invoice.InvoiceNumber } });
  invoice.CreditNotes.push({
    CreditNoteID: note.CreditNoteID,
    CreditNoteNumber: note.CreditNoteNumber,
    AppliedAmount: allocation.Amount,
    Date: allocation.Date,
    Total: note.Total,
  });
  settleCreditNote(note);
  settleInvoice(invoice);
}

function settle(doc: Settleable): void {
  if ("InvoiceID" in doc) settleInvoice(doc);
  else settleCreditNote(doc);
}

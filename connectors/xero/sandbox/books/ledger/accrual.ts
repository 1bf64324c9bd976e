import { Decimal, sumDecimal } from "../money.js";
import type { XeroBooks, XeroCreditNote, XeroInvoice, XeroPayment } from "../types.js";
import type { AccountIndex } from "./accounts.js";
import { controlAccount, documentPostings, POSTED_STATUSES } from "./documents.js";
import type { JournalLine } from "./types.js";

function documentLines(doc: XeroInvoice | XeroCreditNote, id: string, accounts: AccountIndex): JournalLine[] {
  const source = { type: doc.Type, id };
  const postings = documentPostings(doc, accounts);
  const control = { accountCode: controlAccount(doc, accounts), amount: sumDecimal(postings.map((p) => p.amount)).negated() };
  return [...postings, control].map((p) => accounts.line(doc.Date, p, source));
}

/** Money received (ACCREC payments, supplier refunds) debits the bank; money paid out credits it. */
export function bankDirection(payment: XeroPayment): 1 | -1 {
  return payment.PaymentType === "ACCRECPAYMENT" || payment.PaymentType === "APCREDITPAYMENT" ? 1 : -1;
}

function paymentLines(payment: XeroPayment, accounts: AccountIndex): JournalLine[] {
  const source = { type: "Payment" as const, id: payment.PaymentID };
  const amount = new Decimal(payment.Amount).times(bankDirection(payment));
  const receivable = payment.Invoice?.Type === "ACCREC" || payment.CreditNote?.Type === "ACCRECCREDIT";
  const control = receivable ? accounts.receivables : accounts.payables;
  return [
    accounts.line(payment.Date, { accountCode: payment.Account.Code, amount }, source),
    accounts.line(payment.Date, { accountCode: control, amount: amount.negated() }, source),
  ];
}

/** Allocations only move balances within AR (or AP): from the credit note to the invoice. */
function allocationLines(note: XeroCreditNote, accounts: AccountIndex): JournalLine[] {
  const control = controlAccount(note, accounts);
  const direction = note.Type === "ACCRECCREDIT" ? 1 : -1;
  return note.Allocations.flatMap((allocation) => {
    const source = { type: "Allocation" as const, id: allocation.AllocationID };
    const amount = new Decimal(allocation.Amount).times(direction);
    return [
      accounts.line(allocation.Date, { accountCode: control, amount }, source),
      accounts.line(allocation.Date, { accountCode: control, amount: amount.negated() }, source),
    ];
  });
}

export function accrualLines(books: XeroBooks, accounts: AccountIndex): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const invoice of books.invoices) {
    if (POSTED_STATUSES.has(invoice.Status)) lines.push(...documentLines(invoice, invoice.InvoiceID, accounts));
  }
  for (const note of books.creditNotes) {
    if (!POSTED_STATUSES.has(note.Status)) continue;
    lines.push(...documentLines(note, note.CreditNoteID, accounts), ...allocationLines(note, accounts));
  }
  for (const payment of books.payments) {
    if (payment.Status === "AUTHORISED") lines.push(...paymentLines(payment, accounts));
  }
  return lines;
}

import { Decimal, sumDecimal } from "../money.js";
import type { XeroBooks, XeroCreditNote, XeroInvoice } from "../types.js";
import type { AccountIndex } from "./accounts.js";
import { bankDirection } from "./accrual.js";
import { documentPostings, lineSign, POSTED_STATUSES } from "./documents.js";
import type { JournalLine, Posting } from "./types.js";

/** A settlement of part of a document: a payment or one side of a credit allocation. */
interface Settlement { date: string; amount: Decimal; source: JournalLine["source"]; bank?: Posting }

/**
 * Recognises a document's postings in proportion to each settlement. Rounding is carried
 * forward so that once the document is fully settled exactly its full postings have been made,
 * and any cent left over by a step lands on that step's largest posting.
 */
function recognise(doc: XeroInvoice | XeroCreditNote, settlements: Settlement[], accounts: AccountIndex): JournalLine[] {
  const total = new Decimal(doc.Total);
  if (total.isZero() || settlements.length === 0) return [];
  const full = documentPostings(doc, accounts);
  const posted = full.map(() => new Decimal(0));
  const sign = lineSign(doc);
  let settled = new Decimal(0);
  const lines: JournalLine[] = [];
  for (const s of [...settlements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    settled = settled.plus(s.amount);
    const share = Decimal.min(settled.dividedBy(total), 1);
    const step = full.map((p, i) => p.amount.times(share).toDecimalPlaces(2).minus(posted[i]!));
    const residual = s.amount.times(sign).minus(sumDecimal(step));
    const largest = step.reduce((best, v, i) => (v.abs().gt(step[best]!.abs()) ? i : best), 0);
    step[largest] = step[largest]!.plus(residual);
    step.forEach((v, i) => (posted[i] = posted[i]!.plus(v)));
    const postings: Posting[] = full.map((p, i) => ({ accountCode: p.accountCode, amount: step[i]!, tracking: p.tracking })).filter((p) => !p.amount.isZero());
    if (s.bank) postings.push(s.bank);
    lines.push(...postings.map((p) => accounts.line(s.date, p, s.source)));
  }
  return lines;
}

function settlementsByDocument(books: XeroBooks): Map<string, Settlement[]> {
  const byDoc = new Map<string, Settlement[]>();
  const add = (id: string, s: Settlement) => (byDoc.get(id) ?? byDoc.set(id, []).get(id)!).push(s);
  for (const p of books.payments) {
    if (p.Status !== "AUTHORISED") continue;
    const amount = new Decimal(p.Amount);
    const bank = { accountCode: p.Account.Code, amount: amount.times(bankDirection(p)) };
    add(p.Invoice?.InvoiceID ?? p.CreditNote?.CreditNoteID ?? "", { date: p.Date, amount, bank, source: { type: "Payment", id: p.PaymentID } });
  }
  for (const note of books.creditNotes) {
    if (!POSTED_STATUSES.has(note.Status)) continue;
    for (const a of note.Allocations) {
      const s = { date: a.Date, amount: new Decimal(a.Amount), source: { type: "Allocation" as const, id: a.AllocationID } };
      add(note.CreditNoteID, s);
      add(a.Invoice.InvoiceID, s);
    }
  }
  return byDoc;
}

/** Cash basis: income and expenses are recognised as documents are paid or credited. */
export function cashLines(books: XeroBooks, accounts: AccountIndex): JournalLine[] {
  const byDoc = settlementsByDocument(books);
  const lines: JournalLine[] = [];
  for (const invoice of books.invoices) {
    if (POSTED_STATUSES.has(invoice.Status)) lines.push(...recognise(invoice, byDoc.get(invoice.InvoiceID) ?? [], accounts));
  }
  for (const note of books.creditNotes) {
    if (POSTED_STATUSES.has(note.Status)) lines.push(...recognise(note, byDoc.get(note.CreditNoteID) ?? [], accounts));
  }
  return lines;
}

import { Decimal } from "decimal.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import { recognise, type Settlement } from "./cash-recognition.js";
import { bankingPostings } from "./banking-postings.js";
import { dated, withControl, type DocumentChart } from "./document-chart.js";
import { documentAmounts, type LedgerDocument } from "./document-amounts.js";
import { DocumentIndex, isPosted, type DocumentBooks } from "./document-index.js";
import type { Posting } from "./ledger.js";
import { allocationSettlements, paymentSettlements } from "./settlements.js";

/** Accrual: documents at their issue date against AR/AP; payments move AR/AP to the bank. */
function accrualPostings(index: DocumentIndex, books: DocumentBooks, chart: DocumentChart): Posting[] {
  const postings: Posting[] = [];
  for (const doc of index.documents) {
    if (!isPosted(doc) || !doc.record.issueDate) continue;
    const amounts = withControl(documentAmounts(doc, chart), doc.control);
    postings.push(...dated(doc.record.issueDate, amounts, { type: doc.kind, id: doc.record.remoteId }));
  }
  for (const { control, settlement: s } of paymentSettlements(books, index, chart)) {
    postings.push(...dated(s.date, [s.bank, { account: control, amount: s.bank.amount.negated() }], s.source));
  }
  return postings;
}

/**
 * Cash: each document's income, expense and tax recognised pro rata as payments and credits settle it.
 * A payment that recognises nothing (its document is unknown or totals zero) moves the bank against the
 * control account, as on accrual, so the bank is the same on both bases.
 */
function cashPostings(index: DocumentIndex, books: DocumentBooks, chart: DocumentChart): Posting[] {
  const byDocument = new Map<LedgerDocument, Settlement[]>();
  const add = (doc: LedgerDocument, s: Settlement) => (byDocument.get(doc) ?? byDocument.set(doc, []).get(doc)!).push(s);
  const unapplied: Posting[] = [];
  const clearControl = (control: string, s: Settlement) =>
    s.bank && unapplied.push(...dated(s.date, [s.bank, { account: control, amount: s.bank.amount.negated() }], s.source));
  for (const { doc, control, settlement } of paymentSettlements(books, index, chart)) {
    if (doc && !new Decimal(doc.record.total).isZero()) add(doc, settlement);
    else clearControl(control, settlement);
  }
  for (const { note, target, settlement } of allocationSettlements(index)) {
    add(note, settlement);
    if (target) add(target, settlement);
  }
  return [...unapplied, ...index.documents.filter(isPosted).flatMap((doc) => {
    const settlements = byDocument.get(doc);
    return settlements ? recognise(doc, documentAmounts(doc, chart), settlements) : [];
  })];
}

/**
 * Double-entry postings from unified documents, for connectors that have documents but no
 * journals. Only approved documents (AUTHORISED, PARTIALLY_PAID, PAID), AUTHORISED payments and
 * AUTHORISED bank transactions post; each source's postings sum to zero.
 */
export function documentPostings(books: DocumentBooks, chart: DocumentChart, basis: ReportBasis): Posting[] {
  const index = new DocumentIndex(books, chart);
  const documents = basis === ReportBasis.CASH ? cashPostings(index, books, chart) : accrualPostings(index, books, chart);
  return [...documents, ...bankingPostings(books, chart)];
}

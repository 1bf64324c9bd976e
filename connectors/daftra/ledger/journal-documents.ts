import type { EntityName } from "../../../src/connector/entities.js";
import type { Ledger } from "../../../src/reports/engine/index.js";
import type { DocumentRef, LedgerPostings } from "../../../src/reports/drill/drill-postings.js";
import { engineDocument, ledgerPostings } from "../../../src/reports/drill/engine-postings.js";

/**
 * Daftra journal `entity_type` → the unified record it was posted for (its `entity_id`). Purchase
 * payments are not Payment records here (they live inside their Bill), and opening balances, stock
 * transactions and manual journals have no record: no document.
 */
const JOURNAL_DOCUMENTS: Record<string, EntityName> = {
  invoice: "Invoice",
  credit_note: "CreditNote",
  purchase_order: "Bill",
  invoice_payment: "Payment",
  expense: "Expense",
  income: "Expense",
};

const entityIdOf = (posting: object): string | null | undefined => (posting as { entityId?: string | null }).entityId;

/**
 * The postings of a Daftra report's ledger with their documents: from its journals (the cash basis
 * keeps each payment journal's id, so the record is found through the accrual journal it came
 * from), or, when the journals are unreadable, the engine's postings from the documents.
 */
export function daftraLedgerPostings(ledger: Ledger): LedgerPostings {
  const entityByJournal = new Map<string, string>();
  for (const p of [...(ledger.evidence?.journal?.ledger.postings ?? []), ...ledger.postings]) {
    const entityId = entityIdOf(p);
    if (p.source && entityId) entityByJournal.set(p.source.id, entityId);
  }
  return ledgerPostings(ledger, (source, posting): DocumentRef | null => {
    if (!source) return null;
    if (!Object.hasOwn(JOURNAL_DOCUMENTS, source.type)) return engineDocument(source);
    const remoteId = entityIdOf(posting) ?? entityByJournal.get(source.id);
    return remoteId ? { entity: JOURNAL_DOCUMENTS[source.type]!, remoteId } : null;
  });
}

import type { EntityName } from "../../connector/entities.js";
import type { Ledger } from "../engine/ledger.js";
import { signOf } from "../engine/placement.js";
import type { DocumentRef, LedgerPostings } from "./drill-postings.js";

/**
 * The engine's posting sources (`documentPostings`, `bankingPostings`, the settlements) → the
 * unified record behind them. An allocation of a credit note to an invoice has no record of its
 * own: no document.
 */
const ENGINE_SOURCES: Record<string, EntityName> = {
  INVOICE: "Invoice",
  BILL: "Bill",
  SALES_CREDIT: "CreditNote",
  PURCHASE_CREDIT: "CreditNote",
  Payment: "Payment",
  Expense: "Expense",
  BankTransaction: "BankTransaction",
};

export function engineDocument(source: { type: string; id: string } | undefined): DocumentRef | null {
  const entity = source && Object.hasOwn(ENGINE_SOURCES, source.type) ? ENGINE_SOURCES[source.type] : undefined;
  return entity && source!.id ? { entity, remoteId: source!.id } : null;
}

/**
 * Every posting of a computed report's ledger. `document` maps each source through `documentOf`
 * (default: the engine's sources), so a connector whose ledger comes from its own journals can map
 * its journal types instead.
 */
export function ledgerPostings(
  ledger: Ledger,
  documentOf: (source: { type: string; id: string } | undefined, posting: object) => DocumentRef | null = engineDocument,
): LedgerPostings {
  const accounts = new Map(ledger.accounts.map((a) => [a.remoteId, a]));
  const signs: Record<string, 1 | -1> = {};
  for (const account of ledger.accounts) signs[account.remoteId] = signOf(account);
  return {
    signs,
    postings: ledger.postings.map((p) => ({
      date: p.date.slice(0, 10),
      accountRemoteId: p.accountRemoteId,
      accountCode: accounts.get(p.accountRemoteId)?.code ?? null,
      amount: p.amount,
      description: null,
      source: p.source ?? null,
      document: documentOf(p.source, p),
    })),
  };
}

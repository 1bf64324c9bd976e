/**
 * Daftra's cash basis, derived from its own journals so that everything but the timing of income and
 * expenses is the accrual ledger's: opening balances, expenses, incomes, stock and manual journals post as
 * they are; the bank moves on exactly the same lines. Only sales and purchase documents change:
 *
 * - an invoice's or purchase invoice's journal posts nothing by itself;
 * - each payment journal keeps its bank lines, and instead of clearing receivables/payables it recognises
 *   the paid document's other lines (income or purchases, tax, cost of sales) in proportion to the amount
 *   paid (`recogniseAmounts`, rounding carried forward so a fully paid document posts exactly its journal);
 * - credit notes move no money, so they post nothing (a refund is a journal of its own and stays);
 * - a payment whose document's journal is not in the books (deleted, draft) keeps its journal as it is.
 *
 * Payments name their document in Daftra's records, not in the journal: `links` maps each payment journal
 * (`invoice_payment:<payment id>`, `purchase_order_payment:<payment id>`) to its document's journal
 * (`invoice:<id>`, `purchase_order:<id>`), see `paymentLinks`.
 */
import { Decimal } from "decimal.js";
import type { Bill } from "../../../schema/invoice/invoice.type.js";
import type { Ledger, Posting } from "../../../src/reports/engine/index.js";
import { recogniseAmounts, type Settlement } from "../../../src/reports/engine/cash-recognition.js";
import type { DocumentBooks } from "../../../src/reports/engine/document-index.js";
import { sectionOf } from "../../../src/reports/engine/placement.js";
import { ReportSectionKey } from "../../../src/reports/section-keys.js";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import type { JournalPosting } from "./journal-ledger.js";

/** A document's own journals (its sales cost with the invoice), by Daftra journal entity_type → the document kind. */
export const DOCUMENT_JOURNALS: Record<string, string> = { invoice: "invoice", invoice_sales_cost: "invoice", purchase_order: "purchase_order" };
const PAYMENT_JOURNALS = new Set(["invoice_payment", "purchase_order_payment"]);
const NO_CASH_JOURNALS = new Set(["credit_note"]);

const remoteIdOf = (globalId: string | null | undefined) => {
  try {
    return globalId ? fromGlobalId(globalId).remoteId : undefined;
  } catch {
    return undefined;
  }
};

/** Payment journal key → its document's journal key, from the payments and the bills' payment lists. */
export function paymentLinks(books: DocumentBooks): Map<string, string> {
  const links = new Map<string, string>();
  for (const p of books.payments ?? []) {
    const invoice = remoteIdOf(p.documentId);
    if (invoice) links.set(`invoice_payment:${p.remoteId}`, `invoice:${invoice}`);
  }
  for (const bill of (books.bills ?? []) as readonly Bill[]) {
    for (const s of bill.payments ?? []) links.set(`purchase_order_payment:${s.remoteId}`, `purchase_order:${bill.remoteId}`);
  }
  return links;
}

const keyOf = (p: JournalPosting) => `${p.source.type}:${p.entityId ?? ""}`;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return groups;
}

/** The cash-basis ledger from the accrual journal ledger (its postings must be `JournalPosting`s). */
export function cashJournalLedger(accrual: Ledger, links: ReadonlyMap<string, string>): Ledger {
  const postings = accrual.postings as readonly JournalPosting[];
  const banks = new Set(accrual.accounts.filter((a) => sectionOf(a) === ReportSectionKey.BANK).map((a) => a.remoteId));
  const documents = groupBy(postings.filter((p) => DOCUMENT_JOURNALS[p.source.type]), (p) => `${DOCUMENT_JOURNALS[p.source.type]}:${p.entityId ?? ""}`);
  const out: Posting[] = [];
  const settlementsOf = new Map<string, Array<{ settlement: Settlement; controls: Set<string> }>>();

  for (const [key, lines] of groupBy(postings.filter((p) => !DOCUMENT_JOURNALS[p.source.type] && !NO_CASH_JOURNALS.has(p.source.type)), keyOf)) {
    const docKey = PAYMENT_JOURNALS.has(lines[0]!.source.type) ? links.get(key) : undefined;
    if (!docKey || !documents.has(docKey)) {
      out.push(...lines);
      continue;
    }
    const bank = lines.filter((l) => banks.has(l.accountRemoteId));
    const control = lines.filter((l) => !banks.has(l.accountRemoteId));
    out.push(...bank);
    const amount = control.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).abs();
    const list = settlementsOf.get(docKey) ?? settlementsOf.set(docKey, []).get(docKey)!;
    list.push({ settlement: { date: lines[0]!.date, amount, source: lines[0]!.source }, controls: new Set(control.map((l) => l.accountRemoteId)) });
  }

  for (const [docKey, settled] of settlementsOf) {
    const controls = new Set(settled.flatMap((s) => [...s.controls]));
    const lines = documents.get(docKey)!;
    const controlSum = lines.filter((l) => controls.has(l.accountRemoteId)).reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
    const full = lines.filter((l) => !controls.has(l.accountRemoteId)).map((l) => ({ account: l.accountRemoteId, amount: new Decimal(l.amount) }));
    out.push(...recogniseAmounts(controlSum.abs(), controlSum.gt(0) ? -1 : 1, full, settled.map((s) => s.settlement)));
  }
  return { ...accrual, postings: out, evidence: undefined };
}

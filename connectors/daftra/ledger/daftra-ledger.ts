import type { Bill } from "../../../schema/invoice/invoice.type.js";
import { rawOf } from "../../../src/connector/raw.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import type { Ledger } from "../../../src/reports/engine/index.js";
import { Decimal } from "decimal.js";
import { documentCashFlows, type ProfitAndLossLine, type ProfitAndLossLines } from "../../../src/reports/engine/cash-flows.js";
import { sectionOf } from "../../../src/reports/engine/placement.js";
import { ReportSectionKey } from "../../../src/reports/section-keys.js";
import type { DocumentBooks } from "../../../src/reports/engine/document-index.js";
import { cashJournalLedger, DOCUMENT_JOURNALS, paymentLinks } from "./cash-journal-ledger.js";
import { journalLedger, type JournalBooks, type JournalLedgerOptions } from "./journal-ledger.js";

/**
 * Daftra payment `status` 1 is completed; only completed payments post a journal (pending ones, 2, do
 * not, though the unified status counts them). The record's own status decides; where the record came
 * without it (e.g. from the mirror), whether Daftra posted its journal.
 */
function completedPayments(books: DocumentBooks, journal: JournalBooks): DocumentBooks {
  const posted = new Set(journal.postings.map((p) => `${p.source.type}:${p.entityId ?? ""}`));
  const completed = (status: unknown, journalKey: string) =>
    status === undefined || status === null ? posted.has(journalKey) : String(status) === "1";
  const statusOf = (raw: unknown) => (raw && typeof raw === "object" ? (raw as { status?: unknown }).status : undefined);
  const isCompleted = (p: NonNullable<DocumentBooks["payments"]>[number]) => completed(statusOf(rawOf(p.raw)), `invoice_payment:${p.remoteId}`);
  const payments = books.payments?.filter(isCompleted);
  const pending = new Set(books.payments?.filter((p) => !isCompleted(p)).map((p) => p.id));
  const invoices = books.invoices?.map((invoice) => ({ ...invoice, payments: invoice.payments.filter((s) => !s.paymentId || !pending.has(s.paymentId)) }));
  const bills = books.bills?.map((bill: Bill) => {
    const rows = ((rawOf(bill.raw) as { PurchaseOrderPayment?: Array<{ id?: unknown; status?: unknown }> } | null)?.PurchaseOrderPayment) ?? [];
    const status = new Map(rows.map((r) => [String(r.id), r.status]));
    return { ...bill, payments: bill.payments.filter((s) => completed(status.get(s.remoteId), `purchase_order_payment:${s.remoteId}`)) };
  });
  return { ...books, invoices, payments, bills };
}

const INCOME_SECTIONS = new Set<string>([ReportSectionKey.INCOME, ReportSectionKey.OTHER_INCOME]);
const EXPENSE_SECTIONS = new Set<string>([ReportSectionKey.COST_OF_SALES, ReportSectionKey.OPERATING_EXPENSES, ReportSectionKey.OTHER_EXPENSES]);
/** The journals a document's income and expense come from: its own, and (invoices) its cost of sales. */

/**
 * For the cash checks: each sales or purchase invoice's lines on income and expense accounts, as its
 * own journals post them (a purchase of equipment or stock posts none; a sale's cost of sales posts
 * both an expense and the stock it takes). Credit notes and documents without a journal: none (the
 * cash ledger recognises nothing for them).
 */
function journalProfitAndLossLines(journal: JournalBooks, ledger: Ledger): ProfitAndLossLines {
  const accounts = new Map(ledger.accounts.map((a) => [a.remoteId, a]));
  const byDocument = new Map<string, ProfitAndLossLine[]>();
  for (const p of journal.postings) {
    const kind = DOCUMENT_JOURNALS[p.source.type];
    const account = accounts.get(p.accountRemoteId);
    if (!kind || !account) continue;
    const section = sectionOf(account);
    const side = INCOME_SECTIONS.has(section) ? "INCOME" : EXPENSE_SECTIONS.has(section) ? "EXPENSE" : undefined;
    if (!side) continue;
    const key = `${kind}:${p.entityId ?? ""}`;
    (byDocument.get(key) ?? byDocument.set(key, []).get(key)!).push({ side, amount: new Decimal(p.amount) });
  }
  return (doc) => {
    const kind = doc.kind === "INVOICE" ? "invoice" : doc.kind === "BILL" ? "purchase_order" : undefined;
    return (kind && byDocument.get(`${kind}:${doc.record.remoteId}`)) || [];
  };
}

/**
 * The ledger a Daftra report runs on, from its journals: as they are (accrual) or with sales and
 * purchase documents recognised as they are paid (cash). Either carries the books-check evidence: the
 * other basis (bank must match), the documents' receipts and payments (the cash P&L must match), and
 * the journal with Daftra's own account totals (every account's postings read must net to them: the journal was read completely).
 */
export function daftraJournalLedger(journal: JournalBooks, documents: DocumentBooks, basis: ReportBasis, options: JournalLedgerOptions): Ledger {
  const paid = completedPayments(documents, journal);
  const accrual = journalLedger(journal, options);
  const cash = cashJournalLedger(accrual, paymentLinks(paid));
  const [ledger, other] = basis === ReportBasis.CASH ? [cash, accrual] : [accrual, cash];
  return {
    ...ledger,
    evidence: { basis, otherBasis: other, cashFlows: documentCashFlows(paid, journalProfitAndLossLines(journal, accrual)), journal: { ledger: accrual, totals: journal.totals } },
  };
}

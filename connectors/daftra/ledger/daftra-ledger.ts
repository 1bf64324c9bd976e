import type { Bill } from "../../../schema/invoice/invoice.type.js";
import { rawOf } from "../../../src/connector/raw.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import type { Ledger } from "../../../src/reports/engine/index.js";
import { documentCashFlows } from "../../../src/reports/engine/cash-flows.js";
import type { DocumentBooks } from "../../../src/reports/engine/document-index.js";
import { cashJournalLedger, paymentLinks } from "./cash-journal-ledger.js";
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

/**
 * The ledger a Daftra report runs on, from its journals: as they are (accrual) or with sales and
 * purchase documents recognised as they are paid (cash). Either carries the books-check evidence: the
 * other basis (bank must match), the documents' receipts and payments (the cash P&L must match), and
 * the journal with Daftra's own account totals (the trial balance must match).
 */
export function daftraJournalLedger(journal: JournalBooks, documents: DocumentBooks, basis: ReportBasis, options: JournalLedgerOptions): Ledger {
  const paid = completedPayments(documents, journal);
  const accrual = journalLedger(journal, options);
  const cash = cashJournalLedger(accrual, paymentLinks(paid));
  const [ledger, other] = basis === ReportBasis.CASH ? [cash, accrual] : [accrual, cash];
  return {
    ...ledger,
    evidence: { basis, otherBasis: other, cashFlows: documentCashFlows(paid), journal: { ledger: accrual, totals: journal.totals } },
  };
}

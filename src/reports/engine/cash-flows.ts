import { Decimal } from "decimal.js";
import type { PayableDocument } from "../../../schema/invoice/invoice.type.js";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import type { CashFlow } from "./books-checks.js";
import { DocumentIndex, isPosted, type DocumentBooks } from "./document-index.js";
import type { DocumentChart } from "./document-chart.js";

/** Any chart will do: the index only needs one to build its documents; no account is read here. */
const NO_CHART: DocumentChart = { accountIdsByCode: new Map(), receivable: "", payable: "", salesTax: "", bank: "", revenue: "", expense: "" };

interface Paid { date: string; amount: Decimal; source: string }

/**
 * Income and expense money as the documents state it, independent of any ledger, for the cash-basis
 * checks. Received (+): payments of posted invoices; incomes; receive-money. Paid (−): payments of posted
 * bills (listed payments and those only the bill lists); expenses; spend-money. Each is net of tax: an
 * expense's or bank transaction's own tax, a document payment's share of the document's tax
 * (tax × paid so far ÷ total, rounded to the cent cumulatively, capped at the whole tax). Transfers,
 * credit notes and their allocations move no income or expense and are left out, as are payments of
 * documents that are unknown or not posted (they clear receivables or payables only).
 */
export function documentCashFlows(books: DocumentBooks): CashFlow[] {
  const index = new DocumentIndex(books, NO_CHART);
  const paidOf = new Map<string, Paid[]>();
  /** Payments listed on their own, by global id and by document + provider id (ids repeat across payment kinds). */
  const known = new Set<string>();
  const add = (docId: string, p: Paid) => (paidOf.get(docId) ?? paidOf.set(docId, []).get(docId)!).push(p);
  for (const payment of books.payments ?? []) {
    const doc = index.find(payment.documentId);
    known.add(payment.id).add(`${doc?.record.id ?? ""}:${payment.remoteId}`);
    if (!doc || payment.status !== PaymentStatus.AUTHORISED || !payment.date) continue;
    add(doc.record.id, { date: payment.date, amount: new Decimal(payment.amount), source: `Payment ${payment.remoteId}` });
  }
  const flows: CashFlow[] = [];
  for (const doc of index.documents) {
    if ((doc.kind !== "INVOICE" && doc.kind !== "BILL") || !isPosted(doc)) continue;
    for (const s of (doc.record as PayableDocument).payments ?? []) {
      if (known.has(`${doc.record.id}:${s.remoteId}`) || (s.paymentId && known.has(s.paymentId))) continue;
      const date = s.date ?? doc.record.issueDate;
      if (date) add(doc.record.id, { date, amount: new Decimal(s.amount), source: `Payment ${s.remoteId}` });
    }
    const total = new Decimal(doc.record.total);
    const tax = new Decimal(doc.record.totalTax);
    let paid = new Decimal(0);
    let taxTaken = new Decimal(0);
    for (const p of (paidOf.get(doc.record.id) ?? []).sort((a, b) => a.date.localeCompare(b.date))) {
      paid = paid.plus(p.amount);
      const taxToDate = total.isZero() ? new Decimal(0) : tax.times(Decimal.min(paid.dividedBy(total), 1)).toDecimalPlaces(2);
      const net = p.amount.minus(taxToDate.minus(taxTaken));
      taxTaken = taxToDate;
      flows.push({ date: p.date, netOfTax: net.times(doc.kind === "INVOICE" ? 1 : -1).toFixed(2), source: p.source });
    }
  }
  for (const e of books.expenses ?? []) {
    if (!e.date) continue;
    const net = new Decimal(e.total).minus(e.totalTax);
    flows.push({ date: e.date, netOfTax: net.times(e.kind === "INCOME" ? 1 : -1).toFixed(2), source: `Expense ${e.remoteId}` });
  }
  for (const tx of books.bankTransactions ?? []) {
    if (tx.status !== "AUTHORISED" || !tx.issueDate || tx.kind.endsWith("TRANSFER")) continue;
    const net = new Decimal(tx.total).minus(tx.totalTax);
    flows.push({ date: tx.issueDate, netOfTax: net.times(tx.kind.startsWith("RECEIVE") ? 1 : -1).toFixed(2), source: `BankTransaction ${tx.remoteId}` });
  }
  return flows;
}

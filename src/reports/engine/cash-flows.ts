import { Decimal } from "decimal.js";
import type { PayableDocument } from "../../../schema/invoice/invoice.type.js";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import type { CashFlow } from "./books-checks.js";
import { recogniseAmounts, type Settlement } from "./cash-recognition.js";
import type { LedgerDocument } from "./document-amounts.js";
import { DocumentIndex, isPosted, type DocumentBooks } from "./document-index.js";
import type { DocumentChart } from "./document-chart.js";

/** Any chart will do: the index only needs one to build its documents; no account is read here. */
const NO_CHART: DocumentChart = { accountIdsByCode: new Map(), receivable: "", payable: "", salesTax: "", bank: "", revenue: "", expense: "" };

/**
 * A document's postings to profit-and-loss accounts, signed as postings (debit +): income lines on the
 * INCOME side (income and other income sections), expense lines on the EXPENSE side (cost of sales,
 * operating and other expenses). Everything else the document posts (tax, stock, fixed assets) is not
 * income or expense and is left out.
 */
export interface ProfitAndLossLine { side: "INCOME" | "EXPENSE"; amount: Decimal }
export type ProfitAndLossLines = (doc: LedgerDocument) => readonly ProfitAndLossLine[];

/** Without a chart: every line of a sales document is income, of a purchase document expense, net of the document's tax. */
export const NET_OF_TAX_LINES: ProfitAndLossLines = (doc) => [{
  side: doc.salesSide ? "INCOME" : "EXPENSE",
  amount: new Decimal(doc.record.total).minus(doc.record.totalTax ?? 0).times(doc.sign),
}];

/**
 * Income and expense money as the documents state it, for the cash-basis checks, each flow on its side
 * (what it is, not its sign):
 * - a payment or refund of a posted invoice, bill or credit note recognises the document's profit-and-loss
 *   lines (`plLines`) in proportion to the amount paid so far (rounded to the cent cumulatively, the cent a
 *   step leaves over on its largest part, as the cash ledger does): a payment received on an invoice is
 *   income, a refund paid on a customer credit note negative income; a bill's payment is expense, a
 *   supplier's refund on a purchase credit note negative expense. What the document posts to the balance
 *   sheet (tax, equipment, stock) is not income or expense and is left out;
 * - expenses and incomes, spend- and receive-money, net of their own tax.
 * Transfers, credit allocations and payments of documents that are unknown or not posted move no income
 * or expense and are left out. Payments come from the payment records and from those only the document lists.
 */
export function documentCashFlows(books: DocumentBooks, plLines: ProfitAndLossLines = NET_OF_TAX_LINES): CashFlow[] {
  const index = new DocumentIndex(books, NO_CHART);
  const paidOf = new Map<string, Settlement[]>();
  /** Payments listed on their own, by global id and by document + provider id (ids repeat across payment kinds). */
  const known = new Set<string>();
  const add = (docId: string, s: Settlement) => (paidOf.get(docId) ?? paidOf.set(docId, []).get(docId)!).push(s);
  for (const payment of books.payments ?? []) {
    const doc = index.find(payment.documentId);
    known.add(payment.id).add(`${doc?.record.id ?? ""}:${payment.remoteId}`);
    if (!doc || payment.status !== PaymentStatus.AUTHORISED || !payment.date) continue;
    add(doc.record.id, { date: payment.date, amount: new Decimal(payment.amount), source: { type: "Payment", id: payment.remoteId } });
  }
  const flows: CashFlow[] = [];
  for (const doc of index.documents) {
    if (!isPosted(doc)) continue;
    for (const s of (doc.record as Partial<PayableDocument>).payments ?? []) {
      if (known.has(`${doc.record.id}:${s.remoteId}`) || (s.paymentId && known.has(s.paymentId))) continue;
      const date = s.date ?? doc.record.issueDate;
      if (date) add(doc.record.id, { date, amount: new Decimal(s.amount), source: { type: "Payment", id: s.remoteId } });
    }
    const settlements = paidOf.get(doc.record.id);
    if (!settlements?.length) continue;
    const total = new Decimal(doc.record.total);
    const lines = plLines(doc);
    const pl = lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
    // The rest of the document (tax, balance-sheet lines) as one part, so the parts add up to its total.
    const full = [...lines.map((l, i) => ({ account: `${l.side}:${i}`, amount: l.amount })), { account: "OTHER", amount: total.times(doc.sign).minus(pl) }];
    for (const p of recogniseAmounts(total, doc.sign, full, settlements)) {
      if (p.accountRemoteId === "OTHER") continue;
      const amount = new Decimal(p.amount);
      const income = p.accountRemoteId.startsWith("INCOME:");
      flows.push({
        date: p.date,
        side: income ? "INCOME" : "EXPENSE",
        amount: (income ? amount.negated() : amount).toFixed(2),
        source: `Payment ${p.source?.id ?? ""} of ${doc.record.remoteId}`,
      });
    }
  }
  for (const e of books.expenses ?? []) {
    if (!e.date) continue;
    const net = new Decimal(e.total).minus(e.totalTax);
    flows.push({ date: e.date, side: e.kind === "INCOME" ? "INCOME" : "EXPENSE", amount: net.toFixed(2), source: `Expense ${e.remoteId}` });
  }
  for (const tx of books.bankTransactions ?? []) {
    if (tx.status !== "AUTHORISED" || !tx.issueDate || tx.kind.endsWith("TRANSFER")) continue;
    const net = new Decimal(tx.total).minus(tx.totalTax);
    flows.push({ date: tx.issueDate, side: tx.kind.startsWith("RECEIVE") ? "INCOME" : "EXPENSE", amount: net.toFixed(2), source: `BankTransaction ${tx.remoteId}` });
  }
  return flows;
}

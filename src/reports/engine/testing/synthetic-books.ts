import { BankTransactionKind, type BankTransaction } from "../../../../schema/bank-transaction/bank-transaction.type.js";
import type { Invoice } from "../../../../schema/invoice/invoice.type.js";
import { InvoiceStatus } from "../../../../schema/invoice/invoice-status.enum.js";
import { PaymentDirection, type Payment } from "../../../../schema/payment/payment.type.js";
import type { DocumentBooks } from "../document-index.js";
import { bankTransaction, invoice, lineItem, payment } from "./documents.js";

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse("2024-01-01T00:00:00Z");
const SPAN_DAYS = 3 * 365;

/**
 * `count` documents over three years (2024-2026) against the hand-made chart: 60% invoices,
 * 25% bills, 15% bank transactions; most invoices and bills are paid, some in two parts.
 */
export function syntheticBooks(count: number, seed = 1): DocumentBooks {
  const next = random(seed);
  const day = (offset = 0) => new Date(START + Math.min(SPAN_DAYS, Math.floor(next() * SPAN_DAYS) + offset) * 86_400_000).toISOString().slice(0, 10);
  const money = (max: number) => (Math.floor(next() * max * 100) / 100 + 1).toFixed(2);
  const lines = (code: string) => Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
    const net = money(900);
    return lineItem(net, (Number(net) * 0.15).toFixed(2), { accountCode: code });
  });
  const books = { invoices: [] as Invoice[], bills: [] as Invoice[], payments: [] as Payment[], bankTransactions: [] as BankTransaction[] };
  const payments = books.payments;
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.85) {
      const isBill = kind >= 0.6;
      const doc = invoice(isBill ? "Bill" : "Invoice", `d${i}`, day(), lines(isBill ? "469" : "200"), { status: next() < 0.05 ? InvoiceStatus.DRAFT : InvoiceStatus.AUTHORISED });
      (isBill ? books.bills : books.invoices).push(doc);
      if (next() < 0.8 && doc.status !== InvoiceStatus.DRAFT) {
        const direction = isBill ? PaymentDirection.PAID : PaymentDirection.RECEIVED;
        const first = next() < 0.3 ? (Number(doc.total) / 2).toFixed(2) : doc.total;
        payments.push(payment(`p${i}a`, doc.issueDate!, first, doc, direction));
        if (first !== doc.total) payments.push(payment(`p${i}b`, day(), (Number(doc.total) - Number(first)).toFixed(2), doc, direction));
      }
    } else {
      const kindOf = next() < 0.5 ? BankTransactionKind.SPEND : BankTransactionKind.RECEIVE;
      books.bankTransactions.push(bankTransaction(`b${i}`, kindOf, day(), "090", lines(kindOf === BankTransactionKind.SPEND ? "469" : "200")));
    }
  }
  return books;
}

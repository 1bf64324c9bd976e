import { Decimal } from "decimal.js";
import { dated, type Amount, type PostingSource } from "./document-chart.js";
import type { LedgerDocument } from "./document-amounts.js";
import type { Posting } from "./ledger.js";

/** Part of a document settled: by a payment (with its bank side) or by a credit allocation. */
export interface Settlement {
  date: string;
  amount: Decimal;
  source: PostingSource;
  bank?: Amount;
}

const byDate = (a: Settlement, b: Settlement) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Cash basis: a document's postings recognised in proportion to each settlement, in date order.
 * Rounding carries forward, so a fully settled document has posted exactly its full amounts; the
 * cent a step leaves over lands on that step's largest posting.
 */
export function recognise(doc: LedgerDocument, full: Amount[], settlements: Settlement[]): Posting[] {
  return recogniseAmounts(new Decimal(doc.record.total), doc.sign, full, settlements);
}

/**
 * The same for any document given as its total (gross, positive), its sign (+1 when its lines are
 * debits, -1 when credits) and its postings other than the control account's (e.g. from a journal).
 */
export function recogniseAmounts(total: Decimal, sign: 1 | -1, full: Amount[], settlements: Settlement[]): Posting[] {
  if (total.isZero() || full.length === 0 || settlements.length === 0) return [];
  const posted = full.map(() => new Decimal(0));
  let settled = new Decimal(0);
  const postings: Posting[] = [];
  for (const s of [...settlements].sort(byDate)) {
    settled = settled.plus(s.amount);
    const share = Decimal.min(settled.dividedBy(total), 1);
    const step = full.map((a, i) => a.amount.times(share).toDecimalPlaces(2).minus(posted[i]));
    const residual = step.reduce((rest, v) => rest.minus(v), s.amount.times(sign));
    const largest = step.reduce((best, v, i) => (v.abs().gt(step[best].abs()) ? i : best), 0);
    step[largest] = step[largest].plus(residual);
    step.forEach((v, i) => (posted[i] = posted[i].plus(v)));
    const amounts: Amount[] = full.map((a, i) => ({ account: a.account, amount: step[i], tracking: a.tracking })).filter((a) => !a.amount.isZero());
    if (s.bank) amounts.push(s.bank);
    postings.push(...dated(s.date, amounts, s.source));
  }
  return postings;
}

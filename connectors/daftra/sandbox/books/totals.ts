import { Decimal } from "decimal.js";
import type { DaftraBooks, DocRow, LineRow, Money, PaymentRow } from "./types.js";

export interface DocTotals {
  subtotal: Money;
  tax: Money;
  total: Money;
  /** Per tax id: the tax amount of the document. */
  taxes: Array<{ taxId: number; amount: Money }>;
}

const fixed = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);

/** Price × quantity, before any line discount. */
export const lineGross = (line: LineRow): Decimal => new Decimal(line.unit_price).times(line.quantity);

/** What a line discount takes off: a percentage of the line (type 1) or a fixed amount (type 2). */
export function lineDiscount(line: LineRow): Decimal {
  if (!line.discount || new Decimal(line.discount).isZero()) return new Decimal(0);
  const off = line.discount_type === 2 ? new Decimal(line.discount) : lineGross(line).times(line.discount).dividedBy(100);
  return new Decimal(fixed(Decimal.min(off, lineGross(line))));
}

/** The line amount taxes are computed on: gross less its discount (assumption: Daftra's line `subtotal`). */
export function lineSubtotal(line: LineRow): Decimal {
  return lineGross(line).minus(lineDiscount(line));
}

/** Exclusive taxes by rate, rounded per line, as Daftra's `summary_tax1` does. */
export function lineTax(line: LineRow, books: Pick<DaftraBooks, "taxes">): Decimal {
  const tax = books.taxes.find((t) => t.id === line.tax1);
  return tax ? new Decimal(fixed(lineSubtotal(line).times(tax.value).dividedBy(100))) : new Decimal(0);
}

export function docTotals(doc: DocRow, books: Pick<DaftraBooks, "taxes">): DocTotals {
  const byTax = new Map<number, Decimal>();
  let subtotal = new Decimal(0);
  let tax = new Decimal(0);
  for (const line of doc.lines) {
    subtotal = subtotal.plus(lineSubtotal(line));
    const amount = lineTax(line, books);
    tax = tax.plus(amount);
    if (line.tax1 !== null) byTax.set(line.tax1, (byTax.get(line.tax1) ?? new Decimal(0)).plus(amount));
  }
  return {
    subtotal: fixed(subtotal),
    tax: fixed(tax),
    total: fixed(subtotal.plus(tax)),
    taxes: [...byTax].map(([taxId, amount]) => ({ taxId, amount: fixed(amount) })),
  };
}

/** Completed payments of one document. */
export function paymentsOf(doc: DocRow, payments: readonly PaymentRow[]): PaymentRow[] {
  return payments.filter((p) => p.document_id === doc.id && p.status === 1);
}

export interface Settlement {
  paid: Money;
  unpaid: Money;
  /** 0 unpaid, 1 partially paid, 2 paid, 4 overpaid (an edit took the total below what was paid). */
  paymentStatus: 0 | 1 | 2 | 4;
}

export function settlement(total: Money, payments: readonly PaymentRow[]): Settlement {
  const paid = payments.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));
  const unpaid = Decimal.max(new Decimal(total).minus(paid), 0);
  const paymentStatus = paid.isZero() ? 0 : paid.gt(total) ? 4 : unpaid.isZero() ? 2 : 1;
  return { paid: fixed(paid), unpaid: fixed(unpaid), paymentStatus };
}

export const dueDateOf = (doc: DocRow) => addDays(doc.date, doc.due_after);

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

import { Decimal } from "decimal.js";
import type { ItemRecord } from "./types.js";

export interface TaxTerms {
  tax: number;
  tax2: number;
  tax3: number;
  compound_tax: boolean;
}

const REGULAR_ITEM = 3;
const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

/** Subtotal and total of a document's items: tax rates are document-level percents on taxable lines; tax2 compounds on tax1 when asked. */
export function documentTotals(items: readonly ItemRecord[], terms: TaxTerms): { subtotal: number; total_cost: number } {
  const lines = items.filter((item) => item.item_type === REGULAR_ITEM).map((item) => ({ amount: new Decimal(item.price).times(item.quantity), taxable: item.taxable }));
  const subtotal = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  const taxable = lines.filter((line) => line.taxable).reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  const tax1 = taxable.times(terms.tax).div(100);
  const tax2 = (terms.compound_tax ? taxable.plus(tax1) : taxable).times(terms.tax2).div(100);
  const tax3 = taxable.times(terms.tax3).div(100);
  return { subtotal: cents(subtotal), total_cost: cents(subtotal.plus(tax1).plus(tax2).plus(tax3)) };
}

export const sumAmounts = (amounts: readonly number[]) => cents(amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)));
export const minus = (a: number, b: number) => cents(new Decimal(a).minus(b));

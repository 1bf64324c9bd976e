import { Decimal } from "decimal.js";

export { Decimal };

/** Rounds to cents (half away from zero) and returns the storage number. */
export function money(value: Decimal.Value): number {
  return new Decimal(value).toDecimalPlaces(2).toNumber();
}

export function sumDecimal(values: Iterable<Decimal.Value>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Report cell text: 2 dp, no separators, "-" for negatives, never "-0.00". */
export function formatAmount(value: Decimal.Value): string {
  const d = new Decimal(value).toDecimalPlaces(2);
  return d.isZero() ? "0.00" : d.toFixed(2);
}

const GROUPED = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,234.50", as Xero writes amounts in history details. */
export function groupedAmount(value: number): string {
  return GROUPED.format(value);
}

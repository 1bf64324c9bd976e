import { Decimal } from "decimal.js";
import type { Money } from "./decimal.js";

/**
 * Amounts in the organization's base currency, the one convention for every connector.
 *
 * `currencyRate` is what Xero calls CurrencyRate: units of the document's currency per 1 unit of the
 * organization's base currency (base USD, invoice in EUR at 0.92 → 1 USD = 0.92 EUR). So
 *
 *     base amount = amount ÷ currencyRate, rounded to 2 decimal places, half away from zero (ROUND_HALF_UP).
 *
 * A document in the base currency has rate 1. A foreign-currency document whose provider states no
 * rate (Daftra and Clientary documents carry none) has no base amounts: null, never a silent 1.
 */

/** Enough digits that the quotient is exact to far below a cent before the one rounding to 2 dp. */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const normalCode = (code: string | null | undefined) => (code ?? "").trim().toUpperCase();

/** A positive finite rate as stated, or null (missing, zero, negative or not a number). */
function statedRate(rate: string | number | null | undefined): Decimal | null {
  if (rate === null || rate === undefined || rate === "") return null;
  try {
    const d = new Exact(rate);
    return d.isFinite() && d.greaterThan(0) ? d : null;
  } catch {
    return null;
  }
}

/**
 * The rate a record is converted at: 1 when it is in the base currency, else the rate its provider
 * stated (units of document currency per 1 base unit), else null (unknown).
 */
export function rateToBase(currency: string | null | undefined, rate: string | number | null | undefined, baseCurrency: string | null | undefined): string | null {
  const code = normalCode(currency);
  const base = normalCode(baseCurrency);
  if (code && base && code === base) return "1";
  return statedRate(rate)?.toFixed() ?? null;
}

/** `amount` in the base currency at `rate` (document units per 1 base unit); null when either is missing. */
export function toBaseAmount(amount: Money | null | undefined, rate: string | null | undefined): Money | null {
  const r = statedRate(rate);
  if (amount === null || amount === undefined || amount === "" || !r) return null;
  return new Exact(amount).dividedBy(r).toFixed(2, Decimal.ROUND_HALF_UP);
}

/**
 * A document's tax in the base currency: base total − base subtotal when subtotal + tax = total, so the
 * base amounts add up as the document's own do (each rounded alone they may not: 10.01 + 1.01 = 11.02
 * at 0.3 gives 33.37 + 3.37 ≠ 36.73); otherwise the tax converted alone.
 */
export function baseTaxOf(subTotal: Money | null | undefined, totalTax: Money | null | undefined, total: Money | null | undefined, rate: string | null | undefined): Money | null {
  const [sub, tax, whole] = [subTotal, totalTax, total].map((v) => (v === null || v === undefined || v === "" ? null : v));
  if (sub === null || tax === null || whole === null || !new Exact(sub).plus(tax).eq(whole)) return toBaseAmount(totalTax, rate);
  const [baseSub, baseTotal] = [toBaseAmount(sub, rate), toBaseAmount(whole, rate)];
  return baseSub === null || baseTotal === null ? null : new Exact(baseTotal).minus(baseSub).toFixed(2);
}

/** `amount` × `rate`, rounded to 2 dp half-up: a reporting-currency conversion ("1 unit = rate units"). */
export function convertAt(amount: Money, rate: string): Money {
  return new Exact(amount).times(rate).toFixed(2, Decimal.ROUND_HALF_UP);
}

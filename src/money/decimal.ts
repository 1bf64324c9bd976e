import { Decimal } from "decimal.js";

/** Money is carried as a normalised decimal string ("1234.50"); arithmetic goes through decimal.js. */
export type Money = string;

const MONEY_PATTERN = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

/** Normalise a provider number or numeric string to a 2-dp money string; null/undefined/'' stay null. */
export function money(value: number | string | Decimal | null | undefined, dp = 2): Money | null {
  if (value === null || value === undefined || value === "") return null;
  const d = new Decimal(typeof value === "string" ? value.replace(/,/g, "") : value);
  return d.toFixed(dp, Decimal.ROUND_HALF_UP);
}

/** Like `money` but a missing value becomes "0.00". */
export function moneyOrZero(value: number | string | Decimal | null | undefined, dp = 2): Money {
  return money(value, dp) ?? new Decimal(0).toFixed(dp);
}

/**
 * Exact quantity/rate string keeping the provider's precision (no forced rounding), always in plain
 * notation: decimal.js's `toString()` writes 1e-7 and 1e+21 in exponent form, which no reader of a
 * `Decimal` expects, so `toFixed()` (plain, unrounded) is used.
 */
export function decimalString(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return new Decimal(value).toFixed();
}

/** Any finite decimal (number, numeric string in plain or exponent notation, Decimal) in plain notation; null when it is not one. */
export function plainDecimal(value: unknown): string | null {
  if (typeof value === "string" && isDecimalString(value)) return value;
  if (typeof value !== "number" && typeof value !== "string" && !Decimal.isDecimal(value)) return null;
  try {
    const d = new Decimal(value as Decimal.Value);
    return d.isFinite() ? d.toFixed() : null;
  } catch {
    return null;
  }
}

/** Decimal places a plain decimal string needs ("12.500" → 1, "12.345" → 3, "12" → 0): trailing zeros do not count. */
export function scaleOf(text: string): number {
  const point = text.indexOf(".");
  // Trailing zeros add no precision: "0.10000" is 0.1, one decimal place.
  return point < 0 ? 0 : text.replace(/0+$/, "").length - point - 1;
}

/** Digits before the decimal point, leading zeros not counted ("-0012.5" → 2, "0.5" → 0). */
export function integerDigitsOf(text: string): number {
  const whole = text.replace(/^-/, "").split(".")[0]!.replace(/^0+/, "");
  return whole.length;
}

/**
 * A money input padded to 2 decimal places without rounding ("12.5" → "12.50"); a value with more
 * places is returned as given, for the provider's declared limits to refuse rather than round away.
 */
export function padToCents(value: string): string {
  return scaleOf(value) > 2 ? value : new Decimal(value).toFixed(2);
}

export function sum(values: Array<Money | null | undefined>, dp = 2): Money {
  return values.reduce<Decimal>((acc, v) => acc.plus(v ?? 0), new Decimal(0)).toFixed(dp);
}

export { Decimal };

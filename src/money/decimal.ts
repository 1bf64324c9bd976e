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

/** Exact quantity/rate string keeping the provider's precision (no forced rounding). */
export function decimalString(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return new Decimal(value).toString();
}

export function sum(values: Array<Money | null | undefined>, dp = 2): Money {
  return values.reduce<Decimal>((acc, v) => acc.plus(v ?? 0), new Decimal(0)).toFixed(dp);
}

export { Decimal };

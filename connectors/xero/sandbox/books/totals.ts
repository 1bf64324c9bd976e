import { Decimal, money, sumDecimal } from "./money.js";
import type { LineAmountTypes, QuoteLineAmountTypes, XeroLineItem, XeroTaxRate } from "./types.js";

export interface DocumentTotals {
  LineItems: XeroLineItem[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  TotalDiscount: number;
}

const BY_UPPER: Record<string, LineAmountTypes> = { EXCLUSIVE: "Exclusive", INCLUSIVE: "Inclusive", NOTAX: "NoTax" };

/** Accepts either spelling (invoice "Exclusive" or quote "EXCLUSIVE"); undefined when unknown. */
export function normaliseLineAmountTypes(value: unknown): LineAmountTypes | undefined {
  return typeof value === "string" ? BY_UPPER[value.toUpperCase()] : undefined;
}

export function toQuoteLineAmountTypes(value: LineAmountTypes): QuoteLineAmountTypes {
  return value.toUpperCase() as QuoteLineAmountTypes;
}

/** Tax rate as a fraction (0.10 for 10%); unknown or missing tax types count as zero. */
export function taxFraction(taxRates: XeroTaxRate[], taxType: string | undefined): Decimal {
  const rate = taxRates.find((t) => t.TaxType === taxType);
  return new Decimal(rate?.EffectiveRate ?? 0).dividedBy(100);
}

/** The part of a line that goes to its account (LineAmount without tax). */
export function lineNet(line: XeroLineItem, lineAmountTypes: LineAmountTypes): Decimal {
  const amount = new Decimal(line.LineAmount);
  return lineAmountTypes === "Inclusive" ? amount.minus(line.TaxAmount) : amount;
}

function priceLine(line: XeroLineItem, lat: LineAmountTypes, taxRates: XeroTaxRate[]) {
  const gross = new Decimal(line.Quantity).times(line.UnitAmount);
  const discount = gross.times(line.DiscountRate ?? 0).dividedBy(100).toDecimalPlaces(2);
  const lineAmount = gross.minus(discount).toDecimalPlaces(2);
  const rate = lat === "NoTax" ? new Decimal(0) : taxFraction(taxRates, line.TaxType);
  const tax = lat === "Inclusive"
    ? lineAmount.times(rate).dividedBy(rate.plus(1))
    : lineAmount.times(rate);
  const priced: XeroLineItem = {
    ...line,
    TaxType: lat === "NoTax" ? "NONE" : line.TaxType,
    LineAmount: money(lineAmount),
    TaxAmount: money(tax),
  };
  return { priced, discount };
}

/**
 * Prices every line and totals the document the way Xero does: LineAmount = Quantity x
 * UnitAmount less discount, tax per line rounded to cents, then summed.
 */
export function totals(
  lineItems: XeroLineItem[],
  lineAmountTypes: LineAmountTypes | QuoteLineAmountTypes,
  taxRates: XeroTaxRate[],
): DocumentTotals {
  const lat = normaliseLineAmountTypes(lineAmountTypes) ?? "Exclusive";
  const priced = lineItems.map((line) => priceLine(line, lat, taxRates));
  const lines = priced.map((p) => p.priced);
  const subTotal = sumDecimal(lines.map((l) => lineNet(l, lat)));
  const totalTax = sumDecimal(lines.map((l) => l.TaxAmount));
  return {
    LineItems: lines,
    SubTotal: money(subTotal),
    TotalTax: money(totalTax),
    Total: money(subTotal.plus(totalTax)),
    TotalDiscount: money(sumDecimal(priced.map((p) => p.discount))),
  };
}

/** Totals for documents Xero gives no discount field (credit notes, bank transactions). */
export function totalsWithoutDiscount(...args: Parameters<typeof totals>): Omit<ReturnType<typeof totals>, "TotalDiscount"> {
  const { TotalDiscount: _discount, ...rest } = totals(...args);
  return rest;
}

/**
 * Xero keeps unit amounts and item prices to 4 decimal places, but answers them rounded to 2 unless
 * the request asks `unitdp=4` — reads as well as writes. Only the endpoints that take `unitdp` do
 * this (Invoices, CreditNotes, BankTransactions, Items); Quotes and PurchaseOrders take no `unitdp`
 * and answer what they keep.
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
import { Decimal } from "../books/money.js";
import { queryParam, type RequestContext } from "../http/context.js";

export type UnitDp = 2 | 4;

/** The decimal places a request asks for on unit amounts: 4 with `unitdp=4`, else 2. */
export function requestedUnitDp(ctx: RequestContext): UnitDp {
  return queryParam(ctx, "unitdp") === "4" ? 4 : 2;
}

const round = (value: unknown, dp: UnitDp) => (typeof value === "number" ? new Decimal(value).toDecimalPlaces(dp).toNumber() : value);

type Fields = Record<string, unknown>;
const roundLines = (record: Fields, dp: UnitDp): Fields =>
  Array.isArray(record.LineItems)
    ? { ...record, LineItems: (record.LineItems as Fields[]).map((line) => ("UnitAmount" in line ? { ...line, UnitAmount: round(line.UnitAmount, dp) } : line)) }
    : record;
const roundPrice = (details: unknown, dp: UnitDp) =>
  details && typeof details === "object" && "UnitPrice" in details ? { ...details, UnitPrice: round((details as Fields).UnitPrice, dp) } : details;
const roundItemPrices = (record: Fields, dp: UnitDp): Fields => ({
  ...record,
  ...("SalesDetails" in record ? { SalesDetails: roundPrice(record.SalesDetails, dp) } : {}),
  ...("PurchaseDetails" in record ? { PurchaseDetails: roundPrice(record.PurchaseDetails, dp) } : {}),
});

/** Per element type (ResourceSpec.type) that takes `unitdp`: how its unit amounts are rounded in an answer. */
const ROUNDERS: Record<string, (record: Fields, dp: UnitDp) => Fields> = {
  Invoice: roundLines,
  CreditNote: roundLines,
  BankTransaction: roundLines,
  Item: roundItemPrices,
};

/** A copy of `record` (stored form) with its unit amounts as an answer with `dp` places shows them; others as they are. */
export function withUnitDp<T extends object>(record: T, type: string, dp: UnitDp): T {
  const rounder = ROUNDERS[type];
  return dp === 4 || !rounder ? record : (rounder(record as Fields, dp) as T);
}

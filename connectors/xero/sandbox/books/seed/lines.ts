import type { LineAmountTypes, XeroItem, XeroLineItem, XeroLineItemTracking } from "../types.js";
import { BILL_ACCOUNTS, CODES } from "./chart.js";
import type { SeedContext } from "./context.js";

/** Units of tracked inventory on hand while the seed walks forward in time. */
export class Stock {
  private readonly onHand = new Map<string, number>();
  quantity(code: string): number {
    return this.onHand.get(code) ?? 0;
  }
  add(code: string, qty: number): void {
    this.onHand.set(code, this.quantity(code) + qty);
  }
}

interface LineFields {
  Description: string; Quantity: number; UnitAmount: number; AccountCode: string; TaxType: string;
  ItemCode?: string; DiscountRate?: number;
}

/** Amounts are filled in later by `totals()`. */
export function newLine(ctx: SeedContext, fields: LineFields, tracking: XeroLineItemTracking[] = []): XeroLineItem {
  const { ItemCode, DiscountRate, ...rest } = fields;
  return {
    LineItemID: ctx.guid(),
    ...rest,
    ...(ItemCode ? { ItemCode } : {}),
    ...(DiscountRate ? { DiscountRate } : {}),
    AccountID: ctx.account(fields.AccountCode).AccountID,
    TaxAmount: 0,
    LineAmount: 0,
    Tracking: tracking,
  };
}

export function randomTracking(ctx: SeedContext): XeroLineItemTracking[] {
  return ctx.books.trackingCategories
    .filter(() => ctx.rng.chance(0.6))
    .map((category) => {
      const option = ctx.rng.pick(category.Options);
      return { TrackingCategoryID: category.TrackingCategoryID, TrackingOptionID: option.TrackingOptionID, Name: category.Name, Option: option.Name };
    });
}

function salesTaxType(ctx: SeedContext, lat: LineAmountTypes): string {
  if (lat === "NoTax") return "NONE";
  return ctx.rng.weighted([["OUTPUT", 85], ["TAX001", 10], ["EXEMPTOUTPUT", 5]] as const);
}

function quantityFor(ctx: SeedContext, item: XeroItem): number {
  const price = item.SalesDetails.UnitPrice ?? 0;
  if (item.Code === "SUPPORT-M") return 1;
  if (!item.IsPurchased) return ctx.rng.int(1, price > 300 ? 3 : 24);
  return ctx.rng.int(1, price > 200 ? 4 : 20);
}

/** A sales line: mostly catalogue items; tracked items only while stock lasts (stock is then reserved). */
export function salesLine(ctx: SeedContext, stock: Stock | undefined, lat: LineAmountTypes): XeroLineItem {
  const tracking = ctx.rng.chance(0.4) ? randomTracking(ctx) : [];
  const taxType = salesTaxType(ctx, lat);
  if (ctx.rng.chance(0.25)) {
    const hours = ctx.rng.int(4, 40);
    return newLine(ctx, { Description: `Project work (${hours} hours)`, Quantity: 1, UnitAmount: hours * 135, AccountCode: CODES.services, TaxType: taxType }, tracking);
  }
  let item = ctx.rng.pick(ctx.books.items);
  if (item.IsTrackedAsInventory && (!stock || stock.quantity(item.Code) < 1)) {
    item = ctx.rng.pick(ctx.books.items.filter((i) => !i.IsTrackedAsInventory));
  }
  let quantity = quantityFor(ctx, item);
  if (item.IsTrackedAsInventory && stock) {
    quantity = Math.min(quantity, stock.quantity(item.Code));
    stock.add(item.Code, -quantity);
  }
  return newLine(ctx, {
    Description: item.Description ?? item.Name,
    Quantity: quantity,
    UnitAmount: item.SalesDetails.UnitPrice ?? 0,
    ItemCode: item.Code,
    AccountCode: item.SalesDetails.AccountCode ?? CODES.sales,
    TaxType: taxType,
    DiscountRate: ctx.rng.chance(0.06) ? ctx.rng.pick([5, 10, 15]) : undefined,
  }, tracking);
}

function billTaxType(ctx: SeedContext, lat: LineAmountTypes, accountCode: string): string {
  return lat === "NoTax" ? "NONE" : ctx.account(accountCode).TaxType ?? "INPUT";
}

/** A bill line: an overhead expense or a purchase of untracked stock. */
export function billLine(ctx: SeedContext, lat: LineAmountTypes): XeroLineItem {
  const tracking = ctx.rng.chance(0.3) ? randomTracking(ctx) : [];
  if (ctx.rng.chance(0.3)) {
    const item = ctx.rng.pick(ctx.books.items.filter((i) => i.IsPurchased && !i.IsTrackedAsInventory));
    const code = item.PurchaseDetails.AccountCode ?? CODES.cogs;
    return newLine(ctx, {
      Description: item.PurchaseDescription ?? item.Name, Quantity: ctx.rng.int(5, 40), UnitAmount: item.PurchaseDetails.UnitPrice ?? 0,
      ItemCode: item.Code, AccountCode: code, TaxType: billTaxType(ctx, lat, code),
    }, tracking);
  }
  const [code, description] = ctx.rng.pick(BILL_ACCOUNTS);
  return newLine(ctx, {
    Description: description, Quantity: 1, UnitAmount: ctx.rng.int(4000, 180000) / 100, AccountCode: code, TaxType: billTaxType(ctx, lat, code),
  }, tracking);
}

/** Restocking a tracked item codes the line to the inventory asset account, as Xero does. */
export function restockLine(ctx: SeedContext, item: XeroItem, quantity: number): XeroLineItem {
  return newLine(ctx, {
    Description: item.PurchaseDescription ?? item.Name, Quantity: quantity, UnitAmount: item.PurchaseDetails.UnitPrice ?? 0,
    ItemCode: item.Code, AccountCode: item.InventoryAssetAccountCode ?? CODES.inventory, TaxType: "INPUT",
  });
}

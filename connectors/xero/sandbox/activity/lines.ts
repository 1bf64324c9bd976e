/**
 * Line items as a client would send them: an item code (the books fill in price, account and tax
 * from the item) or an account code with a description and an amount.
 */
import { BILL_ACCOUNTS, CODES } from "../books/seed/chart.js";
import type { ActionContext } from "./types.js";

export type LineElement = Record<string, unknown>;

const SERVICES: readonly (readonly [description: string, rate: number])[] = [
  ["Consulting", 135], ["Project management", 120], ["On-site support", 95], ["Training session", 110],
];

/** A sales line: catalogue items (tracked ones only while in stock) or hours of service. */
export function salesLine(ctx: ActionContext, taken: Set<string>): LineElement {
  const items = ctx.books.items.filter((i) => i.IsSold && !taken.has(i.Code) && (!i.IsTrackedAsInventory || (i.QuantityOnHand ?? 0) >= 1));
  if (items.length === 0 || ctx.rng.chance(0.3)) {
    const [service, rate] = ctx.rng.pick(SERVICES);
    const hours = ctx.rng.int(2, 24);
    return { Description: `${service} (${hours} hours)`, Quantity: hours, UnitAmount: rate, AccountCode: CODES.services };
  }
  const item = ctx.rng.pick(items);
  taken.add(item.Code);
  const most = item.IsTrackedAsInventory ? Math.min(3, item.QuantityOnHand ?? 0) : (item.SalesDetails.UnitPrice ?? 0) > 300 ? 3 : 12;
  return { ItemCode: item.Code, Quantity: ctx.rng.int(1, Math.max(1, most)) };
}

/** A bill line: an overhead expense, supplies bought in, or stock to restock a tracked item. */
export function billLine(ctx: ActionContext, taken: Set<string>): LineElement {
  const roll = ctx.rng.next();
  const purchasable = ctx.books.items.filter((i) => i.IsPurchased && !taken.has(i.Code));
  const tracked = purchasable.filter((i) => i.IsTrackedAsInventory);
  const supplies = purchasable.filter((i) => !i.IsTrackedAsInventory);
  if (roll < 0.2 && tracked.length > 0) {
    const item = ctx.rng.pick(tracked);
    taken.add(item.Code);
    return { ItemCode: item.Code, Quantity: ctx.rng.int(4, 16) };
  }
  if (roll < 0.45 && supplies.length > 0) {
    const item = ctx.rng.pick(supplies);
    taken.add(item.Code);
    return { ItemCode: item.Code, Quantity: ctx.rng.int(5, 40) };
  }
  const [code, description] = ctx.rng.pick(BILL_ACCOUNTS);
  return { Description: description, Quantity: 1, UnitAmount: ctx.rng.int(2500, 150000) / 100, AccountCode: code };
}

export function lines(ctx: ActionContext, make: (ctx: ActionContext, taken: Set<string>) => LineElement, most: number): LineElement[] {
  const taken = new Set<string>();
  return Array.from({ length: ctx.rng.int(1, most) }, () => make(ctx, taken));
}

/**
 * Stock on hand of tracked items, derived from the approved documents that move it: bills, spend
 * money and customer credits bring stock in; sales invoices, receive money and supplier credits
 * take it out. Shared by the seed and the write rules, so both agree on every item's quantity.
 */
import { Decimal, money } from "./money.js";
import { touch } from "./touch.js";
import type { XeroBooks, XeroLineItem } from "./types.js";

const POSTED: ReadonlySet<string> = new Set(["AUTHORISED", "PAID"]);

/** +1 when a document's tracked lines add stock, -1 when they remove it. */
const DIRECTION: Record<string, 1 | -1> = {
  ACCPAY: 1, ACCRECCREDIT: 1, SPEND: 1,
  ACCREC: -1, ACCPAYCREDIT: -1, RECEIVE: -1,
};

function movements(books: XeroBooks): Map<string, Decimal> {
  const byCode = new Map<string, Decimal>();
  const add = (lines: XeroLineItem[], direction: 1 | -1) => {
    for (const line of lines) {
      if (!line.ItemCode) continue;
      byCode.set(line.ItemCode, (byCode.get(line.ItemCode) ?? new Decimal(0)).plus(new Decimal(line.Quantity).times(direction)));
    }
  };
  for (const doc of [...books.invoices, ...books.creditNotes]) {
    if (POSTED.has(doc.Status)) add(doc.LineItems, DIRECTION[doc.Type]!);
  }
  for (const tx of books.bankTransactions) {
    const direction = DIRECTION[tx.Type];
    if (tx.Status === "AUTHORISED" && direction) add(tx.LineItems, direction);
  }
  return byCode;
}

/**
 * Recomputes QuantityOnHand and TotalCostPool (valued at the purchase price, as the ledger costs
 * sales) of every tracked item. Items whose stock moved get `now` as UpdatedDateUTC when given.
 */
export function refreshStock(books: XeroBooks, now?: string): void {
  const moved = movements(books);
  for (const item of books.items) {
    if (!item.IsTrackedAsInventory) continue;
    const quantity = moved.get(item.Code) ?? new Decimal(0);
    const cost = money(quantity.times(item.PurchaseDetails.UnitPrice ?? 0));
    if (now && (item.QuantityOnHand !== quantity.toNumber() || item.TotalCostPool !== cost)) touch(item, now);
    item.QuantityOnHand = quantity.toNumber();
    item.TotalCostPool = cost;
  }
}

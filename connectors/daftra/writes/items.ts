/**
 * Products, and stock added to them as a manual stock transaction (type 1 "in", source 1 "manual"):
 * Daftra raises the product's stock and posts the movement against the counter account — the
 * treasury's ledger account when the stock was paid from a bank account, else Daftra's default.
 * https://docs.daftara.dev (Products: POST, DELETE /{id}; Stock Transactions: POST)
 */
import type { Item } from "../../../schema/item/item.type.js";
import type { ItemInput, StockAdditionInput } from "../../../src/connector/inputs.js";
import type { ActionResults, Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { badUserInput, notFound } from "../../../src/errors/index.js";
import { parseRow } from "../entities/daftra-entity.js";
import { toDaftraProduct, toDaftraStockIn } from "../mapping/to-daftra-records.js";
import { productSchema } from "../mapping/wire-schemas.js";
import { createdId, readBack, request, send, type WriteContext } from "./context.js";

export function createItem(w: WriteContext, input: ItemInput, options: WriteOptions): Promise<WriteResult<Item>> {
  return send(w, request("POST", w.api.pathOf("products"), toDaftraProduct(input)), options, (id) => readBack(w, "Item", 0, createdId(id, "product")));
}

export async function removeItem(w: WriteContext, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  if (!/^\d+$/.test(remoteId)) throw notFound("Item", remoteId);
  return send(w, request("DELETE", w.api.pathOf(`products/${remoteId}`)), options, async () => ({ outcome: "DELETED" as const }));
}

/** Unit cost defaults to the product's purchase price; Daftra refuses stock for products that do not track it. */
export async function addStock(w: WriteContext, input: StockAdditionInput, options: WriteOptions): Promise<WriteResult<ActionResults["addStock"]>> {
  if (!/^\d+$/.test(input.itemRemoteId)) throw notFound("Item", input.itemRemoteId);
  // GET /products/{id}: the purchase price the stock is valued at when no unit cost is given
  const product = parseRow(productSchema, await w.api.get("products", input.itemRemoteId), "Product");
  const price = input.unitCost ?? product.buy_price;
  if (price === null) throw badUserInput([{ field: "input.unitCost", message: "is required: the product has no purchase price to value the stock at." }]);
  const journalAccountId = input.bankAccountCode ? (await w.chart.treasury(input.bankAccountCode, "input.bankAccountCode")).journalAccountId : undefined;
  const body = toDaftraStockIn(input, { price, date: input.date ?? w.today(), ...(journalAccountId ? { journalAccountId } : {}) });
  return send(w, request("POST", w.api.pathOf("stock_transactions"), body), options, async (id) => ({
    item: await readBack(w, "Item", 0, input.itemRemoteId),
    quantityAdded: input.quantity,
    via: `stock_transaction:${createdId(id, "stock transaction")}`,
  }));
}

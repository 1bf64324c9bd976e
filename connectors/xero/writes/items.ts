import type { Item as XeroItem, Purchase } from "xero-node";
import type { ItemInput } from "../../../src/connector/inputs.js";
import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Item } from "../../../schema/item/item.type.js";
import { badUserInput } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedItem } from "../mapping/to-item.js";
import { toWireJson } from "../mapping/wire-json.js";
import { missingRecord } from "./missing-record.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";
import { wireDecimal } from "../client/exact-decimals.js";

/**
 * Unified item → Xero's. Xero tracks stock when the item has an inventory asset account and a
 * cost-of-sales account in its purchase details, so for a tracked item `purchaseAccountCode` is
 * that COGS account; the single tax rate applies to sales.
 */
export function toXeroItem(input: ItemInput): XeroItem {
  const tracked = input.isTracked === true;
  const sales: Purchase = { unitPrice: wireDecimal(input.salesUnitPrice), accountCode: input.salesAccountCode ?? undefined, taxType: input.taxRateCode ?? undefined };
  const purchase: Purchase = { unitPrice: wireDecimal(input.purchaseUnitPrice) };
  if (input.purchaseAccountCode) purchase[tracked ? "cOGSAccountCode" : "accountCode"] = input.purchaseAccountCode;
  const item: XeroItem = { code: input.code, name: input.name, salesDetails: sales, purchaseDetails: purchase };
  if (input.description) item.description = input.description;
  if (tracked && input.inventoryAssetAccountCode) item.inventoryAssetAccountCode = input.inventoryAssetAccountCode;
  return item;
}

/** https://developer.xero.com/documentation/api/accounting/items#put-items */
export async function createItem(api: XeroApi, input: ItemInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Item>> {
  if (input.isTracked && !input.inventoryAssetAccountCode) {
    throw badUserInput([{ field: "input.inventoryAssetAccountCode", message: "is required to track stock in Xero: give the code of an INVENTORY account." }]);
  }
  const model = toXeroItem(input);
  if (options.dryRun) return { kind: "dryRun", request: { method: "PUT", path: withUnitDp("/api.xro/2.0/Items?summarizeErrors=true"), body: { Items: [toWireJson(model, "Item")] } } };
  const body = await api.call({ what: "Item" }, (x, tenant) => x.createItems(tenant, { items: [model] }, true, UNIT_DP, options.idempotencyKey));
  const created = body.items?.[0];
  if (!created) throw missingRecord("item", "List items");
  return { kind: "done", record: toUnifiedItem(created, ctx) };
}

/** One item as Xero holds it now. https://developer.xero.com/documentation/api/accounting/items#get-items */
export async function readItem(api: XeroApi, remoteId: string): Promise<XeroItem> {
  const body = await api.call({ what: "Item", id: remoteId }, (x, tenant) => x.getItem(tenant, remoteId, UNIT_DP));
  const item = body.items?.[0];
  if (!item) throw missingRecord("item", "List items");
  return item;
}

import type { Item as XeroItem } from "xero-node";
import type { Item } from "../../../schema/item/item.type.js";
import { decimalString } from "../../../src/money/decimal.js";
import { nodeFields, orNull, requireId, type MappingContext } from "./common.js";
import { toWireJson } from "./wire-json.js";

export function toUnifiedItem(item: XeroItem, ctx: MappingContext): Item {
  const remoteId = requireId(item.itemID, "ItemID");
  return {
    ...nodeFields(ctx, "Item", remoteId, item.updatedDateUTC, () => toWireJson(item, "Item")),
    code: orNull(item.code),
    name: item.name ?? item.code ?? "",
    description: orNull(item.description),
    isSold: item.isSold ?? true,
    isPurchased: item.isPurchased ?? true,
    salesUnitPrice: decimalString(item.salesDetails?.unitPrice),
    purchaseUnitPrice: decimalString(item.purchaseDetails?.unitPrice),
    salesAccountCode: orNull(item.salesDetails?.accountCode),
    purchaseAccountCode: orNull(item.purchaseDetails?.accountCode ?? item.purchaseDetails?.cOGSAccountCode),
    isTracked: item.isTrackedAsInventory ?? false,
    quantityOnHand: item.isTrackedAsInventory ? decimalString(item.quantityOnHand) : null,
  };
}

import type { PurchaseOrder as XeroPurchaseOrder } from "xero-node";
import type { PurchaseOrder } from "../../../schema/purchase-order/purchase-order.type.js";
import { documentTotals, nodeFields, orNull, requireId, toContactRef, toLineItems, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { toLineAmountType, toPurchaseOrderStatus } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

export function toUnifiedPurchaseOrder(order: XeroPurchaseOrder, ctx: MappingContext): PurchaseOrder {
  const remoteId = requireId(order.purchaseOrderID, "PurchaseOrderID");
  return {
    ...nodeFields(ctx, "PurchaseOrder", remoteId, order.updatedDateUTC, () => toWireJson(order, "PurchaseOrder")),
    ...documentTotals(order),
    number: orNull(order.purchaseOrderNumber),
    reference: orNull(order.reference),
    issueDate: toIsoDate(order.date),
    lineAmountType: toLineAmountType(order.lineAmountTypes),
    lineItems: toLineItems(order.lineItems),
    contactRef: toContactRef(order.contact),
    status: toPurchaseOrderStatus(order.status),
    deliveryDate: toIsoDate(order.deliveryDate),
    deliveryAddress: orNull(order.deliveryAddress),
    sentToContact: order.sentToContact ?? null,
  };
}

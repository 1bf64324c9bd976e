import { PurchaseOrder as XeroPurchaseOrder } from "xero-node";
import type { PurchaseOrderInput } from "../../../src/connector/inputs.js";
import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { PurchaseOrder } from "../../../schema/purchase-order/purchase-order.type.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toXeroLineAmountTypes } from "../mapping/statuses.js";
import { toUnifiedPurchaseOrder } from "../mapping/to-purchase-order.js";
import { toXeroLineItems } from "../mapping/to-line-items.js";
import { toWireJson } from "../mapping/wire-json.js";
import { missingRecord } from "./missing-record.js";

/** Unified purchase order → Xero's; absent fields stay absent (Xero numbers it and defaults the date). */
export function toXeroPurchaseOrder(input: PurchaseOrderInput): XeroPurchaseOrder {
  const order: XeroPurchaseOrder = { contact: { contactID: input.contactRemoteId }, lineItems: toXeroLineItems(input.lines) };
  if (input.issueDate) order.date = input.issueDate;
  if (input.deliveryDate) order.deliveryDate = input.deliveryDate;
  if (input.lineAmountType) order.lineAmountTypes = toXeroLineAmountTypes(input.lineAmountType);
  if (input.status) order.status = input.status.toUpperCase() as unknown as XeroPurchaseOrder.StatusEnum;
  if (input.number) order.purchaseOrderNumber = input.number;
  if (input.reference) order.reference = input.reference;
  if (input.currency) order.currencyCode = input.currency as unknown as XeroPurchaseOrder["currencyCode"];
  if (input.deliveryAddress) order.deliveryAddress = input.deliveryAddress;
  return order;
}

/** DRAFT, SUBMITTED or AUTHORISED on create; the contact must already exist. https://developer.xero.com/documentation/api/accounting/purchaseorders#put-purchaseorders */
export async function createPurchaseOrder(api: XeroApi, input: PurchaseOrderInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<PurchaseOrder>> {
  const model = toXeroPurchaseOrder(input);
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/PurchaseOrders?summarizeErrors=true", body: { PurchaseOrders: [toWireJson(model, "PurchaseOrder")] } } };
  }
  const body = await api.call({ what: "PurchaseOrder" }, (x, tenant) => x.createPurchaseOrders(tenant, { purchaseOrders: [model] }, true, options.idempotencyKey));
  const created = body.purchaseOrders?.[0];
  if (!created) throw missingRecord("purchase order", "List purchase orders");
  return { kind: "done", record: toUnifiedPurchaseOrder(created, ctx) };
}

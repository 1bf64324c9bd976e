/**
 * GET /PurchaseOrders (Status, DateFrom, DateTo, order, page, pageSize; no `where`),
 * GET /PurchaseOrders/{PurchaseOrderID or PurchaseOrderNumber}, and PUT/POST /PurchaseOrders and
 * POST /PurchaseOrders/{id} by Xero's rules (existing contact, unique number, status moves).
 * https://developer.xero.com/documentation/api/accounting/purchaseorders
 */
import type { XeroPurchaseOrder } from "../books/types.js";
import { writePurchaseOrders } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { byDateRange, byParam } from "./query-filters.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const PURCHASE_ORDERS: ResourceSpec<XeroPurchaseOrder> = {
  plural: "PurchaseOrders",
  type: "PurchaseOrder",
  idField: "PurchaseOrderID",
  altKeys: ["PurchaseOrderNumber"],
  records: (books) => books.purchaseOrders,
  scopes: ["accounting.transactions", "accounting.invoices"],
  where: false,
  paging: "pagination",
  filter: (records, ctx) => byParam(byDateRange(records, ctx, "Date", "DateFrom", "DateTo"), ctx, "Status", "Status"),
};

export function purchaseOrdersRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, PURCHASE_ORDERS), ...writeRoutes(runtime, { read: PURCHASE_ORDERS, write: writePurchaseOrders })];
}

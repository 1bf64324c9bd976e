import type { PurchaseOrder } from "xero-node";
import { PurchaseOrderStatus } from "../../../schema/purchase-order/purchase-order.type.js";
import { toUnifiedPurchaseOrder } from "../mapping/to-purchase-order.js";
import { singleStatus } from "../query/filters.js";
import { defineEntity, sinceOf, lookupEach } from "./xero-entity.js";

type XeroPurchaseOrderStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "BILLED" | "DELETED";

/** Purchase orders filter by their own `Status`/`DateFrom`/`DateTo` parameters (no `where`). */
export const purchaseOrdersEntity = defineEntity<"PurchaseOrder", PurchaseOrder>({
  entity: "PurchaseOrder",
  filters: ["status", "dateRange", "updatedSince"],
  hidden: [],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: true,
    async fetch(api, filter, page, pageSize) {
      const status = singleStatus("PurchaseOrder", filter, Object.values(PurchaseOrderStatus)) as XeroPurchaseOrderStatus | undefined;
      // https://developer.xero.com/documentation/api/accounting/purchaseorders#get-purchaseorders
      const body = await api.call({ what: "PurchaseOrder" }, (x, tenant) =>
        x.getPurchaseOrders(tenant, sinceOf(filter), status, filter.dateFrom, filter.dateTo, undefined, page, pageSize));
      return { records: body.purchaseOrders ?? [], itemCount: body.pagination?.itemCount };
    },
  },
  // https://developer.xero.com/documentation/api/accounting/purchaseorders#get-purchaseorders (single)
  lookup: lookupEach("PurchaseOrder", (x, tenant, id) => x.getPurchaseOrder(tenant, id), (body) => body.purchaseOrders),
  map: toUnifiedPurchaseOrder,
});

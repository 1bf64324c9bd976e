import type { Invoice } from "xero-node";
import type { EntityTypes } from "../../../src/connector/entities.js";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { toUnifiedInvoice } from "../mapping/to-invoice.js";
import { invoiceStatusQuery } from "../query/filters.js";
import { and, dateRange, equals } from "../query/where.js";
import { UNIT_DP } from "../writes/unit-dp.js";
import { defineEntity, sinceOf } from "./xero-entity.js";

/**
 * Sales invoices (ACCREC → Invoice) and bills (ACCPAY → Bill) share Xero's Invoices endpoint. Its
 * `includeArchived` concerns an ARCHIVED status invoices do not have: deleted and voided ones are
 * listed by default, so the default list hides nothing.
 */
export function invoicesEntity<E extends "Invoice" | "Bill">(entity: E, type: "ACCREC" | "ACCPAY") {
  return defineEntity<E, Invoice>({
    entity,
    filters: ["status", "contact", "dateRange", "updatedSince", "search"],
    hidden: [],
    guidIds: true,
    listing: {
      kind: "paged",
      sized: true,
      async fetch(api, filter, page, pageSize) {
        const status = invoiceStatusQuery(filter);
        const where = and(equals("Type", type), status.where, dateRange("Date", filter.dateFrom, filter.dateTo));
        const contactIds = filter.contactRemoteId ? [filter.contactRemoteId] : undefined;
        // https://developer.xero.com/documentation/api/accounting/invoices#get-invoices (unitdp=4: unit amounts unrounded)
        const body = await api.call({ what: entity }, (x, tenant) =>
          x.getInvoices(tenant, sinceOf(filter), where, undefined, undefined, undefined, contactIds, status.statuses, page,
            filter.includeArchived, undefined, UNIT_DP, undefined, pageSize, filter.search));
        return { records: body.invoices ?? [], itemCount: body.pagination?.itemCount };
      },
    },
    lookup: {
      kind: "batch",
      async fetch(api, ids) {
        // https://developer.xero.com/documentation/api/accounting/invoices#get-invoices (IDs, with page so lines are included, unitdp=4)
        const body = await api.call({ what: entity }, (x, tenant) =>
          x.getInvoices(tenant, undefined, undefined, undefined, ids, undefined, undefined, undefined, 1, undefined, undefined, UNIT_DP, undefined, ids.length));
        return body.invoices ?? [];
      },
    },
    map: (record, ctx) => toUnifiedInvoice(record, ctx) as EntityTypes[E],
    keep: (record) => fromGlobalId(record.id).type === entity,
  });
}

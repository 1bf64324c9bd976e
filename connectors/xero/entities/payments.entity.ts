import type { Payment } from "xero-node";
import { PaymentStatus } from "../../../schema/payment/payment.type.js";
import { toUnifiedPayment } from "../mapping/to-payment.js";
import { statusesOf, statusWhere } from "../query/filters.js";
import { and, contains, dateRange, guidEquals } from "../query/where.js";
import { defineEntity, sinceOf, lookupEach } from "./xero-entity.js";

export const paymentsEntity = defineEntity<"Payment", Payment>({
  entity: "Payment",
  filters: ["status", "contact", "dateRange", "updatedSince", "search"],
  hidden: [],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: true,
    async fetch(api, filter, page, pageSize) {
      const where = and(
        statusWhere(statusesOf(filter, Object.values(PaymentStatus))),
        filter.contactRemoteId ? guidEquals("Invoice.Contact.ContactID", filter.contactRemoteId) : undefined,
        dateRange("Date", filter.dateFrom, filter.dateTo),
        filter.search ? contains("Reference", filter.search) : undefined,
      );
      // https://developer.xero.com/documentation/api/accounting/payments#get-payments
      const body = await api.call({ what: "Payment" }, (x, tenant) => x.getPayments(tenant, sinceOf(filter), where, undefined, page, pageSize));
      return { records: body.payments ?? [], itemCount: body.pagination?.itemCount };
    },
  },
  // https://developer.xero.com/documentation/api/accounting/payments#get-payments (single)
  lookup: lookupEach("Payment", (x, tenant, id) => x.getPayment(tenant, id), (body) => body.payments),
  map: toUnifiedPayment,
});

import type { Quote } from "xero-node";
import { QuoteStatus } from "../../../schema/quote/quote.type.js";
import { toUnifiedQuote } from "../mapping/to-quote.js";
import { singleStatus } from "../query/filters.js";
import { defineEntity, sinceOf } from "./xero-entity.js";

/** Quotes have their own filter parameters (no `where`) and fixed pages of 100 without a pagination object. */
export const quotesEntity = defineEntity<"Quote", Quote>({
  entity: "Quote",
  filters: ["status", "contact", "dateRange", "updatedSince"],
  guidIds: true,
  listing: {
    kind: "paged",
    sized: false,
    async fetch(api, filter, page) {
      const status = singleStatus("Quote", filter, Object.values(QuoteStatus));
      // https://developer.xero.com/documentation/api/accounting/quotes#get-quotes
      const body = await api.call({ what: "Quote" }, (x, tenant) =>
        x.getQuotes(tenant, sinceOf(filter), filter.dateFrom, filter.dateTo, undefined, undefined, filter.contactRemoteId, status, page));
      return { records: body.quotes ?? [] };
    },
  },
  lookup: {
    kind: "each",
    async fetch(api, id) {
      // https://developer.xero.com/documentation/api/accounting/quotes#get-quotes (single)
      const body = await api.call({ what: "Quote", id }, (x, tenant) => x.getQuote(tenant, id));
      return body.quotes?.[0];
    },
  },
  map: toUnifiedQuote,
});

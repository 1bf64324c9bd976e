import type { Quote } from "xero-node";
import { QuoteStatus } from "../../../schema/quote/quote.type.js";
import { toUnifiedQuote } from "../mapping/to-quote.js";
import { singleStatus } from "../query/filters.js";
import { defineEntity, sinceOf, lookupEach } from "./xero-entity.js";

/** Quotes have their own filter parameters (no `where`) and fixed pages of 100 without a pagination object. */
export const quotesEntity = defineEntity<"Quote", Quote>({
  entity: "Quote",
  filters: ["status", "contact", "dateRange", "updatedSince"],
  hidden: [],
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
  // https://developer.xero.com/documentation/api/accounting/quotes#get-quotes (single)
  lookup: lookupEach("Quote", (x, tenant, id) => x.getQuote(tenant, id), (body) => body.quotes),
  map: toUnifiedQuote,
});

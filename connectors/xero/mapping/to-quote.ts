import type { Quote as XeroQuote } from "xero-node";
import type { Quote } from "../../../schema/quote/quote.type.js";
import { documentTotals, nodeFields, orNull, requireId, toContactRef, toLineItems, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { toLineAmountType, toQuoteStatus } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

/** Quotes use the upper-case line amount types and may carry only `DateString` forms. */
export function toUnifiedQuote(quote: XeroQuote, ctx: MappingContext): Quote {
  const remoteId = requireId(quote.quoteID, "QuoteID");
  return {
    ...nodeFields(ctx, "Quote", remoteId, quote.updatedDateUTC, () => toWireJson(quote, "Quote")),
    ...documentTotals(quote),
    number: orNull(quote.quoteNumber),
    reference: orNull(quote.reference),
    issueDate: toIsoDate(quote.date ?? quote.dateString),
    lineAmountType: toLineAmountType(quote.lineAmountTypes),
    lineItems: toLineItems(quote.lineItems),
    contactRef: toContactRef(quote.contact),
    status: toQuoteStatus(quote.status),
    expiryDate: toIsoDate(quote.expiryDate ?? quote.expiryDateString),
    title: orNull(quote.title),
    summary: orNull(quote.summary),
    terms: orNull(quote.terms),
  };
}

import { QuoteStatus, type Quote } from "../../../schema/quote/quote.type.js";
import type { ClientaryEstimate } from "../client/schemas/documents.js";
import { nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import { documentFields } from "./document-fields.js";
import { QUOTE_STATUS } from "./statuses.js";
import { toLineItems } from "./to-line-items.js";

/** A Clientary estimate → a unified Quote. */
export function toUnifiedQuote(estimate: ClientaryEstimate, ctx: MappingContext): Quote {
  return {
    ...nodeFields(ctx, "Quote", estimate),
    ...documentFields(estimate, toLineItems(estimate.estimate_items), ctx),
    status: QUOTE_STATUS[statusCode(estimate.status) ?? 0] ?? QuoteStatus.DRAFT,
    expiryDate: null,
    title: orNull(estimate.title),
    summary: orNull(estimate.summary),
    terms: orNull(estimate.note),
  };
}

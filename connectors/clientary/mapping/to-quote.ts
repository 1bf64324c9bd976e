import { Decimal } from "decimal.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import { QuoteStatus, type Quote } from "../../../schema/quote/quote.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryEstimate } from "../client/schemas/documents.js";
import { contactRefOf, nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { QUOTE_STATUS } from "./statuses.js";
import { toLineItems } from "./to-line-items.js";

/** A Clientary estimate → a unified Quote. */
export function toUnifiedQuote(estimate: ClientaryEstimate, ctx: MappingContext): Quote {
  const total = moneyOrZero(estimate.total_cost);
  const subTotal = moneyOrZero(estimate.subtotal);
  return {
    ...nodeFields(ctx, "Quote", estimate),
    number: orNull(estimate.number),
    reference: orNull(estimate.po),
    issueDate: toIsoDate(estimate.date),
    currency: estimate.currency_code ?? ctx.currency,
    currencyRate: null,
    lineAmountType: LineAmountType.EXCLUSIVE,
    lineItems: toLineItems(estimate.estimate_items),
    subTotal,
    totalTax: new Decimal(total).minus(subTotal).toFixed(2),
    total,
    contactRef: contactRefOf(estimate.client_id ?? estimate.client?.id, estimate.client?.name),
    status: QUOTE_STATUS[statusCode(estimate.status) ?? 0] ?? QuoteStatus.DRAFT,
    expiryDate: null,
    title: orNull(estimate.title),
    summary: orNull(estimate.summary),
    terms: orNull(estimate.note),
  };
}

/**
 * GET /Quotes (DateFrom, DateTo, ExpiryDateFrom, ExpiryDateTo, ContactID, Status, QuoteNumber,
 * order, page of 100; no `where`, no `pagination` object) and GET /Quotes/{id}. Responses carry
 * a top-level `"SummarizeErrors": false`. PUT/POST /Quotes and POST /Quotes/{id} write, by Xero's rules.
 * https://developer.xero.com/documentation/api/accounting/quotes
 */
import type { XeroQuote } from "../books/types.js";
import { writeQuotes } from "../books/writes/index.js";
import { writeRoutes } from "./write-routes.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { byDateRange, byParam } from "./query-filters.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";

export const QUOTES: ResourceSpec<XeroQuote> = {
  plural: "Quotes",
  type: "Quote",
  idField: "QuoteID",
  altKeys: ["QuoteNumber"],
  records: (books) => books.quotes,
  scopes: ["accounting.transactions", "accounting.invoices"],
  where: false,
  paging: "plain",
  extras: { summarizeErrors: false },
  filter: (records, ctx) => {
    let selected = byDateRange(records, ctx, "Date", "DateFrom", "DateTo");
    selected = byDateRange(selected, ctx, "ExpiryDate", "ExpiryDateFrom", "ExpiryDateTo");
    selected = byParam(selected, ctx, "ContactID", "Contact.ContactID");
    selected = byParam(selected, ctx, "Status", "Status");
    return byParam(selected, ctx, "QuoteNumber", "QuoteNumber");
  },
};

export function quotesRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, QUOTES), ...writeRoutes(runtime, { read: QUOTES, write: writeQuotes, errorFlag: "HasErrors" })];
}

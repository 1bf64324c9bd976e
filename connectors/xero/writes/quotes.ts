import { LineAmountType } from "../../../schema/common/document.type.js";
import type { Quote as XeroQuote, QuoteLineAmountTypes, QuoteStatusCodes } from "xero-node";
import type { QuoteInput } from "../../../src/connector/inputs.js";
import type { Removal, UpdateTypes, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Quote } from "../../../schema/quote/quote.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedQuote } from "../mapping/to-quote.js";
import { toXeroLineItems } from "../mapping/to-line-items.js";
import { toWireJson } from "../mapping/wire-json.js";

const LAT: Record<LineAmountType, string> = { EXCLUSIVE: "EXCLUSIVE", INCLUSIVE: "INCLUSIVE", NO_TAX: "NOTAX" };

/** Unified quote fields → Xero's Quote (quotes spell line amount types in capitals); absent fields stay absent. */
function toXeroQuote(input: Partial<QuoteInput>): XeroQuote {
  const quote: XeroQuote = {};
  if (input.contactRemoteId) quote.contact = { contactID: input.contactRemoteId };
  if (input.lines) quote.lineItems = toXeroLineItems(input.lines);
  if (input.issueDate) quote.date = input.issueDate;
  if (input.expiryDate) quote.expiryDate = input.expiryDate;
  if (input.lineAmountType) quote.lineAmountTypes = LAT[input.lineAmountType] as unknown as QuoteLineAmountTypes;
  if (input.status) quote.status = input.status as unknown as QuoteStatusCodes;
  for (const key of ["reference", "title", "summary", "terms"] as const) if (input[key] !== undefined) quote[key] = input[key] ?? "";
  return quote;
}

const missing = () => new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered without the quote. Read the quotes to check before retrying.", { details: { provider: "XERO" } });

/** https://developer.xero.com/documentation/api/accounting/quotes#put-quotes */
export async function createQuote(api: XeroApi, input: QuoteInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Quote>> {
  const model = toXeroQuote(input);
  if (options.dryRun) return { kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/Quotes?summarizeErrors=true", body: { Quotes: [toWireJson(model, "Quote")] } } };
  const body = await api.call({ what: "Quote" }, (x, tenant) => x.createQuotes(tenant, { quotes: [model] }, true, options.idempotencyKey));
  const created = body.quotes?.[0];
  if (!created) throw missing();
  return { kind: "done", record: toUnifiedQuote(created, ctx) };
}

/** Full edits only while DRAFT; later only status moves (Xero refuses the rest). https://developer.xero.com/documentation/api/accounting/quotes#post-quotes */
export async function updateQuote(api: XeroApi, remoteId: string, changes: UpdateTypes["Quote"], options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Quote>> {
  const model = toXeroQuote(changes);
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/Quotes/${remoteId}`, body: { Quotes: [toWireJson(model, "Quote")] } } };
  const body = await api.call({ what: "Quote", id: remoteId }, (x, tenant) => x.updateQuote(tenant, remoteId, { quotes: [model] }, options.idempotencyKey));
  const updated = body.quotes?.[0];
  if (!updated) throw missing();
  return { kind: "done", record: toUnifiedQuote(updated, ctx) };
}

/** Xero deletes a quote by moving it to DELETED. */
export async function deleteQuote(api: XeroApi, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/Quotes/${remoteId}`, body: { Quotes: [{ Status: "DELETED" }] } } };
  await api.call({ what: "Quote", id: remoteId }, (x, tenant) => x.updateQuote(tenant, remoteId, { quotes: [{ status: "DELETED" as unknown as QuoteStatusCodes }] }, options.idempotencyKey));
  return { kind: "done", record: { outcome: "DELETED" } };
}

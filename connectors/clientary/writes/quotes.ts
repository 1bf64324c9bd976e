import type { Quote } from "../../../schema/quote/quote.type.js";
import type { QuoteInput } from "../../../src/connector/inputs.js";
import type { Removal, UpdateTypes, WriteResult } from "../../../src/connector/writes.js";
import { estimateSchema } from "../client/schemas/documents.js";
import { toClientaryEstimate, toClientaryEstimateChanges, toUnifiedQuote } from "../mapping/to-quote.js";
import { regularLineIds } from "./invoices.js";
import { clientaryId, documentDefaults, sendWrite, type WriteContext } from "./write-context.js";

/** https://www.clientary.com/api/estimates (POST /estimates) */
export function createQuote(w: WriteContext, input: QuoteInput): Promise<WriteResult<Quote>> {
  const body = toClientaryEstimate(input, documentDefaults(w));
  return sendWrite(w, { method: "POST", path: "estimates", body, schema: estimateSchema }, (created) => toUnifiedQuote(created, w.ctx));
}

/** PUT /estimates/:id; lines given replace the estimate's (read first, to `_destroy` the rest). https://www.clientary.com/api/estimates */
export async function updateQuote(w: WriteContext, remoteId: string, changes: UpdateTypes["Quote"]): Promise<WriteResult<Quote>> {
  const id = clientaryId("Quote", remoteId);
  const current = changes.lines || changes.lineAmountType ? await w.services.api.get(`estimates/${id}`, estimateSchema) : undefined;
  const body = toClientaryEstimateChanges(changes, regularLineIds(current?.estimate_items));
  return sendWrite(w, { method: "PUT", path: `estimates/${id}`, body, schema: estimateSchema }, (updated) => toUnifiedQuote(updated, w.ctx));
}

/** https://www.clientary.com/api/estimates (DELETE /estimates/:id) */
export function removeQuote(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  const id = clientaryId("Quote", remoteId);
  return sendWrite(w, { method: "DELETE", path: `estimates/${id}` }, () => ({ outcome: "DELETED" as const }));
}

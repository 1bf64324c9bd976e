import { QuoteStatus, type Quote } from "../../../schema/quote/quote.type.js";
import type { QuoteInput } from "../../../src/connector/inputs.js";
import type { UpdateTypes } from "../../../src/connector/writes.js";
import { notSupported } from "../../../src/errors/index.js";
import type { ClientaryEstimate } from "../client/schemas/documents.js";
import { nodeFields, orNull, statusCode, type MappingContext } from "./common.js";
import { toWireDate } from "./dates.js";
import { documentFields } from "./document-fields.js";
import { inputProblems } from "./input-problems.js";
import { CLIENTARY_ESTIMATE_STATUS, QUOTE_STATUS } from "./statuses.js";
import type { DocumentDefaults } from "./to-invoice.js";
import { droppedLineIds, toItemAttributes, toLineItems } from "./to-line-items.js";

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

type QuoteFields = UpdateTypes["Quote"];

/** The fields new and changed estimates share; what Clientary cannot hold is refused, naming the field. */
function estimateFields(input: QuoteFields, currentLineIds: readonly string[] | undefined): Record<string, unknown> {
  const problems = inputProblems();
  if (input.expiryDate) problems.add("input.expiryDate", "Clientary estimates have no expiry date.");
  let status: number | undefined;
  if (input.status) {
    const wanted = input.status.trim().toUpperCase() as QuoteStatus;
    if (wanted === QuoteStatus.INVOICED || wanted === QuoteStatus.DELETED) {
      throw notSupported("CLIENTARY", `moving an estimate to ${wanted}`, "Clientary turns estimates into invoices in its app only; delete one with deleteRecord.");
    }
    status = CLIENTARY_ESTIMATE_STATUS[wanted];
    if (status === undefined) problems.add("input.status", `'${input.status}' is not one of DRAFT, SENT, ACCEPTED, DECLINED.`);
  }
  problems.check();
  const estimate: Record<string, unknown> = {};
  if (input.issueDate) estimate.date = toWireDate(input.issueDate);
  if (status !== undefined) estimate.status = status;
  if (input.reference !== undefined) estimate.po = input.reference ?? "";
  if (input.title !== undefined) estimate.title = input.title ?? "";
  if (input.summary !== undefined) estimate.summary = input.summary ?? "";
  if (input.terms !== undefined) estimate.note = input.terms ?? "";
  if (input.lines) {
    const removedIds = currentLineIds ? droppedLineIds(currentLineIds, input.lines) : [];
    estimate.estimate_items_attributes = toItemAttributes(input.lines, { removedIds, lineAmountType: input.lineAmountType });
  } else if (input.lineAmountType) {
    const untaxed = toItemAttributes((currentLineIds ?? []).map((remoteId) => ({ remoteId })), { lineAmountType: input.lineAmountType });
    if (untaxed.length && input.lineAmountType === "NO_TAX") estimate.estimate_items_attributes = untaxed;
  }
  return estimate;
}

/**
 * Unified quote → the wrapped body of POST /estimates. Clientary requires `date` and `currency_code`:
 * today and the account's currency unless given. https://www.clientary.com/api/estimates
 */
export function toClientaryEstimate(input: QuoteInput, defaults: DocumentDefaults): { estimate: Record<string, unknown> } {
  const fields = estimateFields(input, undefined);
  return { estimate: { client_id: Number(input.contactRemoteId), date: defaults.today, currency_code: defaults.currency, ...fields } };
}

/** Unified quote changes → the wrapped body of PUT /estimates/:id; given lines replace the estimate's (`_destroy` for the rest). */
export function toClientaryEstimateChanges(changes: QuoteFields, currentLineIds: readonly string[] = []): { estimate: Record<string, unknown> } {
  return { estimate: estimateFields(changes, currentLineIds) };
}

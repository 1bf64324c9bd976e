import type { CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import { CreditNoteKind } from "../../../schema/credit-note/credit-note.type.js";
import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import type { Quote } from "../../../schema/quote/quote.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { isTrue, type MappingContext } from "./common.js";
import { toQuoteStatus } from "./statuses.js";
import { commonDocument, dueDateOf, partyRef } from "./to-document.js";
import type { DaftraDocument } from "./wire-schemas.js";

/** An estimate → Quote; its `due_after` sets the expiry. */
export function toUnifiedQuote(doc: DaftraDocument, ctx: MappingContext): Quote {
  return {
    ...commonDocument(doc, "Quote", ctx),
    contactRef: partyRef(doc, "client"),
    status: toQuoteStatus(doc.draft, doc.status),
    expiryDate: dueDateOf(doc, ctx),
    title: null,
    summary: doc.notes,
    terms: doc.terms,
  };
}

/** A sales credit note → CreditNote; Daftra exposes no allocations, so the whole total remains as credit. */
export function toUnifiedCreditNote(doc: DaftraDocument, ctx: MappingContext): CreditNote {
  const common = commonDocument(doc, "CreditNote", ctx);
  return {
    ...common,
    contactRef: partyRef(doc, "client"),
    kind: CreditNoteKind.SALES,
    status: isTrue(doc.draft) ? InvoiceStatus.DRAFT : InvoiceStatus.AUTHORISED,
    remainingCredit: moneyOrZero(doc.summary_unpaid ?? common.total),
    allocations: [],
  };
}

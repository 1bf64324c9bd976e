import type { Allocation as XeroAllocation, CreditNote as XeroCreditNote } from "xero-node";
import { CreditNoteKind, type CreditAllocation, type CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { documentTotals, globalId, nodeFields, orNull, requireId, toContactRef, toLineItems, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { enumText, toCreditNoteStatus, toLineAmountType } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

function toAllocation(allocation: XeroAllocation, ctx: MappingContext): CreditAllocation {
  const invoice = allocation.invoice;
  const type = enumText(invoice?.type) === "ACCPAY" ? "Bill" : "Invoice";
  return {
    remoteId: orNull(allocation.allocationID),
    amount: moneyOrZero(allocation.amount),
    date: toIsoDate(allocation.date),
    documentId: invoice?.invoiceID ? globalId(ctx, type, invoice.invoiceID) : null,
    documentNumber: orNull(invoice?.invoiceNumber),
  };
}

export function toUnifiedCreditNote(note: XeroCreditNote, ctx: MappingContext): CreditNote {
  const remoteId = requireId(note.creditNoteID, "CreditNoteID");
  return {
    ...nodeFields(ctx, "CreditNote", remoteId, note.updatedDateUTC, () => toWireJson(note, "CreditNote")),
    ...documentTotals(note),
    kind: enumText(note.type) === "ACCPAYCREDIT" ? CreditNoteKind.PURCHASE : CreditNoteKind.SALES,
    number: orNull(note.creditNoteNumber),
    reference: orNull(note.reference),
    issueDate: toIsoDate(note.date),
    lineAmountType: toLineAmountType(note.lineAmountTypes),
    lineItems: toLineItems(note.lineItems),
    contactRef: toContactRef(note.contact),
    status: toCreditNoteStatus(note.status, note.remainingCredit, note.total),
    remainingCredit: moneyOrZero(note.remainingCredit),
    allocations: (note.allocations ?? []).filter((a) => !a.isDeleted).map((a) => toAllocation(a, ctx)),
  };
}

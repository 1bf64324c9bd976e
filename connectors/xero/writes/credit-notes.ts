import { CreditNote as XeroCreditNote, type Allocation } from "xero-node";
import type { CreditAllocationInput, CreditNoteInput } from "../../../src/connector/inputs.js";
import type { ActionResults, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { CreditNote } from "../../../schema/credit-note/credit-note.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toIsoDate } from "../mapping/dates.js";
import { toXeroInvoiceStatus, toXeroLineAmountTypes } from "../mapping/statuses.js";
import { toUnifiedCreditNote } from "../mapping/to-credit-note.js";
import { toUnifiedInvoice } from "../mapping/to-invoice.js";
import { toXeroLineItems } from "../mapping/to-line-items.js";
import { toWireJson } from "../mapping/wire-json.js";
import { missingRecord } from "./missing-record.js";
import { UNIT_DP, withUnitDp } from "./unit-dp.js";
import { wireDecimal } from "../client/exact-decimals.js";

/** SALES credits a customer (ACCRECCREDIT); PURCHASE is credit from a supplier (ACCPAYCREDIT). */
export function toXeroCreditNote(input: CreditNoteInput): XeroCreditNote {
  const note: XeroCreditNote = {
    type: input.kind === "PURCHASE" ? XeroCreditNote.TypeEnum.ACCPAYCREDIT : XeroCreditNote.TypeEnum.ACCRECCREDIT,
    contact: { contactID: input.contactRemoteId },
    lineItems: toXeroLineItems(input.lines),
  };
  if (input.issueDate) note.date = input.issueDate;
  if (input.lineAmountType) note.lineAmountTypes = toXeroLineAmountTypes(input.lineAmountType);
  if (input.status) note.status = toXeroInvoiceStatus(input.status) as unknown as XeroCreditNote.StatusEnum;
  if (input.number) note.creditNoteNumber = input.number;
  if (input.reference) note.reference = input.reference;
  if (input.currency) note.currencyCode = input.currency as unknown as XeroCreditNote["currencyCode"];
  return note;
}

/** https://developer.xero.com/documentation/api/accounting/creditnotes#put-creditnotes */
export async function createCreditNote(api: XeroApi, input: CreditNoteInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<CreditNote>> {
  const model = toXeroCreditNote(input);
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: withUnitDp("/api.xro/2.0/CreditNotes?summarizeErrors=true"), body: { CreditNotes: [toWireJson(model, "CreditNote")] } } };
  }
  const body = await api.call({ what: "CreditNote" }, (x, tenant) => x.createCreditNotes(tenant, { creditNotes: [model] }, true, UNIT_DP, options.idempotencyKey));
  const created = body.creditNotes?.[0];
  if (!created) throw missingRecord("credit note", "List credit notes");
  return { kind: "done", record: toUnifiedCreditNote(created, ctx) };
}

/**
 * Applies credit to an invoice (sales credit) or bill (supplier credit) of the same contact. Xero
 * requires the date; it defaults to today. Xero's refusals (credit not approved, more than remains
 * or than is due, wrong document type or contact) come back as PROVIDER_VALIDATION.
 * https://developer.xero.com/documentation/api/accounting/creditnotes#put-creditnotes-creditnoteid-allocations
 */
export async function allocateCredit(api: XeroApi, input: CreditAllocationInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<ActionResults["allocateCredit"]>> {
  const noteId = input.creditNoteRemoteId, invoiceId = input.documentRemoteId;
  const date = input.date ?? ctx.now.toISOString().slice(0, 10);
  const allocation: Allocation = { invoice: { invoiceID: invoiceId }, amount: wireDecimal(input.amount), date };
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: `/api.xro/2.0/CreditNotes/${noteId}/Allocations?summarizeErrors=true`, body: { Allocations: [toWireJson(allocation, "Allocation")] } } };
  }
  const body = await api.call({ what: "CreditNote", id: noteId }, (x, tenant) => x.createCreditNoteAllocation(tenant, noteId, { allocations: [allocation] }, true, options.idempotencyKey));
  const made = body.allocations?.[0];
  if (!made) throw missingRecord("allocation", "Read the credit note");
  // The allocation answer carries only ids, so read both documents as Xero now holds them.
  const [note, invoice] = await Promise.all([
    api.call({ what: "CreditNote", id: noteId }, (x, tenant) => x.getCreditNote(tenant, noteId, UNIT_DP)),
    api.call({ what: input.documentType === "BILL" ? "Bill" : "Invoice", id: invoiceId }, (x, tenant) => x.getInvoice(tenant, invoiceId, UNIT_DP)),
  ]);
  const creditNote = note.creditNotes?.[0], document = invoice.invoices?.[0];
  if (!creditNote || !document) throw missingRecord("credit note or document", "Read them");
  return {
    kind: "done",
    record: {
      creditNote: toUnifiedCreditNote(creditNote, ctx),
      document: toUnifiedInvoice(document, ctx),
      amount: moneyOrZero(made.amount ?? input.amount),
      date: toIsoDate(made.date) ?? date,
    },
  };
}

/**
 * Invoices, bills (purchase invoices), quotes (estimates) and credit notes. Creates send the model
 * with its item rows beside it; edits read the document and send it whole, changes laid over it,
 * because Daftra's PUT replaces the document (items included).
 * https://docs.daftara.dev (Add New / Edit / Delete Invoices, Purchase Invoices, Estimates, Credit Notes)
 */
import { LineAmountType } from "../../../schema/common/document.type.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { CreditNoteInput, InvoiceInput, LineInput, QuoteInput } from "../../../src/connector/inputs.js";
import type { InvoiceChanges, Removal, UpdateTypes, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { badUserInput, notFound, notSupported } from "../../../src/errors/index.js";
import { parseRow } from "../entities/daftra-entity.js";
import { unprefixId } from "../mapping/common.js";
import { daysBetween, DOC_WIRE, estimateFields, headerOf, itemsOf, toDaftraCreditNote, toDaftraDocumentBody, toDaftraItems, toDaftraQuote, type DaftraDocKind } from "../mapping/to-daftra-document.js";
import { dueDateOf, linesOf } from "../mapping/to-document.js";
import { toDaftraInvoice } from "../mapping/to-invoice.js";
import { documentSchema } from "../mapping/wire-schemas.js";
import { createdId, readBack, request, send, type WriteContext } from "./context.js";

type DocEntity = "Invoice" | "Bill" | "Quote" | "CreditNote";
const KIND: Record<DocEntity, DaftraDocKind> = { Invoice: "invoice", Bill: "purchase_invoice", Quote: "estimate", CreditNote: "credit_note" };

/** Daftra sets inclusive tax per tax rate (its `included` flag), not per document. */
function checkLineAmounts(type: LineAmountType | null | undefined): void {
  if (type === LineAmountType.INCLUSIVE) {
    throw notSupported("DAFTRA", "INCLUSIVE line amounts", "Daftra decides whether a price includes tax by the tax rate (its 'included' setting), not per document: use a tax rate that is inclusive.");
  }
}

/** The party id a document names: a client for sales documents, a supplier for bills. */
function partyIdOf(kind: DaftraDocKind, contactRemoteId: string): string {
  const party = DOC_WIRE[kind].party;
  const id = unprefixId(party, contactRemoteId);
  if (!id) throw badUserInput([{ field: "input.contactId", message: `a Daftra ${kind === "purchase_invoice" ? "bill" : "sales document"} needs a ${party} ('${party}:<id>'); '${contactRemoteId}' is not one.` }]);
  return id;
}

const productIds = (w: WriteContext, lines: readonly LineInput[] | undefined) => (lines ? w.products.idsFor(lines, "input.lines") : Promise.resolve(new Map<string, string>()));

export async function createInvoice(w: WriteContext, input: InvoiceInput, options: WriteOptions): Promise<WriteResult<EntityTypes["Invoice"]>> {
  const kind = input.type === "BILL" ? "purchase_invoice" : "invoice";
  checkLineAmounts(input.lineAmountType);
  const body = toDaftraInvoice({ ...input, contactRemoteId: `${DOC_WIRE[kind].party}:${partyIdOf(kind, input.contactRemoteId)}` }, await productIds(w, input.lines), w.today());
  const req = request("POST", w.api.pathOf(DOC_WIRE[kind].path), body);
  return send(w, req, options, (id) => readBack(w, input.type === "BILL" ? "Bill" : "Invoice", 0, createdId(id, kind === "invoice" ? "invoice" : "purchase invoice")));
}

export async function createQuote(w: WriteContext, input: QuoteInput, options: WriteOptions): Promise<WriteResult<EntityTypes["Quote"]>> {
  checkLineAmounts(input.lineAmountType);
  if (input.status && input.status !== "DRAFT" && input.status !== "SENT") throw badUserInput([{ field: "input.status", message: "a new estimate is DRAFT or SENT." }]);
  const body = toDaftraQuote({ ...input, contactRemoteId: partyIdOf("estimate", input.contactRemoteId) }, await productIds(w, input.lines), w.today());
  return send(w, request("POST", w.api.pathOf("estimates"), body), options, (id) => readBack(w, "Quote", 0, createdId(id, "estimate")));
}

/** Sales credit notes only: Daftra's purchase-side credit (purchase refunds) is a different record the gateway does not read. */
export async function createCreditNote(w: WriteContext, input: CreditNoteInput, options: WriteOptions): Promise<WriteResult<EntityTypes["CreditNote"]>> {
  if (input.kind !== "SALES") throw notSupported("DAFTRA", "PURCHASE credit notes", "Daftra's supplier credit is a purchase refund, which the gateway does not read as a credit note.");
  checkLineAmounts(input.lineAmountType);
  const body = toDaftraCreditNote({ ...input, contactRemoteId: partyIdOf("credit_note", input.contactRemoteId) }, await productIds(w, input.lines));
  return send(w, request("POST", w.api.pathOf("credit_notes"), body), options, (id) => readBack(w, "CreditNote", 0, createdId(id, "credit note")));
}

/** The current document, parsed; a missing one is NOT_FOUND. */
async function current(w: WriteContext, entity: DocEntity, remoteId: string) {
  const kind = KIND[entity];
  if (!/^\d+$/.test(remoteId)) throw notFound(entity, remoteId);
  // GET /{path}/{id}: the whole document, items included
  return { kind, doc: parseRow(documentSchema, await w.api.get(DOC_WIRE[kind].path, remoteId), DOC_WIRE[kind].model) };
}

/** The due-after days an edit sends: from the new due date, or keeping the current due date when only the issue date moves. */
function dueAfter(header: Record<string, unknown>, newDue: string | null | undefined, keptDue: string | null, moved: boolean): number | undefined {
  const issued = header.date as string | undefined;
  const due = newDue ?? (moved ? keptDue : null);
  if (!issued || !due) return undefined;
  const days = daysBetween(issued, due);
  if (days < 0) throw badUserInput([{ field: "input.dueDate", message: `(${due}) would fall before the issue date (${issued}); give a later dueDate.` }]);
  return days;
}

export async function updateInvoice(w: WriteContext, entity: "Invoice" | "Bill", remoteId: string, changes: InvoiceChanges, options: WriteOptions): Promise<WriteResult<EntityTypes["Invoice"]>> {
  checkLineAmounts(changes.lineAmountType);
  const { kind, doc } = await current(w, entity, remoteId);
  const order = w.ctx().dateOrder;
  const header = headerOf(kind, doc, order);
  if (changes.status) header.draft = changes.status === "DRAFT" || changes.status === "SUBMITTED" ? 1 : 0;
  if (changes.issueDate) header.date = changes.issueDate;
  const days = dueAfter(header, changes.dueDate, dueDateOf(doc, w.ctx()), !!changes.issueDate);
  if (days !== undefined) header.due_after = days;
  if (changes.number) header.no = changes.number;
  if (changes.reference !== undefined) header.po_number = changes.reference ?? "";
  if (changes.currency) header.currency_code = changes.currency;
  const noTax = changes.lineAmountType === LineAmountType.NO_TAX;
  const items = changes.lines ? toDaftraItems(changes.lines, await productIds(w, changes.lines), noTax) : itemsOf(linesOf(doc), noTax);
  const req = request("PUT", w.api.pathOf(`${DOC_WIRE[kind].path}/${remoteId}`), toDaftraDocumentBody(kind, header, items));
  return send(w, req, options, () => readBack(w, entity, 0, remoteId));
}

/** Estimates change freely (status moves included) until they are invoiced; INVOICED comes only from converting one in Daftra. */
export async function updateQuote(w: WriteContext, remoteId: string, changes: UpdateTypes["Quote"], options: WriteOptions): Promise<WriteResult<EntityTypes["Quote"]>> {
  checkLineAmounts(changes.lineAmountType);
  if (changes.status && !["DRAFT", "SENT", "ACCEPTED", "DECLINED"].includes(changes.status)) {
    throw badUserInput([{ field: "input.status", message: `Daftra moves an estimate to ${changes.status} itself (by converting it); set DRAFT, SENT, ACCEPTED or DECLINED.` }]);
  }
  const { doc } = await current(w, "Quote", remoteId);
  const header = headerOf("estimate", doc, w.ctx().dateOrder);
  const issued = (changes.issueDate ?? header.date ?? w.today()) as string;
  Object.assign(header, estimateFields(changes, w.today(), issued));
  if (changes.issueDate && !changes.expiryDate) {
    const days = dueAfter(header, undefined, dueDateOf(doc, w.ctx()), true);
    if (days !== undefined) header.due_after = days;
  }
  const noTax = changes.lineAmountType === LineAmountType.NO_TAX;
  const items = changes.lines ? toDaftraItems(changes.lines, await productIds(w, changes.lines), noTax) : itemsOf(linesOf(doc), noTax);
  const req = request("PUT", w.api.pathOf(`estimates/${remoteId}`), toDaftraDocumentBody("estimate", header, items));
  return send(w, req, options, () => readBack(w, "Quote", 0, remoteId));
}

/** Daftra deletes documents outright; one with payments (or an estimate that became an invoice) is refused with its message. */
export function removeDocument(entity: DocEntity) {
  return async (w: WriteContext, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> => {
    if (!/^\d+$/.test(remoteId)) throw notFound(entity, remoteId);
    const req = request("DELETE", w.api.pathOf(`${DOC_WIRE[KIND[entity]].path}/${remoteId}`));
    return send(w, req, options, async () => ({ outcome: "DELETED" as const }));
  };
}

export const isDocumentEntity = (entity: EntityName): entity is DocEntity => entity in KIND;

/**
 * Unified document inputs → Daftra's create/edit bodies: the model (`Invoice`, `Estimate`,
 * `CreditNote`, `PurchaseOrder`) plus its item rows as a top-level sibling (nesting them inside the
 * model fails with "Invoice is empty"). Edits send the whole document, as Daftra's PUT replaces it.
 */
import { LineAmountType } from "../../../schema/common/document.type.js";
import type { CreditNoteInput, LineInput, QuoteInput } from "../../../src/connector/inputs.js";
import { unprefixId } from "./common.js";
import { toIsoDate, type DateOrder } from "./dates.js";
import type { DaftraDocument, DaftraLine } from "./wire-schemas.js";

export type DaftraDocKind = "invoice" | "purchase_invoice" | "estimate" | "credit_note";

export const DOC_WIRE: Record<DaftraDocKind, { path: string; model: string; items: string; party: "client" | "supplier"; note: string }> = {
  invoice: { path: "invoices", model: "Invoice", items: "InvoiceItem", party: "client", note: "invoice" },
  purchase_invoice: { path: "purchase_invoices", model: "PurchaseOrder", items: "PurchaseOrderItem", party: "supplier", note: "purchase_order" },
  estimate: { path: "estimates", model: "Estimate", items: "InvoiceItem", party: "client", note: "estimate" },
  credit_note: { path: "credit_notes", model: "CreditNote", items: "InvoiceItem", party: "client", note: "credit_note" },
};

export type WireItem = Record<string, unknown>;

/**
 * Unified lines → item rows. `productIds` maps item codes to Daftra product ids (a numeric code is
 * taken as the id itself); `noTax` drops line taxes (NO_TAX documents).
 */
export function toDaftraItems(lines: readonly LineInput[], productIds: ReadonlyMap<string, string> = new Map(), noTax = false): WireItem[] {
  return lines.map((line) => {
    const item: WireItem = { item: line.description ?? "", unit_price: line.unitAmount ?? "0", quantity: line.quantity ?? "1" };
    const productId = line.itemCode ? (productIds.get(line.itemCode) ?? (/^\d+$/.test(line.itemCode) ? line.itemCode : undefined)) : undefined;
    if (productId) item.product_id = productId;
    if (line.taxRateCode && !noTax) item.tax1 = line.taxRateCode;
    if (line.discountRate) Object.assign(item, { discount: line.discountRate, discount_type: 1 });
    return item;
  });
}

/** A document's current item rows, sent back unchanged when an edit leaves the lines alone. */
export function itemsOf(lines: readonly DaftraLine[], noTax = false): WireItem[] {
  return lines.map((line) => {
    const item: WireItem = { item: line.item ?? "", description: line.description ?? "", unit_price: line.unit_price ?? "0", quantity: line.quantity ?? "1" };
    if (line.product_id) item.product_id = line.product_id;
    if (line.tax1 && !noTax) item.tax1 = line.tax1;
    if (line.tax2 && !noTax) item.tax2 = line.tax2;
    if (line.discount && Number(line.discount) !== 0) Object.assign(item, { discount: line.discount, discount_type: Number(line.discount_type ?? 1) || 1 });
    return item;
  });
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The header of an existing document as an edit must resend it; the caller lays its changes over it. */
export function headerOf(kind: DaftraDocKind, doc: DaftraDocument, order: DateOrder = "dmy"): Record<string, unknown> {
  const party = DOC_WIRE[kind].party;
  const header: Record<string, unknown> = {
    [`${party}_id`]: (party === "client" ? doc.client_id : doc.supplier_id) ?? "",
    date: toIsoDate(doc.date ?? doc.issue_date, order) ?? undefined,
    due_after: Number(doc.due_after ?? 0) || 0,
    draft: doc.draft === "1" || doc.draft === "true" ? 1 : 0,
    no: doc.no ?? undefined,
    po_number: doc.po_number ?? "",
    currency_code: doc.currency_code ?? undefined,
    notes: doc.notes ?? "",
  };
  if (kind === "estimate") Object.assign(header, { terms: doc.terms ?? "", status: doc.status ?? "0" });
  return Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined));
}

/** The body Daftra takes for a create or an edit of one document. */
export const toDaftraDocumentBody = (kind: DaftraDocKind, header: Record<string, unknown>, items: WireItem[]) => ({
  [DOC_WIRE[kind].model]: header,
  [DOC_WIRE[kind].items]: items,
});

/** Unified quote statuses → an estimate's `draft` and `status` (INVOICED comes only from converting it in Daftra). */
export const ESTIMATE_STATUS: Record<string, { draft: 0 | 1; status: string }> = {
  DRAFT: { draft: 1, status: "0" },
  SENT: { draft: 0, status: "0" },
  ACCEPTED: { draft: 0, status: "1" },
  DECLINED: { draft: 0, status: "2" },
};

/** The estimate header fields a quote input (or its changes) sets; absent fields are left out. */
export function estimateFields(input: Partial<QuoteInput>, today: string, currentDate?: string | null): Record<string, unknown> {
  const header: Record<string, unknown> = {};
  if (input.status) Object.assign(header, ESTIMATE_STATUS[input.status]);
  if (input.issueDate) header.date = input.issueDate;
  const issued = input.issueDate ?? currentDate ?? today;
  if (input.expiryDate) header.due_after = daysBetween(issued, input.expiryDate);
  if (input.reference !== undefined) header.po_number = input.reference ?? "";
  if (input.summary !== undefined) header.notes = input.summary ?? "";
  if (input.terms !== undefined) header.terms = input.terms ?? "";
  return header;
}

/** Unified quote input → an estimate's create body (DRAFT unless SENT). */
export function toDaftraQuote(input: QuoteInput, productIds: ReadonlyMap<string, string>, today: string): Record<string, unknown> {
  const header: Record<string, unknown> = { client_id: unprefixId("client", input.contactRemoteId) ?? input.contactRemoteId, ...ESTIMATE_STATUS.DRAFT, ...estimateFields(input, today) };
  if (input.expiryDate && !input.issueDate) header.date = today;
  return toDaftraDocumentBody("estimate", header, toDaftraItems(input.lines, productIds, input.lineAmountType === LineAmountType.NO_TAX));
}

/** Unified sales credit note input → a credit note's create body. */
export function toDaftraCreditNote(input: CreditNoteInput, productIds: ReadonlyMap<string, string>): Record<string, unknown> {
  const draft = input.status === "DRAFT" || input.status === "SUBMITTED";
  const header: Record<string, unknown> = { client_id: unprefixId("client", input.contactRemoteId) ?? input.contactRemoteId, draft: draft ? 1 : 0 };
  if (input.issueDate) header.date = input.issueDate;
  if (input.number) header.no = input.number;
  if (input.reference) header.po_number = input.reference;
  if (input.currency) header.currency_code = input.currency;
  return toDaftraDocumentBody("credit_note", header, toDaftraItems(input.lines, productIds, input.lineAmountType === LineAmountType.NO_TAX));
}

/**
 * Invoices, estimates, credit notes and purchase invoices: one shape, four kinds. Creates and edits
 * take the whole document (an edit's items replace the old ones); financial kinds post their journal
 * unless draft, and re-post it on every edit.
 */
import { repost, unpost } from "../journals.js";
import { paymentsOf } from "../totals.js";
import type { DaftraBooks, DocKind, DocRow } from "../types.js";
import { lineErrors, toLineRows } from "./lines.js";
import { dayOf, failed, flag, HAS_TRANSACTIONS, isWhole, freshRowId, stamp, text, today, touched, type Body, type FieldErrors, type WriteOutcome } from "./outcome.js";

interface KindSpec {
  model: string;
  items: string;
  party: "client" | "supplier";
  /** Journal `entity_type`; undefined for estimates (they post nothing). */
  journal?: string;
  label: string;
  prefix: string;
  rows(books: DaftraBooks): DocRow[];
}

export const DOC_KINDS: Record<DocKind, KindSpec> = {
  invoice: { model: "Invoice", items: "InvoiceItem", party: "client", journal: "invoice", label: "Invoice", prefix: "", rows: (b) => b.invoices },
  estimate: { model: "Estimate", items: "InvoiceItem", party: "client", label: "Estimate", prefix: "", rows: (b) => b.estimates },
  credit_note: { model: "CreditNote", items: "InvoiceItem", party: "client", journal: "credit_note", label: "Credit Note", prefix: "CN", rows: (b) => b.creditNotes },
  purchase_invoice: { model: "PurchaseOrder", items: "PurchaseOrderItem", party: "supplier", journal: "purchase_order", label: "Purchase Invoice", prefix: "PI", rows: (b) => b.purchaseInvoices },
};

const paymentsTable = (books: DaftraBooks, kind: DocKind) => (kind === "purchase_invoice" ? books.purchasePayments : books.invoicePayments);
const hasPayments = (books: DaftraBooks, doc: DocRow) => doc.kind === "invoice" || doc.kind === "purchase_invoice" ? paymentsOf(doc, paymentsTable(books, doc.kind)).length > 0 : false;

/** Posts (or re-posts, or drops) the journal of a financial document. */
export function postDocument(books: DaftraBooks, doc: DocRow): void {
  const spec = DOC_KINDS[doc.kind];
  if (spec.journal) repost(books, spec.journal, doc.id, `${spec.label} #${doc.no}`, doc.draft ? null : doc);
}

function headerErrors(books: DaftraBooks, kind: DocKind, header: Body, self?: DocRow): FieldErrors {
  const spec = DOC_KINDS[kind];
  const errors: FieldErrors = {};
  const partyKey = `${spec.party}_id`;
  const parties = spec.party === "client" ? books.clients : books.suppliers;
  if (!parties.some((p) => p.id === Number(header[partyKey]))) errors[partyKey] = `${spec.party === "client" ? "Client" : "Supplier"} not found`;
  if (header.date !== undefined && header.date !== "" && !dayOf(header.date)) errors.date = "Date must be YYYY-MM-DD";
  if (header.due_after !== undefined && header.due_after !== null && header.due_after !== "" && !(isWhole(header.due_after) && Number(header.due_after) >= 0)) errors.due_after = "Due after must be a whole number of days, 0 or more";
  if (header.currency_code && !/^[A-Z]{3}$/.test(text(header.currency_code))) errors.currency_code = "Currency code must be an ISO 4217 code";
  const number = text(header.no);
  if (number && spec.rows(books).some((d) => d.no === number && d.id !== self?.id)) errors.no = "This number is already used";
  if (kind === "estimate" && header.status !== undefined && !["0", "1", "2"].includes(text(header.status))) errors.status = "Status must be 0 (open), 1 (accepted) or 2 (rejected); an estimate becomes invoiced only by converting it";
  if (self && flag(header.draft) === 1 && !self.draft && hasPayments(books, self)) errors.draft = "An invoice with payments can't be saved as draft. Delete its payments first.";
  return errors;
}

/** Creates a document, or replaces one (`existing`) with the payload, as Daftra's PUT does. */
export function saveDocument(books: DaftraBooks, kind: DocKind, body: Body | undefined, now: Date, existing?: DocRow): WriteOutcome {
  const spec = DOC_KINDS[kind];
  const header = body?.[spec.model] as Body | undefined;
  if (!header || typeof header !== "object" || Array.isArray(header)) return { errors: { [spec.model]: `${spec.model} is empty` } };
  const rawItems = body![spec.items];
  const items = Array.isArray(rawItems) ? (rawItems as Body[]) : undefined;
  if (!items?.length) return { errors: { [spec.items]: `${spec.label} is empty` } };
  if (existing && kind === "estimate" && existing.status === "3") return { refused: "An estimate converted to an invoice can't be edited" };
  const problem = failed({ ...lineErrors(books, items, spec.items), ...headerErrors(books, kind, header, existing) });
  if (problem) return problem;
  const id = existing?.id ?? freshRowId(books, kind, spec.rows(books));
  const keep = (field: "notes" | "terms" | "po_number") => (field in header ? text(header[field]) : (existing?.[field] ?? ""));
  const doc: DocRow = {
    id, kind,
    no: text(header.no) || existing?.no || `${spec.prefix}${String(id).padStart(6, "0")}`,
    party_id: Number(header[`${spec.party}_id`]),
    date: dayOf(header.date) ?? existing?.date ?? today(now),
    due_after: header.due_after !== undefined && header.due_after !== "" ? Number(header.due_after) : (existing?.due_after ?? 0),
    draft: "draft" in header ? flag(header.draft) : (existing?.draft ?? 0),
    currency_code: text(header.currency_code) || existing?.currency_code || books.site.currency_code,
    notes: keep("notes"), terms: keep("terms"), po_number: keep("po_number"),
    ...(kind === "estimate" ? { status: header.status !== undefined ? text(header.status) : (existing?.status ?? "0") } : {}),
    ...(existing?.estimate_id !== undefined ? { estimate_id: existing.estimate_id } : {}),
    lines: toLineRows(books, items),
    created: existing?.created ?? stamp(now),
    modified: touched(existing?.modified, now),
  };
  const rows = spec.rows(books);
  if (existing) rows.splice(rows.indexOf(existing), 1, doc);
  else rows.push(doc);
  postDocument(books, doc);
  return { id };
}

export function findDocument(books: DaftraBooks, kind: DocKind, id: number): DocRow | undefined {
  return DOC_KINDS[kind].rows(books).find((d) => d.id === id);
}

/** Deletes a document; one with completed payments, or an estimate an invoice came from, is refused. */
export function deleteDocument(books: DaftraBooks, kind: DocKind, id: number): WriteOutcome {
  const spec = DOC_KINDS[kind];
  const rows = spec.rows(books);
  const doc = rows.find((d) => d.id === id);
  if (!doc) return { missing: `${spec.model} not found` };
  const invoiced = kind === "estimate" && (doc.status === "3" || books.invoices.some((i) => i.estimate_id === id));
  if (hasPayments(books, doc) || invoiced) return { refused: HAS_TRANSACTIONS };
  rows.splice(rows.indexOf(doc), 1);
  if (spec.journal) unpost(books, spec.journal, id);
  const payments = paymentsTable(books, kind);
  for (let i = payments.length - 1; i >= 0; i--) if (payments[i]!.document_id === id && kind !== "estimate" && kind !== "credit_note") payments.splice(i, 1);
  return { id };
}

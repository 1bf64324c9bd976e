/**
 * Writes to the books: each validates its input the way Daftra answers (field → reason) and
 * returns the new id. Creates post their journal at once, as Daftra's automatic entries do.
 */
import { nextId } from "./seed/documents.js";
import { journalFor } from "./journals.js";
import type { DaftraBooks, DocRow, LineRow, PartyRow } from "./types.js";

export type FieldErrors = Record<string, string>;
export type WriteOutcome = { id: number } | { errors: FieldErrors };

type Body = Record<string, unknown>;

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const isNumber = (value: unknown) => value !== "" && value !== null && Number.isFinite(Number(value));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const stamp = (now: Date) => now.toISOString().slice(0, 19).replace("T", " ");

export function createParty(books: DaftraBooks, kind: "client" | "supplier", record: Body, now: Date): WriteOutcome {
  const errors: FieldErrors = {};
  if (!text(record.business_name) && !text(record.first_name)) errors.business_name = "Business name or first name is required";
  if (text(record.email) && !/^[^@\s]+@[^@\s]+$/.test(text(record.email))) errors.email = "Valid email is required";
  if (Object.keys(errors).length) return { errors };
  const table = kind === "client" ? books.clients : books.suppliers;
  const id = Math.max(0, ...table.map((p) => p.id)) + 1;
  const field = (name: keyof PartyRow) => text(record[name]);
  table.push({
    id, number: text(record[`${kind}_number`]) || String(id).padStart(7, "0"), type: text(record.type) === "2" ? 2 : 3,
    business_name: field("business_name"), first_name: field("first_name"), last_name: field("last_name"), email: field("email"),
    phone1: field("phone1"), address1: field("address1"), city: field("city"), state: field("state"), postal_code: field("postal_code"),
    country_code: field("country_code") || books.site.country_code, default_currency_code: field("default_currency_code") || books.site.currency_code,
    bn1: field("bn1"), created: stamp(now), modified: stamp(now),
  });
  return { id };
}

function lineErrors(books: DaftraBooks, items: Body[]): FieldErrors {
  const errors: FieldErrors = {};
  items.forEach((item, i) => {
    if (!isNumber(item.unit_price)) errors[`InvoiceItem.${i}.unit_price`] = "Unit price must be a number";
    if (item.quantity !== undefined && !(Number(item.quantity) > 0)) errors[`InvoiceItem.${i}.quantity`] = "Quantity must be above zero";
    if (item.tax1 && !books.taxes.some((t) => t.id === Number(item.tax1))) errors[`InvoiceItem.${i}.tax1`] = "Tax not found";
    if (item.product_id && !books.products.some((p) => p.id === Number(item.product_id))) errors[`InvoiceItem.${i}.product_id`] = "Product not found";
  });
  return errors;
}

/** An invoice from `Invoice` plus its `InvoiceItem` rows, which must sit beside it, not inside it. */
export function createInvoice(books: DaftraBooks, header: Body, items: Body[] | undefined, now: Date): WriteOutcome {
  if (!items?.length) return { errors: { InvoiceItem: "Invoice is empty" } };
  const errors: FieldErrors = lineErrors(books, items);
  if (!books.clients.some((c) => c.id === Number(header.client_id))) errors.client_id = "Client not found";
  const date = text(header.date) || now.toISOString().slice(0, 10);
  if (!ISO_DATE.test(date)) errors.date = "Date must be YYYY-MM-DD";
  if (Object.keys(errors).length) return { errors };
  const id = Math.max(0, ...books.invoices.map((d) => d.id)) + 1;
  const lines: LineRow[] = items.map((item) => ({
    id: nextId(books, "line"), product_id: item.product_id ? Number(item.product_id) : null, item: text(item.item),
    description: text(item.description), unit_price: text(item.unit_price), quantity: text(item.quantity ?? 1),
    tax1: item.tax1 ? Number(item.tax1) : null,
  }));
  const doc: DocRow = {
    id, kind: "invoice", no: text(header.no) || String(id).padStart(6, "0"), party_id: Number(header.client_id), date,
    due_after: Number(header.due_after ?? 0) || 0, draft: text(header.draft) === "1" ? 1 : 0,
    currency_code: text(header.currency_code) || books.site.currency_code, notes: text(header.notes), lines,
    created: stamp(now), modified: stamp(now),
  };
  books.invoices.push(doc);
  if (!doc.draft) books.journals.push(journalFor(books, "invoice", doc.id, doc.date, `Invoice #${doc.no}`, doc));
  return { id };
}

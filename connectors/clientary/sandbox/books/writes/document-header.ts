import type { ClientaryBooks, DocumentRecord, PartyRecord } from "../types.js";
import { amountField, dayField, referenceField, text, truthy, type FieldErrors } from "./fields.js";

const TEXT_FIELDS = ["title", "note", "po", "summary", "tax_label", "tax2_label", "tax3_label"] as const;
const TAX_FIELDS = ["tax", "tax2", "tax3"] as const;

/**
 * The fields invoices and estimates share, applied from a body onto `doc` (a draft copy: the caller
 * commits it only when `errors` stay empty). Numbers are unique among `siblings`; the project must
 * be the client's.
 */
export function applyHeader(books: ClientaryBooks, doc: DocumentRecord, body: Record<string, unknown>, errors: FieldErrors, siblings: readonly DocumentRecord[], parties: readonly PartyRecord[]): void {
  for (const key of TEXT_FIELDS) if (key in body) doc[key] = text(body[key]);
  const date = dayField(body, "date", errors);
  if (date) doc.date = date;
  if ("currency_code" in body) {
    const code = text(body.currency_code)?.toUpperCase();
    if (!code) errors.add("currency_code", "can't be blank");
    else if (!/^[A-Z]{3}$/.test(code)) errors.add("currency_code", "is not a valid currency");
    else doc.currency_code = code;
  }
  const client = referenceField(body, "client_id", parties, errors);
  if (client === null) errors.add("client_id", "can't be blank");
  if (client) doc.client_id = client.id;
  const project = referenceField(body, "project_id", books.projects, errors);
  if (project !== undefined) doc.project_id = project?.id ?? null;
  if (project && project.client_id !== doc.client_id) errors.add("project_id", "belongs to another client");
  if ("number" in body) {
    const number = text(body.number);
    if (!number) errors.add("number", "can't be blank");
    else if (siblings.some((d) => d.number === number && d.id !== doc.id)) errors.add("number", "has already been taken");
    else doc.number = number;
  }
  for (const key of TAX_FIELDS) {
    const rate = amountField(body, key, errors);
    if (rate !== undefined && rate > 100) errors.add(key, "must be less than or equal to 100");
    else if (rate !== undefined) doc[key] = rate;
  }
  if ("compound_tax" in body) doc.compound_tax = truthy(body.compound_tax);
}

/** The next number of a kind of document: one past the highest numeric one (Clientary auto-increments). */
export const nextNumber = (siblings: readonly DocumentRecord[]) => String(siblings.reduce((max, d) => Math.max(max, Number(d.number) || 0), 0) + 1);

/** The fields of a brand-new document before its body is applied. */
export function blankDocument(id: number, stamp: string, currency: string): DocumentRecord {
  return {
    id, created_at: stamp, updated_at: stamp, number: "", title: null, date: "", client_id: 0, project_id: null, note: null, po: null, summary: null, status: 0,
    currency_code: currency, tax: 0, tax2: 0, tax3: 0, tax_label: null, tax2_label: null, tax3_label: null, compound_tax: false, subtotal: 0, total_cost: 0,
  };
}

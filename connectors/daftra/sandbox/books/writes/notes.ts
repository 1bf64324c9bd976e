/** Notes on records: `POST /notes/{type}/{id}` with `{"Note": {"description": ...}}`. */
import type { DaftraBooks, NoteRow } from "../types.js";
import { nextRowId, stamp, text, type Body, type WriteOutcome } from "./outcome.js";

/** The record kinds a note can go on (assumption: the `type` segment names the record kind). */
const TARGETS: Record<string, (books: DaftraBooks) => ReadonlyArray<{ id: number }>> = {
  client: (b) => b.clients,
  supplier: (b) => b.suppliers,
  invoice: (b) => b.invoices,
  estimate: (b) => b.estimates,
  credit_note: (b) => b.creditNotes,
  purchase_order: (b) => b.purchaseInvoices,
  product: (b) => b.products,
};

export const notesOf = (books: DaftraBooks) => (books.notes ??= []);

export function addNote(books: DaftraBooks, type: string, itemId: number, record: Body, now: Date): WriteOutcome {
  const rows = TARGETS[type]?.(books);
  if (!rows?.some((r) => r.id === itemId)) return { missing: "Item not found" };
  const description = text(record.description).trim();
  if (!description) return { errors: { description: "Note is required" } };
  const notes = notesOf(books);
  const note: NoteRow = { id: nextRowId(notes), item_type: type, item_id: itemId, description, created: stamp(now) };
  notes.push(note);
  return { id: note.id };
}

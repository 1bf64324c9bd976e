import type { ClientaryBooks, InvoiceRecord, ItemRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { documentTotals } from "../totals.js";
import { numberOf, stampOf, text, truthy } from "./fields.js";

/**
 * Rails nested attributes on `invoice_items_attributes`: no id adds a line, an id edits it, an id
 * with `_destroy` removes it. Unknown ids are a 422.
 */
export function applyItems(books: ClientaryBooks, items: ItemRecord[], changes: unknown): ItemRecord[] {
  if (!Array.isArray(changes)) return items;
  let next = [...items];
  changes.forEach((raw, index) => {
    const change = (raw ?? {}) as Record<string, unknown>;
    const id = numberOf(change.id);
    const existing = id === undefined ? undefined : next.find((item) => item.id === id);
    if (id !== undefined && !existing) throw unprocessable({ [`invoice_items[${index}].id`]: ["does not belong to this invoice"] });
    if (existing && truthy(change._destroy)) {
      next = next.filter((item) => item !== existing);
      return;
    }
    const quantity = numberOf(change.quantity) ?? existing?.quantity ?? 1;
    const price = numberOf(change.price) ?? existing?.price ?? 0;
    if (Number.isNaN(quantity) || Number.isNaN(price)) throw unprocessable({ [`invoice_items[${index}]`]: ["quantity and price must be numbers"] });
    const item: ItemRecord = {
      id: existing?.id ?? nextId(books, "item"), title: text(change.title) ?? existing?.title ?? "", quantity, price,
      taxable: change.taxable === undefined ? existing?.taxable ?? false : truthy(change.taxable), item_type: numberOf(change.item_type) ?? existing?.item_type ?? 3,
    };
    next = existing ? next.map((i) => (i === existing ? item : i)) : [...next, item];
  });
  return next;
}

const EDITABLE = ["title", "note", "po", "summary", "currency_code"] as const;

/** PUT /invoices/:id: header fields and nested item changes; totals recomputed. */
export function updateInvoice(books: ClientaryBooks, invoice: InvoiceRecord, body: Record<string, unknown>, now: Date): InvoiceRecord {
  for (const key of EDITABLE) if (key in body) (invoice as unknown as Record<string, unknown>)[key] = text(body[key]);
  if ("date" in body && !text(body.date)) throw unprocessable({ date: ["can't be blank"] });
  if (text(body.date)) invoice.date = text(body.date)!.replace(/-/g, "/");
  if (text(body.due_date)) invoice.due_date = text(body.due_date)!.replace(/-/g, "/");
  invoice.invoice_items = applyItems(books, invoice.invoice_items, body.invoice_items_attributes);
  Object.assign(invoice, documentTotals(invoice.invoice_items, invoice), { updated_at: stampOf(now) });
  return invoice;
}

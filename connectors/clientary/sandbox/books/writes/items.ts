import type { ClientaryBooks, ItemRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { numberOf, text, truthy } from "./fields.js";

const REGULAR = 3;
const ITEM_TYPES = new Set([0, REGULAR]);

/**
 * Rails nested attributes on `<document>_items_attributes`: no id adds a line, an id edits it, an
 * id with `_destroy` removes it. An id that is not one of the document's lines is a 422.
 */
export function applyItems(books: ClientaryBooks, items: ItemRecord[], changes: unknown, key: "invoice_items" | "estimate_items"): ItemRecord[] {
  if (changes === undefined || changes === null) return items;
  if (!Array.isArray(changes)) throw unprocessable({ [`${key}_attributes`]: ["must be a list"] });
  let next = [...items];
  changes.forEach((raw, index) => {
    const change = (raw ?? {}) as Record<string, unknown>;
    const id = numberOf(change.id);
    const existing = id === undefined ? undefined : next.find((item) => item.id === id);
    if (id !== undefined && !existing) throw unprocessable({ [`${key}[${index}].id`]: ["does not belong to this document"] });
    if (existing && truthy(change._destroy)) {
      next = next.filter((item) => item !== existing);
      return;
    }
    const quantity = numberOf(change.quantity) ?? existing?.quantity ?? 1;
    const price = numberOf(change.price) ?? existing?.price ?? 0;
    const itemType = numberOf(change.item_type) ?? existing?.item_type ?? REGULAR;
    if (Number.isNaN(quantity) || Number.isNaN(price)) throw unprocessable({ [`${key}[${index}]`]: ["quantity and price must be numbers"] });
    if (!ITEM_TYPES.has(itemType)) throw unprocessable({ [`${key}[${index}].item_type`]: ["is not included in the list"] });
    const item: ItemRecord = {
      id: existing?.id ?? nextId(books, "item"), title: text(change.title) ?? existing?.title ?? "", quantity, price,
      taxable: change.taxable === undefined ? existing?.taxable ?? false : truthy(change.taxable), item_type: itemType,
    };
    next = existing ? next.map((i) => (i === existing ? item : i)) : [...next, item];
  });
  return next;
}

/** Whether a change to the lines alters what the document charges (titles alone do not). */
export const chargesChanged = (before: readonly ItemRecord[], after: readonly ItemRecord[]) =>
  JSON.stringify(before.map(({ id, quantity, price, taxable, item_type }) => [id, quantity, price, taxable, item_type])) !==
  JSON.stringify(after.map(({ id, quantity, price, taxable, item_type }) => [id, quantity, price, taxable, item_type]));

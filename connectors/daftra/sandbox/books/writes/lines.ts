/** Document item rows (`InvoiceItem` / `PurchaseOrderItem`): checked the way Daftra answers, then stored. */
import { nextId } from "../seed/documents.js";
import type { DaftraBooks, LineRow } from "../types.js";
import { isNumber, text, type Body, type FieldErrors } from "./outcome.js";

export function lineErrors(books: DaftraBooks, items: Body[], key: string): FieldErrors {
  const errors: FieldErrors = {};
  items.forEach((item, i) => {
    const at = (field: string) => `${key}.${i}.${field}`;
    if (!isNumber(item.unit_price)) errors[at("unit_price")] = "Unit price must be a number";
    if (item.quantity !== undefined && !(Number(item.quantity) > 0)) errors[at("quantity")] = "Quantity must be above zero";
    if (item.tax1 && !books.taxes.some((t) => t.id === Number(item.tax1))) errors[at("tax1")] = "Tax not found";
    if (item.product_id && !books.products.some((p) => p.id === Number(item.product_id))) errors[at("product_id")] = "Product not found";
    if (!text(item.item) && !item.product_id) errors[at("item")] = "Item name is required";
    const type = text(item.discount_type || 1);
    if (item.discount !== undefined && item.discount !== null && item.discount !== "") {
      if (type !== "1" && type !== "2") errors[at("discount_type")] = "Discount type must be 1 (percentage) or 2 (amount)";
      else if (!isNumber(item.discount) || Number(item.discount) < 0 || (type === "1" && Number(item.discount) > 100)) errors[at("discount")] = "Discount must be between 0 and 100 percent, or a positive amount";
    }
  });
  return errors;
}

/** Rows for the books; a row without a label takes its product's name. */
export function toLineRows(books: DaftraBooks, items: Body[]): LineRow[] {
  return items.map((item) => {
    const product = books.products.find((p) => p.id === Number(item.product_id));
    const discount = isNumber(item.discount) && Number(item.discount) > 0 ? text(item.discount) : undefined;
    return {
      id: nextId(books, "line"), product_id: product?.id ?? null, item: text(item.item) || product?.name || "",
      description: text(item.description), unit_price: text(item.unit_price), quantity: text(item.quantity ?? 1),
      tax1: item.tax1 ? Number(item.tax1) : null,
      ...(discount ? { discount, discount_type: text(item.discount_type) === "2" ? (2 as const) : (1 as const) } : {}),
    };
  });
}

import { Decimal } from "decimal.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import { decimalString, money } from "../../../src/money/decimal.js";
import type { ClientaryItem } from "../client/schemas/documents.js";
import { orNull } from "./common.js";
import type { LineInput } from "../../../src/connector/inputs.js";

const SECTION_HEADER = 0;

/** Regular items → unified lines; section headers (item type 0) carry no amounts and stay only in `raw`. */
export function toLineItems(items: readonly ClientaryItem[] | null | undefined): LineItem[] {
  return (items ?? []).filter((item) => Number(item.item_type ?? 3) !== SECTION_HEADER).map((item) => {
    const quantity = decimalString(item.quantity ?? null);
    const price = decimalString(item.price ?? null);
    return {
      remoteId: item.id,
      description: orNull(item.title),
      quantity,
      unitAmount: price,
      discountRate: null,
      accountCode: null,
      itemCode: null,
      taxRateCode: item.taxable ? "TAXABLE" : null,
      taxAmount: null,
      lineAmount: quantity && price ? money(new Decimal(quantity).times(price)) : null,
      tracking: [],
    };
  });
}

/** Unified lines → Rails nested attributes: no id adds, an id edits, `_destroy` removes. */
export function toItemAttributes(lines: readonly LineInput[], removedIds: readonly string[] = []) {
  return [
    ...lines.map((line) => ({
      ...(line.remoteId ? { id: Number(line.remoteId) } : {}),
      title: line.description ?? "",
      quantity: line.quantity ?? "1",
      price: line.unitAmount ?? "0",
      taxable: Boolean(line.taxRateCode),
    })),
    ...removedIds.map((id) => ({ id: Number(id), _destroy: true })),
  ];
}

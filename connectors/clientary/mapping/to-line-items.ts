import { Decimal } from "decimal.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import { decimalString, money } from "../../../src/money/decimal.js";
import type { ClientaryItem } from "../client/schemas/documents.js";
import { orNull } from "./common.js";
import type { LineInput } from "../../../src/connector/inputs.js";
import { inputProblems, isDecimal, type InputProblems } from "./input-problems.js";

const SECTION_HEADER = 0;
/** The only tax code a Clientary line has: it takes the document's rates (tax, tax2, tax3), or it does not. */
export const TAXABLE = "TAXABLE";
const UNTAXED = new Set(["", "NONE"]);

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
      taxRateCode: item.taxable ? TAXABLE : null,
      taxAmount: null,
      lineAmount: quantity && price ? money(new Decimal(quantity).times(price)) : null,
      tracking: [],
    };
  });
}

export interface ItemAttributesOptions {
  /** Remote ids of lines to remove (sent with `_destroy`). */
  removedIds?: readonly string[];
  lineAmountType?: LineAmountType | null;
  /** Where the lines sit in the mutation input, for messages. @default "input" */
  at?: string;
}

/** What a line can say that Clientary has no place for. Account codes are not refused: on Clientary's fixed chart every line is a sale. */
function checkLine(line: LineInput, field: string, problems: InputProblems): void {
  const discount = line.discountRate?.trim();
  if (discount && !(isDecimal(discount) && new Decimal(discount).isZero())) {
    problems.add(`${field}.discountRate`, "Clientary lines have no discount; lower the price or add a negative line.");
  }
  if (line.itemCode) problems.add(`${field}.itemCode`, "Clientary has no items catalogue; describe the line instead.");
  if (line.tracking?.length) problems.add(`${field}.tracking`, "Clientary has no tracking categories.");
  const tax = line.taxRateCode?.trim().toUpperCase();
  if (tax !== undefined && tax !== TAXABLE && !UNTAXED.has(tax)) {
    problems.add(`${field}.taxRateCode`, `must be ${TAXABLE} (the document's tax rates apply) or NONE: Clientary sets tax rates on the document, not per line.`);
  }
  for (const key of ["quantity", "unitAmount"] as const) {
    if (line[key] && !isDecimal(line[key]!)) problems.add(`${field}.${key}`, `'${line[key]}' is not a decimal number.`);
  }
  if (!line.remoteId && !line.description?.trim()) problems.add(`${field}.description`, "is required: Clientary lines are titled by their description.");
}

/**
 * Unified lines → Rails nested attributes: no id adds a line, an id edits it (only the fields given),
 * an id with `_destroy` removes it. Throws BAD_USER_INPUT for what Clientary cannot hold.
 */
export function toItemAttributes(lines: readonly LineInput[], options: ItemAttributesOptions = {}, problems = inputProblems()) {
  const at = options.at ?? "input";
  if (options.lineAmountType === LineAmountType.INCLUSIVE) problems.add(`${at}.lineAmountType`, "Clientary prices exclude tax; send EXCLUSIVE or NO_TAX amounts.");
  const noTax = options.lineAmountType === LineAmountType.NO_TAX;
  lines.forEach((line, i) => checkLine(line, `${at}.lines[${i}]`, problems));
  problems.check();
  const attributes = lines.map((line) => {
    const taxable = line.taxRateCode === undefined ? undefined : line.taxRateCode?.trim().toUpperCase() === TAXABLE;
    if (line.remoteId) {
      return {
        id: Number(line.remoteId),
        ...(line.description != null ? { title: line.description } : {}),
        ...(line.quantity != null ? { quantity: line.quantity } : {}),
        ...(line.unitAmount != null ? { price: line.unitAmount } : {}),
        ...(noTax ? { taxable: false } : taxable !== undefined ? { taxable } : {}),
      };
    }
    return { title: line.description ?? "", quantity: line.quantity ?? "1", price: line.unitAmount ?? "0", taxable: !noTax && taxable === true };
  });
  return [...attributes, ...(options.removedIds ?? []).map((id) => ({ id: Number(id), _destroy: true }))];
}

/** Lines an update leaves out are removed, as the unified contract says; Clientary keeps them unless told `_destroy`. */
export function droppedLineIds(currentIds: readonly string[], lines: readonly LineInput[]): string[] {
  const kept = new Set(lines.map((l) => l.remoteId).filter((id): id is string => !!id));
  return currentIds.filter((id) => !kept.has(id));
}

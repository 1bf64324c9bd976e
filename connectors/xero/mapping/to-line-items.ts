import type { LineItem as XeroLineItem } from "xero-node";
import type { LineInput } from "../../../src/connector/inputs.js";

const num = (value: string | null | undefined) => (value === undefined || value === null || value === "" ? undefined : Number(value));
const str = (value: string | null | undefined) => (value === null || value === "" ? undefined : value);

/** Unified line inputs → Xero line items (JSON numbers on the wire; the strings are exact decimals). */
export function toXeroLineItems(lines: LineInput[]): XeroLineItem[] {
  return lines.map((line) => ({
    lineItemID: str(line.remoteId),
    description: str(line.description),
    quantity: num(line.quantity),
    unitAmount: num(line.unitAmount),
    discountRate: num(line.discountRate),
    accountCode: str(line.accountCode),
    itemCode: str(line.itemCode),
    taxType: str(line.taxRateCode),
    tracking: line.tracking?.map((t) => ({ name: t.categoryName, option: t.optionName })),
  }));
}

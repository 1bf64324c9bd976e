import type { LineItem as XeroLineItem } from "xero-node";
import type { LineInput } from "../../../src/connector/inputs.js";
import { wireDecimal } from "../client/exact-decimals.js";

const str = (value: string | null | undefined) => (value === null || value === "" ? undefined : value);

/** Unified line inputs → Xero line items; the decimal strings travel as exact JSON numbers (see `wireDecimal`). */
export function toXeroLineItems(lines: LineInput[]): XeroLineItem[] {
  return lines.map((line) => ({
    lineItemID: str(line.remoteId),
    description: str(line.description),
    quantity: wireDecimal(line.quantity),
    unitAmount: wireDecimal(line.unitAmount),
    discountRate: wireDecimal(line.discountRate),
    accountCode: str(line.accountCode),
    itemCode: str(line.itemCode),
    taxType: str(line.taxRateCode),
    tracking: line.tracking?.map((t) => ({ name: t.categoryName, option: t.optionName })),
  }));
}

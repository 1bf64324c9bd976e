import { Decimal } from "decimal.js";
import { LineAmountType } from "../../../schema/common/document.type.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { contactRefOf, orNull, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";

/** What invoices and estimates share on Clientary's wire. */
export interface ClientaryDocument {
  number?: string | null;
  po?: string | null;
  date?: string | null;
  currency_code?: string | null;
  total_cost?: string | number | null;
  subtotal?: string | number | null;
  client_id?: string | null;
  client?: { id?: string | null; name?: string | null } | null;
}

/**
 * The commercial-document fields of an invoice or estimate. Clientary amounts exclude tax and it
 * does not report the tax itself, so tax is total − subtotal.
 */
export function documentFields(doc: ClientaryDocument, lineItems: LineItem[], ctx: MappingContext) {
  const total = moneyOrZero(doc.total_cost);
  const subTotal = moneyOrZero(doc.subtotal);
  return {
    number: orNull(doc.number),
    reference: orNull(doc.po),
    issueDate: toIsoDate(doc.date),
    currency: doc.currency_code ?? ctx.currency,
    currencyRate: null,
    lineAmountType: LineAmountType.EXCLUSIVE,
    lineItems,
    subTotal,
    totalTax: new Decimal(total).minus(subTotal).toFixed(2),
    total,
    contactRef: contactRefOf(doc.client_id ?? doc.client?.id, doc.client?.name),
  };
}

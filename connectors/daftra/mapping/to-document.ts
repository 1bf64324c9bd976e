import { Decimal } from "decimal.js";
import { LineAmountType, type ContactRef } from "../../../schema/common/document.type.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import type { EntityName } from "../../../src/connector/entities.js";
import { money, moneyOrZero, decimalString } from "../../../src/money/decimal.js";
import { joinName, nodeFields, prefixedId, type MappingContext } from "./common.js";
import { addDays, toIsoDate } from "./dates.js";
import type { DaftraDocument, DaftraLine } from "./wire-schemas.js";

function toLineItem(line: DaftraLine): LineItem {
  const tax = [line.summary_tax1, line.summary_tax2].filter((t): t is string => t !== null);
  return {
    remoteId: line.id,
    description: joinName(line.item, line.description && line.description !== line.item ? `— ${line.description}` : null) || null,
    quantity: decimalString(line.quantity),
    unitAmount: decimalString(line.unit_price),
    discountRate: line.discount_type !== "2" && line.discount && !new Decimal(line.discount).isZero() ? decimalString(line.discount) : null,
    accountCode: null,
    itemCode: line.Product?.product_code ?? line.product_id,
    taxRateCode: line.tax1,
    taxAmount: tax.length ? moneyOrZero(tax.reduce((s, t) => s.plus(t), new Decimal(0))) : null,
    lineAmount: money(line.subtotal),
    tracking: [],
  };
}

/** The party a document points at, with the name from its snapshot fields or the nested party. */
export function partyRef(doc: DaftraDocument, kind: "client" | "supplier"): ContactRef | null {
  const partyId = kind === "client" ? doc.client_id : doc.supplier_id;
  if (!partyId) return null;
  const nested = (doc as Record<string, unknown>)[kind === "client" ? "Client" : "Supplier"] as Record<string, unknown> | undefined;
  const snapshot = (field: string) => (doc as Record<string, unknown>)[`${kind}_${field}`] as string | null | undefined;
  const name = snapshot("business_name") || (nested?.business_name as string | undefined) || joinName(snapshot("first_name") ?? null, snapshot("last_name") ?? null);
  return { remoteId: prefixedId(kind, partyId), name: name || null };
}

export const linesOf = (doc: DaftraDocument) => (doc.PurchaseOrderItem.length ? doc.PurchaseOrderItem : doc.InvoiceItem);

/** Fields every Daftra document maps the same way (invoices, bills, estimates, credit notes). */
export function commonDocument(doc: DaftraDocument, type: EntityName, ctx: MappingContext) {
  const total = moneyOrZero(doc.summary_total);
  const subTotal = new Decimal(doc.summary_subtotal ?? total).minus(doc.summary_discount ?? 0);
  return {
    ...nodeFields(ctx, type, doc.id, doc.modified, doc),
    number: doc.no,
    reference: doc.po_number,
    issueDate: toIsoDate(doc.date ?? doc.issue_date, ctx.dateOrder),
    currency: doc.currency_code ?? "",
    currencyRate: null,
    lineAmountType: LineAmountType.EXCLUSIVE,
    lineItems: linesOf(doc).map(toLineItem),
    subTotal: moneyOrZero(subTotal),
    totalTax: moneyOrZero(new Decimal(total).minus(subTotal)),
    total,
  };
}

/** `due_date` when sent, else `date` + `due_after` days. */
export function dueDateOf(doc: DaftraDocument, ctx: MappingContext): string | null {
  const explicit = toIsoDate(doc.due_date, ctx.dateOrder);
  const issued = toIsoDate(doc.date ?? doc.issue_date, ctx.dateOrder);
  return explicit ?? (issued ? addDays(issued, Number(doc.due_after ?? 0) || 0) : null);
}

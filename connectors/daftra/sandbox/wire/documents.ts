import type { DocRow, LineRow, PaymentRow } from "../books/types.js";
import { docTotals, dueDateOf, lineDiscount, lineSubtotal, lineTax, paymentsOf, settlement } from "../books/totals.js";
import type { WireContext } from "./context.js";
import { partyWire } from "./reference.js";
import { amount4, dateTime, displayDate, str } from "./format.js";

type Wire = Record<string, unknown>;

/** How each document kind appears on the wire: its model, its child models, and the party it points at. */
export const DOC_MODELS = {
  invoice: { model: "Invoice", item: "InvoiceItem", payment: "InvoicePayment", party: "Client", type: 0 },
  estimate: { model: "Estimate", item: "InvoiceItem", payment: undefined, party: "Client", type: 3 },
  credit_note: { model: "CreditNote", item: "InvoiceItem", payment: undefined, party: "Client", type: 5 },
  purchase_invoice: { model: "PurchaseOrder", item: "PurchaseOrderItem", payment: "PurchaseOrderPayment", party: "Supplier", type: 0 },
} as const;

const isPurchase = (doc: DocRow) => doc.kind === "purchase_invoice";

function lineWire(line: LineRow, doc: DocRow, ctx: WireContext): Wire {
  const product = ctx.books.products.find((p) => p.id === line.product_id);
  return {
    id: str(line.id), [isPurchase(doc) ? "purchase_order_id" : "invoice_id"]: str(doc.id), item: line.item, description: line.description,
    product_id: str(line.product_id), unit_price: line.unit_price, quantity: line.quantity, tax1: str(line.tax1), tax2: null,
    summary_tax1: lineTax(line, ctx.books).toFixed(2), summary_tax2: "0", subtotal: lineSubtotal(line).toFixed(2),
    discount: line.discount ?? "0", discount_type: str(line.discount_type ?? 1), calculated_discount: lineDiscount(line).toFixed(2),
    ...(product ? { Product: { id: str(product.id), name: product.name, product_code: product.product_code } } : {}),
  };
}

export function paymentWire(p: PaymentRow, purchase: boolean, ctx: WireContext): Wire {
  return {
    id: str(p.id), [purchase ? "purchase_order_id" : "invoice_id"]: str(p.document_id), [purchase ? "supplier_id" : "client_id"]: str(p.party_id),
    payment_method: p.payment_method, amount: amount4(p.amount), transaction_id: p.transaction_id ?? "", treasury_id: str(p.treasury_id),
    date: dateTime(p.date), status: str(p.status), currency_code: ctx.books.site.currency_code, code: p.code,
    notes: "", staff_id: "0", created: p.created, modified: p.modified,
  };
}

const paymentsTable = (doc: DocRow, ctx: WireContext) => (isPurchase(doc) ? ctx.books.purchasePayments : ctx.books.invoicePayments);

/**
 * One document as Daftra sends it. `depth` 0 nests the party only; 1 also nests items, payments
 * and taxes (what a single read returns, and what lists return with `recursive=1`).
 */
export function documentWire(doc: DocRow, ctx: WireContext, depth: number): Wire {
  const spec = DOC_MODELS[doc.kind];
  const totals = docTotals(doc, ctx.books);
  const payments = spec.payment ? paymentsOf(doc, paymentsTable(doc, ctx)) : [];
  const paid = settlement(totals.total, payments);
  const party = (isPurchase(doc) ? ctx.books.suppliers : ctx.books.clients).find((c) => c.id === doc.party_id);
  const prefix = isPurchase(doc) ? "supplier" : "client";
  const header: Wire = {
    id: str(doc.id), no: doc.no, type: str(spec.type), [`${prefix}_id`]: str(doc.party_id), currency_code: doc.currency_code,
    date: displayDate(doc.date, ctx.dateFormat), issue_date: displayDate(doc.date, ctx.dateFormat), due_after: str(doc.due_after),
    due_date: displayDate(dueDateOf(doc), ctx.dateFormat), draft: str(doc.draft),
    payment_status: doc.kind === "invoice" || isPurchase(doc) ? paid.paymentStatus : null,
    summary_subtotal: totals.subtotal, summary_discount: "0", summary_tax1: totals.tax, summary_total: Number(totals.total),
    summary_paid: paid.paid, summary_unpaid: spec.payment ? paid.unpaid : totals.total, summary_deposit: "0", summary_refund: "0",
    notes: doc.notes, terms: doc.terms ?? "", po_number: doc.po_number || null, estimate_id: str(doc.estimate_id ?? null),
    ...(doc.status !== undefined ? { status: doc.status } : {}),
    [`${prefix}_business_name`]: party?.business_name ?? "", [`${prefix}_first_name`]: party?.first_name ?? "",
    [`${prefix}_last_name`]: party?.last_name ?? "", [`${prefix}_email`]: party?.email ?? "",
    created: doc.created, modified: doc.modified,
  };
  if (depth >= 0 && party) header[spec.party] = partyWire(party, isPurchase(doc) ? "supplier_number" : "client_number");
  if (depth >= 1) {
    header[spec.item] = doc.lines.map((line) => lineWire(line, doc, ctx));
    if (spec.payment) header[spec.payment] = paymentsTable(doc, ctx).filter((p) => p.document_id === doc.id).map((p) => paymentWire(p, isPurchase(doc), ctx));
    header[isPurchase(doc) ? "PurchaseOrderTax" : "InvoiceTax"] = totals.taxes.map(({ taxId, amount }) => {
      const tax = ctx.books.taxes.find((t) => t.id === taxId);
      return { tax_id: str(taxId), name: tax?.name ?? "", value: tax?.value ?? "0", invoice_value: amount };
    });
  }
  return header;
}

import { describe, expect, it } from "vitest";
import { unwrap } from "../client/envelope.js";
import { toDaftraInvoice, toUnifiedBill, toUnifiedInvoice } from "./to-invoice.js";
import { toUnifiedCreditNote, toUnifiedQuote } from "./to-quote.js";
import { documentSchema } from "./wire-schemas.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };
const doc = (wire: Record<string, unknown>) =>
  documentSchema.parse({ id: "7", no: "000007", client_id: "3", currency_code: "SAR", date: "01/10/2026", due_after: "30", draft: "0", summary_subtotal: "100.00", summary_total: 115, ...wire });
const invoice = (wire: Record<string, unknown>) => toUnifiedInvoice(doc(wire), ctx);

describe("toUnifiedInvoice: status", () => {
  it.each([
    [{ draft: "1", payment_status: 0 }, "DRAFT"],
    [{ payment_status: -1 }, "DRAFT"],
    [{ payment_status: 0 }, "AUTHORISED"],
    [{ payment_status: "" }, "AUTHORISED"],
    [{ payment_status: null, summary_paid: "0" }, "AUTHORISED"],
    [{ payment_status: 1, summary_paid: "50" }, "PARTIALLY_PAID"],
    [{ payment_status: null, summary_paid: "50" }, "PARTIALLY_PAID"],
    [{ payment_status: "2", summary_paid: "115" }, "PAID"],
    [{ payment_status: 4, summary_paid: "120" }, "PAID"],
    [{ payment_status: 3 }, "VOIDED"],
  ])("%j → %s", (wire, status) => {
    expect(invoice(wire).status).toBe(status);
  });
});

describe("toUnifiedInvoice: amounts and dates", () => {
  it.each([
    [{ payment_status: 0, summary_paid: "0", summary_unpaid: "115" }, "2026-10-31", "115.00", true],
    [{ payment_status: 1, summary_paid: "15", summary_unpaid: "100" }, "2026-10-31", "100.00", true],
    [{ payment_status: 0, due_after: "60" }, "2026-11-30", "115.00", false],
    [{ payment_status: 0, due_date: "20/11/2026" }, "2026-11-20", "115.00", false],
    [{ payment_status: 2, summary_paid: "115", summary_unpaid: "0" }, "2026-10-31", "0.00", false],
    [{ draft: "1" }, "2026-10-31", "115.00", false],
  ])("%j → due %s, amountDue %s, overdue %s", (wire, dueDate, amountDue, overdue) => {
    expect(invoice(wire)).toMatchObject({ dueDate, amountDue, isOverdue: overdue });
  });

  it("maps header, totals, lines and nested payments", () => {
    const unified = invoice({
      payment_status: 2, summary_paid: "115", summary_unpaid: "0", client_business_name: "Haddad Trading", po_number: "PO-9",
      InvoiceItem: [{ id: "70", item: "Desk", description: "Desk", product_id: "2", unit_price: "100", quantity: "1", tax1: "1", summary_tax1: "15", subtotal: "100", Product: { id: "2", product_code: "P-002" } }],
      InvoicePayment: [
        { id: "5", amount: "60.0000", date: "2026-10-05 00:00:00", status: "1", code: "000005" },
        { id: "6", amount: "55.0000", date: "2026-10-09 00:00:00", status: "1", code: "000006" },
        { id: "9", amount: "1.0000", date: "2026-10-10 00:00:00", status: "0", code: "000009" },
      ],
    });
    expect(unified).toMatchObject({
      number: "000007", reference: "PO-9", issueDate: "2026-10-01", currency: "SAR", subTotal: "100.00", totalTax: "15.00", total: "115.00",
      amountPaid: "115.00", fullyPaidOn: "2026-10-09", contactRef: { remoteId: "client:3", name: "Haddad Trading" },
      lineItems: [{ remoteId: "70", description: "Desk", quantity: "1", unitAmount: "100", itemCode: "P-002", taxRateCode: "1", taxAmount: "15.00", lineAmount: "100.00" }],
    });
    expect(unified.payments.map((p) => [p.remoteId, p.amount, p.date])).toEqual([["5", "60.00", "2026-10-05"], ["6", "55.00", "2026-10-09"]]);
  });

  it("accepts child rows as siblings of the model as well as nested in it", () => {
    const item = { id: "70", item: "Desk", unit_price: "100", quantity: "1", subtotal: "100" };
    const nested = unwrap({ Invoice: { id: "7", InvoiceItem: [item] } }, "Invoice");
    const siblings = unwrap({ Invoice: { id: "7" }, InvoiceItem: [item] }, "Invoice");
    expect(documentSchema.parse(siblings).InvoiceItem).toEqual(documentSchema.parse(nested).InvoiceItem);
  });
});

describe("other documents", () => {
  it("maps a purchase invoice to a Bill with its supplier and nested payments", () => {
    const bill = toUnifiedBill(doc({ client_id: null, supplier_id: "4", supplier_business_name: "Zayed Supply", payment_status: 1, summary_paid: "15",
      PurchaseOrderItem: [{ id: "1", item: "Chair", unit_price: "100", quantity: "1", subtotal: "100" }],
      PurchaseOrderPayment: [{ id: "3", amount: "15", date: "2026-10-02 00:00:00", status: "1" }] }), ctx);
    expect(bill).toMatchObject({ status: "PARTIALLY_PAID", contactRef: { remoteId: "supplier:4", name: "Zayed Supply" }, amountPaid: "15.00", amountDue: "100.00" });
    expect(bill.payments[0]).toMatchObject({ remoteId: "3", paymentId: null });
  });

  it.each([
    [{ draft: "1" }, "DRAFT"], [{ status: "0" }, "SENT"], [{ status: "1" }, "ACCEPTED"], [{ status: "2" }, "DECLINED"], [{ status: "3" }, "INVOICED"], [{}, "SENT"],
  ])("estimate %j → %s", (wire, status) => {
    expect(toUnifiedQuote(doc(wire), ctx)).toMatchObject({ status, expiryDate: "2026-10-31" });
  });

  it("maps a credit note with its whole total as remaining credit", () => {
    expect(toUnifiedCreditNote(doc({ no: "CN000001" }), ctx)).toMatchObject({ kind: "SALES", status: "AUTHORISED", remainingCredit: "115.00", number: "CN000001", allocations: [] });
  });
});

describe("toDaftraInvoice", () => {
  it.each([
    [{ type: "INVOICE", contactRemoteId: "client:3", lines: [{ description: "Desk", quantity: "2", unitAmount: "100.00", taxRateCode: "1" }] },
      { Invoice: { client_id: "3", draft: 0 }, InvoiceItem: [{ item: "Desk", quantity: "2", unit_price: "100.00", tax1: "1" }] }],
    [{ type: "INVOICE", contactRemoteId: "client:3", status: "DRAFT", issueDate: "2026-10-01", dueDate: "2026-10-31", number: "A-1", reference: "PO", currency: "USD", lines: [{ itemCode: "5", discountRate: "10" }] },
      { Invoice: { client_id: "3", draft: 1, date: "2026-10-01", due_after: 30, no: "A-1", po_number: "PO", currency_code: "USD" },
        InvoiceItem: [{ item: "", quantity: "1", unit_price: "0", product_id: "5", discount: "10", discount_type: 1 }] }],
    [{ type: "BILL", contactRemoteId: "supplier:4", lines: [] }, { PurchaseOrder: { supplier_id: "4", draft: 0 }, PurchaseOrderItem: [] }],
  ])("%j → %j", (input, expected) => {
    expect(toDaftraInvoice(input as never)).toEqual(expected);
  });
});

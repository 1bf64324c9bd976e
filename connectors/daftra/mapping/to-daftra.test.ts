import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import { describe, expect, it } from "vitest";
import { toDaftraPartyChanges } from "./to-contact.js";
import { estimateFields, headerOf, itemsOf, toDaftraCreditNote, toDaftraItems, toDaftraQuote } from "./to-daftra-document.js";
import { toDaftraExpenseFields, toDaftraInvoicePayment, toDaftraProduct, toDaftraStockIn } from "./to-daftra-records.js";
import { documentSchema, lineSchema } from "./wire-schemas.js";

describe("toDaftraItems", () => {
  it.each([
    [[{ description: "Desk", quantity: "2", unitAmount: "10.00", taxRateCode: "1" }], false, [{ item: "Desk", quantity: "2", unit_price: "10.00", tax1: "1" }]],
    [[{ itemCode: "P-002", taxRateCode: "1" }], false, [{ item: "", quantity: "1", unit_price: "0", product_id: "2" }].map((i) => ({ ...i, tax1: "1" }))],
    [[{ itemCode: "7", discountRate: "5" }], false, [{ item: "", quantity: "1", unit_price: "0", product_id: "7", discount: "5", discount_type: 1 }]],
    [[{ description: "No tax", unitAmount: "3", taxRateCode: "1" }], true, [{ item: "No tax", quantity: "1", unit_price: "3" }]],
  ])("%j (no tax: %s) → %j", (lines, noTax, expected) => {
    expect(toDaftraItems(lines, new Map([["P-002", "2"]]), noTax)).toEqual(expected);
  });

  it("sends a document's current items back as they are", () => {
    const lines = [lineSchema.parse({ id: "9", item: "Chair", description: "Grey", product_id: "1", unit_price: "450.00", quantity: "2", tax1: "1", discount: "0", discount_type: "1" })];
    expect(itemsOf(lines)).toEqual([{ item: "Chair", description: "Grey", product_id: "1", unit_price: "450.00", quantity: "2", tax1: "1" }]);
    expect(itemsOf(lines, true)[0]).not.toHaveProperty("tax1");
  });
});

describe("document headers", () => {
  const doc = documentSchema.parse({ id: "5", no: "000005", client_id: "3", date: "01/10/2026", due_after: "14", draft: "0", notes: "n", currency_code: "SAR", status: "1", terms: "t" });

  it("reads back the header an edit must resend, dates in ISO", () => {
    expect(headerOf("invoice", doc)).toEqual({ client_id: "3", date: "2026-10-01", due_after: 14, draft: 0, no: "000005", po_number: "", currency_code: "SAR", notes: "n" });
    expect(headerOf("estimate", doc)).toMatchObject({ terms: "t", status: "1" });
  });

  it.each([
    [{ status: "ACCEPTED" }, { draft: 0, status: "1" }],
    [{ status: "DRAFT", summary: null }, { draft: 1, status: "0", notes: "" }],
    [{ expiryDate: "2026-10-31" }, { due_after: 30 }],
    [{ issueDate: "2026-10-10", expiryDate: "2026-10-31", reference: "R" }, { date: "2026-10-10", due_after: 21, po_number: "R" }],
  ])("estimate changes %j → %j", (changes, expected) => {
    expect(estimateFields(changes as never, "2026-11-15", "2026-10-01")).toEqual(expected);
  });

  it("builds quote and credit note bodies", () => {
    expect(toDaftraQuote({ contactRemoteId: "client:8", status: "SENT", terms: "cash", lines: [{ description: "Refit", unitAmount: "5" }] }, new Map(), "2026-11-15")).toEqual({
      Estimate: { client_id: "8", draft: 0, status: "0", terms: "cash" }, InvoiceItem: [{ item: "Refit", unit_price: "5", quantity: "1" }],
    });
    expect(toDaftraCreditNote({ kind: "SALES", contactRemoteId: "client:3", status: InvoiceStatus.DRAFT, number: "CN-9", lines: [] }, new Map())).toEqual({
      CreditNote: { client_id: "3", draft: 1, no: "CN-9" }, InvoiceItem: [],
    });
  });
});

describe("record bodies", () => {
  it.each([
    [{ email: null }, { Client: { email: "" } }],
    [{ name: "Renamed", phones: [{ number: "1" }] }, { Client: { business_name: "Renamed", phone1: "1", phone2: "" } }],
    [{ addresses: [] }, { Client: { address1: "", address2: "", city: "", state: "", postal_code: "", country_code: "" } }],
  ])("contact changes %j → %j", (changes, expected) => {
    expect(toDaftraPartyChanges(changes, "client")).toEqual(expected);
  });

  it("maps payments, expenses, products and stock", () => {
    expect(toDaftraInvoicePayment({ documentType: "INVOICE", documentRemoteId: "7", accountCode: "1201", date: "2026-11-01", amount: "5.00" }, { id: "1", method: "bank" })).toEqual({
      InvoicePayment: { invoice_id: "7", amount: "5.00", date: "2026-11-01", payment_method: "bank", treasury_id: "1", status: 1 },
    });
    expect(toDaftraExpenseFields({ amount: "10.00", taxRateCode: null, contactRemoteId: "client:4", category: "Rent" }, { treasuryId: "2", journalAccountId: "502" })).toEqual({
      amount: "10.00", tax1_included: 0, tax1_id: "", client_id: "4", category: "Rent", treasury_id: "2", journal_account_id: "502",
    });
    expect(toDaftraProduct({ code: "P-1", name: "Lamp", salesUnitPrice: "9.00", isTracked: true })).toEqual({ Product: { name: "Lamp", product_code: "P-1", type: 1, track_stock: 1, unit_price: "9.00" } });
    expect(toDaftraStockIn({ itemRemoteId: "4", quantity: "3", warehouseRemoteId: "1" }, { price: "2.00", date: "2026-11-01", journalAccountId: "104" })).toEqual({
      StockTransaction: { product_id: "4", transaction_type: 1, source_type: 1, quantity: "3", price: "2.00", date: "2026-11-01", store_id: "1", journal_account_id: "104" },
    });
  });
});

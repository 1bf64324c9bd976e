import { describe, expect, it } from "vitest";
import { toUnifiedExpense } from "./to-expense.js";
import { toUnifiedItem } from "./to-item.js";
import { toUnifiedPayment } from "./to-payment.js";
import { accountClassOf, toUnifiedAccount, toUnifiedTaxRate, toUnifiedTreasury } from "./to-reference-data.js";
import { expenseSchema, journalAccountSchema, paymentSchema, productSchema, taxSchema, treasurySchema } from "./wire-schemas.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };

describe("toUnifiedExpense", () => {
  it.each([
    [{ amount: "115.00", tax1_id: "1", tax1_amount: "15.00", tax1_included: "1" }, "EXPENSE", "100.00", "15.00", "115.00"],
    [{ amount: "100.00", tax1_id: "1", tax1_amount: "15.00", tax1_included: "0" }, "EXPENSE", "100.00", "15.00", "115.00"],
    [{ amount: 80 }, "EXPENSE", "80.00", "0.00", "80.00"],
    [{ amount: "50.00", is_income: "1" }, "INCOME", "50.00", "0.00", "50.00"],
  ])("%j → %s %s + %s = %s", (wire, kind, subTotal, totalTax, total) => {
    expect(toUnifiedExpense(expenseSchema.parse({ id: "4", currency_code: "SAR", ...wire }), ctx)).toMatchObject({ kind, subTotal, totalTax, total });
  });

  it("names its treasury, client and category", () => {
    const expense = toUnifiedExpense(expenseSchema.parse({ id: 4, amount: "10", date: "2026-03-04", category: "Rent", treasury_id: "1", client_id: "9", vendor: "Landlord", note: "March" }), ctx);
    expect(expense).toMatchObject({ date: "2026-03-04", category: "Rent", description: "March", paidFrom: { remoteId: "treasury:1" }, contactRef: { remoteId: "client:9" } });
  });
});

describe("toUnifiedPayment", () => {
  it.each([["1", "AUTHORISED"], ["2", "AUTHORISED"], ["0", "DELETED"], ["3", "DELETED"]])("status %s → %s", (status, expected) => {
    expect(toUnifiedPayment(paymentSchema.parse({ id: "1", status }), ctx).status).toBe(expected);
  });

  it("points at its invoice and client", () => {
    const payment = toUnifiedPayment(paymentSchema.parse({ id: 116, invoice_id: "7", client_id: "3", amount: "32999.9961", date: "2026-05-02 00:00:00", status: "1", currency_code: "SAR", code: "000116", treasury_id: "1" }), ctx);
    expect(payment).toMatchObject({ amount: "33000.00", date: "2026-05-02", direction: "RECEIVED", documentType: "INVOICE", reference: "000116", contactRef: { remoteId: "client:3" }, accountCode: "treasury:1" });
    expect(payment.documentId).toBeTruthy();
  });
});

describe("reference data", () => {
  it.each([["1101", "ASSET"], ["2102", "LIABILITY"], ["3101", "EQUITY"], ["4101", "REVENUE"], ["5201", "EXPENSE"], [null, "EXPENSE"]] as const)("code %s → %s", (code, cls) => {
    expect(accountClassOf(code)).toBe(cls);
  });

  it("maps journal accounts, treasuries and taxes", () => {
    expect(toUnifiedAccount(journalAccountSchema.parse({ id: "101", code: "1101", name: "Receivables", disabled: "1" }), ctx)).toMatchObject({ status: "ARCHIVED", isBankAccount: false, class: "ASSET" });
    expect(toUnifiedTreasury(treasurySchema.parse({ id: 2, name: "Cash Box", type: "3", type_name: "Cash" }), ctx, "1202")).toMatchObject({ remoteId: "treasury:2", code: "1202", type: "CASH", isBankAccount: true });
    expect(toUnifiedTaxRate(taxSchema.parse({ id: "1", name: "VAT", value: 15, included: "0" }), ctx)).toMatchObject({ code: "1", rate: "15.0000", name: "VAT" });
    expect(toUnifiedTaxRate(taxSchema.parse({ id: "2", name: "VAT", value: "5", included: "1" }), ctx).name).toBe("VAT (inclusive)");
  });

  it.each([
    [{ track_stock: "1", stock_balance: "42" }, true, "42"],
    [{ track_stock: "0", stock_balance: "0" }, false, null],
  ])("product %j → tracked %s, on hand %s", (wire, tracked, onHand) => {
    const item = toUnifiedItem(productSchema.parse({ id: "1", name: "Desk", unit_price: "100", buy_price: "60", product_code: "P-1", ...wire }), ctx);
    expect(item).toMatchObject({ isTracked: tracked, quantityOnHand: onHand, salesUnitPrice: "100.00", purchaseUnitPrice: "60.00", code: "P-1" });
  });
});

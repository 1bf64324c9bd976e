import { describe, expect, it } from "vitest";
import type { Account, Item, Payment, TaxRate, TrackingCategory } from "xero-node";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { fromWire, msDate } from "../testing/from-wire.js";
import { toUnifiedItem } from "./to-item.js";
import { toUnifiedPayment } from "./to-payment.js";
import { toUnifiedAccount, toUnifiedTaxRate, toUnifiedTrackingCategory } from "./to-reference-data.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };

describe("toUnifiedPayment", () => {
  const map = (json: Record<string, unknown>) => toUnifiedPayment(fromWire<Payment>({ PaymentID: "p-1", Amount: 20, ...json }, "Payment"), ctx);
  it.each([
    ["ACCRECPAYMENT", { Invoice: { InvoiceID: "i-1", Type: "ACCREC" } }, "RECEIVED", "INVOICE", "Invoice"],
    ["ACCPAYPAYMENT", { Invoice: { InvoiceID: "i-2", Type: "ACCPAY" } }, "PAID", "BILL", "Bill"],
    ["ARCREDITPAYMENT", { CreditNote: { CreditNoteID: "cn-1" } }, "PAID", "CREDIT_NOTE", "CreditNote"],
    ["APCREDITPAYMENT", { CreditNote: { CreditNoteID: "cn-2" } }, "RECEIVED", "CREDIT_NOTE", "CreditNote"],
    ["ARCREDITPAYMENT", { Invoice: { InvoiceID: "cn-3", Type: "ACCRECCREDIT", InvoiceNumber: "CN-0005" } }, "PAID", "CREDIT_NOTE", "CreditNote"],
  ])("%s → direction and paid document", (paymentType, target, direction, documentType, globalType) => {
    const payment = map({ PaymentType: paymentType, ...target });
    expect(payment).toMatchObject({ direction, documentType });
    expect(fromGlobalId(payment.documentId!).type).toBe(globalType);
  });
  it.each([["AUTHORISED", "AUTHORISED"], ["DELETED", "DELETED"], [undefined, "AUTHORISED"]])("status %s → %s", (status, expected) => {
    expect(map({ Status: status }).status).toBe(expected);
  });
  it("maps the payment and its contact through the invoice", () => {
    const payment = map({
      Date: msDate("2026-11-03"), Reference: "dd", IsReconciled: false, Account: { AccountID: "a-1", Code: "090" },
      Invoice: { InvoiceID: "i-1", InvoiceNumber: "INV-1", Type: "ACCREC", CurrencyCode: "NZD", Contact: { ContactID: "c-1", Name: "Acme" } },
    });
    expect(payment).toMatchObject({
      date: "2026-11-03", amount: "20.00", currency: "NZD", reference: "dd", accountCode: "090", isReconciled: false,
      documentNumber: "INV-1", contactRef: { remoteId: "c-1", name: "Acme" },
    });
    expect(map({})).toMatchObject({ documentType: "OTHER", documentId: null, contactRef: null, direction: "RECEIVED" });
  });
});

describe("reference data and items", () => {
  it.each([
    [{ Type: "BANK", Class: "ASSET", Status: "ACTIVE", BankAccountNumber: "12-34" }, { type: "BANK", class: "ASSET", status: "ACTIVE", isBankAccount: true, bankAccountNumber: "12-34" }],
    [{ Type: "REVENUE", Class: "REVENUE", Status: "ARCHIVED", TaxType: "OUTPUT2" }, { type: "REVENUE", class: "REVENUE", status: "ARCHIVED", isBankAccount: false, taxRateCode: "OUTPUT2" }],
    [{ Type: "CURRLIAB", Class: "LIABILITY" }, { class: "LIABILITY", status: "ACTIVE", code: null }],
  ])("account %j", (json, expected) => {
    const account = toUnifiedAccount(fromWire<Account>({ AccountID: "a-1", Name: "Acc", ...json }, "Account"), ctx);
    expect(account).toMatchObject({ name: "Acc", ...expected });
  });

  it("tax rate: the TaxType code is the id", () => {
    const rate = toUnifiedTaxRate(fromWire<TaxRate>({
      Name: "GST on Income", TaxType: "OUTPUT2", Status: "ACTIVE", EffectiveRate: 15, DisplayTaxRate: 15,
      TaxComponents: [{ Name: "GST", Rate: 15, IsCompound: false }],
    }, "TaxRate"), ctx);
    expect(fromGlobalId(rate.id).remoteId).toBe("OUTPUT2");
    expect(rate).toMatchObject({ code: "OUTPUT2", rate: "15", status: "ACTIVE", components: [{ name: "GST", rate: "15", isCompound: false }] });
  });

  it("tracking category with options", () => {
    const category = toUnifiedTrackingCategory(fromWire<TrackingCategory>({
      TrackingCategoryID: "tc-1", Name: "Region", Status: "ACTIVE", Options: [{ TrackingOptionID: "o-1", Name: "North", Status: "ACTIVE" }],
    }, "TrackingCategory"), ctx);
    expect(category).toMatchObject({ name: "Region", status: "ACTIVE", options: [{ remoteId: "o-1", name: "North", status: "ACTIVE" }] });
  });

  it.each([
    [{ IsTrackedAsInventory: true, QuantityOnHand: 12.5 }, { isTracked: true, quantityOnHand: "12.5" }],
    [{ IsTrackedAsInventory: false }, { isTracked: false, quantityOnHand: null }],
    [{}, { isTracked: false, isSold: true, isPurchased: true, purchaseUnitPrice: null }],
  ])("item %j", (json, expected) => {
    const item = toUnifiedItem(fromWire<Item>({
      ItemID: "it-1", Code: "W-1", Name: "Widget", SalesDetails: { UnitPrice: 9.9875, AccountCode: "200" }, ...json,
    }, "Item"), ctx);
    expect(item).toMatchObject({ code: "W-1", name: "Widget", salesUnitPrice: "9.9875", salesAccountCode: "200", ...expected });
  });
});

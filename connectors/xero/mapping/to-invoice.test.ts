import { describe, expect, it } from "vitest";
import type { Invoice as XeroInvoice } from "xero-node";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { fromWire, msDate } from "../testing/from-wire.js";
import { toUnifiedInvoice, toXeroInvoice } from "./to-invoice.js";
import { toWireJson } from "./wire-json.js";
import { rawOf } from "../../../src/connector/raw.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T12:00:00Z") };
const base = {
  InvoiceID: "inv-1",
  Type: "ACCREC",
  InvoiceNumber: "INV-0001",
  Contact: { ContactID: "c-1", Name: "Acme" },
  Date: msDate("2026-10-01"),
  DueDate: msDate("2026-10-31"),
  Status: "AUTHORISED",
  LineAmountTypes: "Exclusive",
  CurrencyCode: "NZD",
  SubTotal: 100,
  TotalTax: 15,
  Total: 115,
  AmountDue: 115,
  AmountPaid: 0,
  AmountCredited: 0,
  UpdatedDateUTC: `/Date(${Date.parse("2026-10-02T03:04:05Z")}+0000)/`,
  LineItems: [
    { LineItemID: "l-1", Description: "Widget", Quantity: 2, UnitAmount: 50, AccountCode: "200", TaxType: "OUTPUT2", TaxAmount: 15, LineAmount: 100,
      Tracking: [{ TrackingCategoryID: "tc-1", TrackingOptionID: "to-1", Name: "Region", Option: "North" }] },
  ],
};
const map = (overrides: Record<string, unknown>) => toUnifiedInvoice(fromWire<XeroInvoice>({ ...base, ...overrides }, "Invoice"), ctx);

describe("toUnifiedInvoice", () => {
  it.each([
    ["DRAFT", {}, "DRAFT"],
    ["SUBMITTED", {}, "SUBMITTED"],
    ["AUTHORISED", {}, "AUTHORISED"],
    ["AUTHORISED", { AmountPaid: 15, AmountDue: 100 }, "PARTIALLY_PAID"],
    ["AUTHORISED", { AmountCredited: 0.01, AmountDue: 114.99 }, "PARTIALLY_PAID"],
    ["PAID", { AmountPaid: 115, AmountDue: 0 }, "PAID"],
    ["VOIDED", {}, "VOIDED"],
    ["DELETED", {}, "DELETED"],
  ])("status %s %j → %s", (status, amounts, expected) => {
    expect(map({ Status: status, ...amounts }).status).toBe(expected);
  });

  it.each([
    ["Exclusive", "EXCLUSIVE"],
    ["Inclusive", "INCLUSIVE"],
    ["NoTax", "NO_TAX"],
    [undefined, "EXCLUSIVE"],
  ])("line amount type %s → %s", (lineAmountTypes, expected) => {
    expect(map({ LineAmountTypes: lineAmountTypes }).lineAmountType).toBe(expected);
  });

  it.each([
    ["/Date()/ (xero-node Date objects)", msDate("2026-10-01"), msDate("2026-10-31"), "2026-10-01", "2026-10-31"],
    ["ISO strings", "2026-10-01T00:00:00", "2026-10-31T00:00:00", "2026-10-01", "2026-10-31"],
    ["missing", undefined, undefined, null, null],
  ])("dates from %s", (_label, date, dueDate, issueDate, expectedDue) => {
    const invoice = map({ Date: date, DueDate: dueDate });
    expect(invoice.issueDate).toBe(issueDate);
    expect(invoice.dueDate).toBe(expectedDue);
  });

  it.each([
    ["open and past due", {}, true],
    ["partly paid and past due", { AmountPaid: 15, AmountDue: 100 }, true],
    ["due in the future", { DueDate: msDate("2026-12-01") }, false],
    ["due today", { DueDate: msDate("2026-11-15") }, false],
    ["paid", { Status: "PAID", AmountDue: 0, AmountPaid: 115 }, false],
    ["draft", { Status: "DRAFT" }, false],
    ["no due date", { DueDate: undefined }, false],
  ])("isOverdue when %s", (_label, overrides, expected) => {
    expect(map(overrides).isOverdue).toBe(expected);
  });

  it("maps the whole record", () => {
    const invoice = map({ Reference: "PO 7", Payments: [{ PaymentID: "p-1", Date: msDate("2026-10-05"), Amount: 15, Reference: "dd" }], AmountPaid: 15, AmountDue: 100 });
    expect(fromGlobalId(invoice.id)).toEqual({ organizationId: "org-1", type: "Invoice", remoteId: "inv-1" });
    expect(invoice).toMatchObject({
      remoteId: "inv-1", provider: "XERO", updatedAt: "2026-10-02T03:04:05.000Z", number: "INV-0001", reference: "PO 7",
      currency: "NZD", subTotal: "100.00", totalTax: "15.00", total: "115.00", amountDue: "100.00", amountPaid: "15.00", amountCredited: "0.00",
      contactRef: { remoteId: "c-1", name: "Acme" },
      payments: [{ remoteId: "p-1", date: "2026-10-05", amount: "15.00", reference: "dd" }],
      lineItems: [{ remoteId: "l-1", description: "Widget", quantity: "2", unitAmount: "50", accountCode: "200", taxRateCode: "OUTPUT2", taxAmount: "15.00", lineAmount: "100.00",
        tracking: [{ categoryRemoteId: "tc-1", categoryName: "Region", optionRemoteId: "to-1", optionName: "North" }] }],
    });
    expect(fromGlobalId(invoice.payments[0].paymentId!).type).toBe("Payment");
  });

  it("keeps the provider record as PascalCase wire JSON", () => {
    const raw = rawOf(map({}).raw) as Record<string, unknown>;
    expect(raw).toMatchObject({ InvoiceID: "inv-1", Type: "ACCREC", Date: msDate("2026-10-01"), Contact: { ContactID: "c-1", Name: "Acme" } });
    expect(raw).not.toHaveProperty("invoiceID");
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  });

  it("maps ACCPAY to a Bill and tolerates missing optional fields", () => {
    const bill = toUnifiedInvoice(fromWire<XeroInvoice>({ InvoiceID: "b-1", Type: "ACCPAY" }, "Invoice"), ctx);
    expect(fromGlobalId(bill.id).type).toBe("Bill");
    expect(bill).toMatchObject({
      number: null, reference: null, contactRef: null, lineItems: [], payments: [], status: "DRAFT", total: "0.00", amountDue: "0.00",
      updatedAt: null, fullyPaidOn: null, sentToContact: null, isOverdue: false,
    });
  });

  it("refuses a record without its id", () => {
    expect(() => toUnifiedInvoice(fromWire<XeroInvoice>({ Type: "ACCREC" }, "Invoice"), ctx)).toThrow(/InvoiceID/);
  });
});

describe("toXeroInvoice", () => {
  const lines = [{ description: "Consulting", quantity: "1.5", unitAmount: "120.25", accountCode: "200", taxRateCode: "OUTPUT2", tracking: [{ categoryName: "Region", optionName: "North" }] }];
  it.each([
    [{ type: "INVOICE" as const }, { Type: "ACCREC" }],
    [{ type: "BILL" as const }, { Type: "ACCPAY" }],
    [{ type: "INVOICE" as const, lineAmountType: "INCLUSIVE" as const }, { LineAmountTypes: "Inclusive" }],
    [{ type: "INVOICE" as const, lineAmountType: "NO_TAX" as const }, { LineAmountTypes: "NoTax" }],
    [{ type: "INVOICE" as const, lineAmountType: "EXCLUSIVE" as const }, { LineAmountTypes: "Exclusive" }],
    [{ type: "INVOICE" as const, status: "AUTHORISED" as const }, { Status: "AUTHORISED" }],
    [{ type: "INVOICE" as const, issueDate: "2026-11-01", dueDate: "2026-11-30", reference: "R1", currency: "AUD", number: "INV-9" },
      { Date: "2026-11-01", DueDate: "2026-11-30", Reference: "R1", CurrencyCode: "AUD", InvoiceNumber: "INV-9" }],
  ])("%j → %j", (input, expected) => {
    const wire = toWireJson(toXeroInvoice({ contactRemoteId: "c-1", lines, ...input } as Parameters<typeof toXeroInvoice>[0]), "Invoice");
    expect(wire).toMatchObject({ Contact: { ContactID: "c-1" }, ...expected });
    // Decimals show as their exact digits; on the wire they are JSON numbers (see client/exact-decimals.ts).
    expect(wire.LineItems).toEqual([
      { Description: "Consulting", Quantity: "1.5", UnitAmount: "120.25", AccountCode: "200", TaxType: "OUTPUT2", Tracking: [{ Name: "Region", Option: "North" }] },
    ]);
  });

  it("leaves absent fields out so Xero applies its defaults", () => {
    const wire = toWireJson(toXeroInvoice({ type: "INVOICE", contactRemoteId: "c-1", lines: [] }), "Invoice");
    expect(Object.keys(wire).sort()).toEqual(["Contact", "LineItems", "Type"]);
  });
});

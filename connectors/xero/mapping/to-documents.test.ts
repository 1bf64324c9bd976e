import { describe, expect, it } from "vitest";
import type { BankTransaction, CreditNote, PurchaseOrder, Quote } from "xero-node";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { fromWire, msDate } from "../testing/from-wire.js";
import { toUnifiedBankTransaction } from "./to-bank-transaction.js";
import { toUnifiedCreditNote } from "./to-credit-note.js";
import { toUnifiedPurchaseOrder } from "./to-purchase-order.js";
import { toUnifiedQuote } from "./to-quote.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T00:00:00Z") };
const contact = { ContactID: "c-1", Name: "Acme" };

describe("toUnifiedQuote", () => {
  const map = (json: Record<string, unknown>) => toUnifiedQuote(fromWire<Quote>({ QuoteID: "q-1", Contact: contact, ...json }, "Quote"), ctx);
  it.each(["DRAFT", "SENT", "ACCEPTED", "DECLINED", "INVOICED", "DELETED"])("status %s", (status) => {
    expect(map({ Status: status }).status).toBe(status);
  });
  it.each([
    ["EXCLUSIVE", "EXCLUSIVE"],
    ["INCLUSIVE", "INCLUSIVE"],
    ["NOTAX", "NO_TAX"],
    [undefined, "EXCLUSIVE"],
  ])("upper-case line amount type %s → %s", (value, expected) => {
    expect(map({ LineAmountTypes: value }).lineAmountType).toBe(expected);
  });
  it.each([
    ["/Date(ms)/ without offset", { Date: `/Date(${Date.parse("2026-02-01T00:00:00Z")})/` }, "2026-02-01"],
    ["only the space-separated DateString", { DateString: "2026-02-01 00:00:00" }, "2026-02-01"],
    ["ISO", { Date: "2026-02-01T00:00:00" }, "2026-02-01"],
    ["missing", {}, null],
  ])("date from %s", (_label, json, expected) => {
    expect(map(json).issueDate).toBe(expected);
  });
  it("maps quote fields", () => {
    expect(map({ QuoteNumber: "QU-0001", Title: "T", Summary: "S", Terms: "Net 7", ExpiryDate: msDate("2026-12-01"), Total: 10, CurrencyCode: "NZD" }))
      .toMatchObject({ number: "QU-0001", title: "T", summary: "S", terms: "Net 7", expiryDate: "2026-12-01", total: "10.00", currency: "NZD", contactRef: { remoteId: "c-1" } });
  });
});

describe("toUnifiedCreditNote", () => {
  const map = (json: Record<string, unknown>) =>
    toUnifiedCreditNote(fromWire<CreditNote>({ CreditNoteID: "cn-1", Type: "ACCRECCREDIT", Contact: contact, Total: 50, RemainingCredit: 50, ...json }, "CreditNote"), ctx);
  it.each([
    ["DRAFT", 50, "DRAFT"],
    ["AUTHORISED", 50, "AUTHORISED"],
    ["AUTHORISED", 20, "PARTIALLY_PAID"],
    ["PAID", 0, "PAID"],
    ["VOIDED", 50, "VOIDED"],
  ])("status %s with %s remaining → %s", (status, remaining, expected) => {
    expect(map({ Status: status, RemainingCredit: remaining }).status).toBe(expected);
  });
  it.each([
    ["ACCRECCREDIT", "SALES"],
    ["ACCPAYCREDIT", "PURCHASE"],
  ])("kind %s → %s", (type, kind) => {
    expect(map({ Type: type }).kind).toBe(kind);
  });
  it("maps allocations to the credited document's global id", () => {
    const note = map({
      Status: "AUTHORISED", RemainingCredit: 20,
      Allocations: [
        { AllocationID: "a-1", Amount: 30, Date: msDate("2026-11-02"), Invoice: { InvoiceID: "inv-9", InvoiceNumber: "INV-0009", Type: "ACCREC" } },
        { AllocationID: "a-2", Amount: 5, Date: msDate("2026-11-03"), Invoice: { InvoiceID: "inv-8" }, IsDeleted: true },
      ],
    });
    expect(note.remainingCredit).toBe("20.00");
    expect(note.allocations).toHaveLength(1);
    expect(note.allocations[0]).toMatchObject({ remoteId: "a-1", amount: "30.00", date: "2026-11-02", documentNumber: "INV-0009" });
    expect(fromGlobalId(note.allocations[0].documentId!)).toMatchObject({ type: "Invoice", remoteId: "inv-9" });
  });
});

describe("toUnifiedPurchaseOrder", () => {
  const map = (json: Record<string, unknown>) => toUnifiedPurchaseOrder(fromWire<PurchaseOrder>({ PurchaseOrderID: "po-1", Contact: contact, ...json }, "PurchaseOrder"), ctx);
  it.each(["DRAFT", "SUBMITTED", "AUTHORISED", "BILLED", "DELETED"])("status %s", (status) => {
    expect(map({ Status: status }).status).toBe(status);
  });
  it.each([["Exclusive", "EXCLUSIVE"], ["Inclusive", "INCLUSIVE"], ["NoTax", "NO_TAX"]])("line amount type %s", (value, expected) => {
    expect(map({ LineAmountTypes: value }).lineAmountType).toBe(expected);
  });
  it("maps delivery fields and tolerates their absence", () => {
    expect(map({ PurchaseOrderNumber: "PO-0001", DeliveryDate: msDate("2026-11-20"), DeliveryAddress: "Dock 4", SentToContact: true }))
      .toMatchObject({ number: "PO-0001", deliveryDate: "2026-11-20", deliveryAddress: "Dock 4", sentToContact: true });
    expect(map({})).toMatchObject({ deliveryDate: null, deliveryAddress: null, sentToContact: null, lineItems: [] });
  });
});

describe("toUnifiedBankTransaction", () => {
  const map = (json: Record<string, unknown>) =>
    toUnifiedBankTransaction(fromWire<BankTransaction>({ BankTransactionID: "bt-1", Contact: contact, BankAccount: { AccountID: "acc-1", Code: "090", Name: "Cheque" }, ...json }, "BankTransaction"), ctx);
  it.each([
    ["RECEIVE", "RECEIVE"], ["SPEND", "SPEND"], ["RECEIVE-OVERPAYMENT", "RECEIVE_OVERPAYMENT"], ["SPEND-PREPAYMENT", "SPEND_PREPAYMENT"],
    ["RECEIVE-TRANSFER", "RECEIVE_TRANSFER"], ["SPEND-TRANSFER", "SPEND_TRANSFER"],
  ])("type %s → %s", (type, kind) => {
    expect(map({ Type: type }).kind).toBe(kind);
  });
  it.each(["AUTHORISED", "DELETED", "VOIDED"])("status %s", (status) => {
    expect(map({ Type: "SPEND", Status: status }).status).toBe(status);
  });
  it("maps the bank account and reconciliation", () => {
    expect(map({ Type: "SPEND", IsReconciled: true, Date: "2026-11-01T00:00:00", Total: 11.5, LineAmountTypes: "Inclusive" })).toMatchObject({
      bankAccount: { remoteId: "acc-1", code: "090", name: "Cheque" }, isReconciled: true, issueDate: "2026-11-01", total: "11.50", number: null, lineAmountType: "INCLUSIVE",
    });
  });
});

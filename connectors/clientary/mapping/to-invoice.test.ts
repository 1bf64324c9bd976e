import { describe, expect, it } from "vitest";
import { rawOf } from "../../../src/connector/raw.js";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { invoiceSchema } from "../client/schemas/documents.js";
import type { InvoiceChanges } from "../../../src/connector/writes.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { toClientaryInvoice, toClientaryInvoiceChanges, toUnifiedInvoice } from "./to-invoice.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T12:00:00Z"), currency: "USD" };
const base = {
  id: 184, number: "184", title: "Website", date: "2026/10/01", due_date: "2026/10/31", client_id: 7, po: "PO 7", status: 1, currency_code: "USD",
  subtotal: 100, tax: 8.5, total_cost: 108.5, total_payments: 0, balance: 108.5, updated_at: "2026-10-02T03:04:05-08:00",
  invoice_items: [
    { id: 1, title: "Section", price: 0, quantity: 0, taxable: false, item_type: 0 },
    { id: 2, title: "Design", price: 50, quantity: 2, taxable: true, item_type: 3 },
  ],
  payments: [],
};
const map = (overrides: Record<string, unknown>) => toUnifiedInvoice(invoiceSchema.parse({ ...base, ...overrides }), ctx);
const partPaid = { total_payments: 40, balance: 68.5, payments: [{ id: 9, amount: 40, note: "Check", received_on: "2026-10-05" }] };

describe("toUnifiedInvoice", () => {
  it.each([
    ["draft", { status: 0 }, "DRAFT"],
    ["sent", { status: 1 }, "AUTHORISED"],
    ["viewed", { status: 2 }, "AUTHORISED"],
    ["pending", { status: 5 }, "AUTHORISED"],
    ["sent, partly paid", { status: 1, ...partPaid }, "PARTIALLY_PAID"],
    ["viewed, partly paid", { status: 2, ...partPaid }, "PARTIALLY_PAID"],
    ["status as a string", { status: "2", ...partPaid }, "PARTIALLY_PAID"],
    ["cancelled", { status: 3 }, "VOIDED"],
    ["paid", { status: 4, total_payments: 108.5, balance: 0 }, "PAID"],
  ])("%s → %s", (_label, overrides, expected) => {
    expect(map(overrides).status).toBe(expected);
  });

  it.each([
    ["open and past due", {}, true],
    ["partly paid and past due", partPaid, true],
    ["due in the future", { due_date: "2026/12/01" }, false],
    ["due today", { due_date: "2026-11-15" }, false],
    ["paid", { status: 4, total_payments: 108.5, balance: 0 }, false],
    ["draft", { status: 0 }, false],
    ["cancelled with a balance", { status: 3 }, false],
    ["no due date", { due_date: null }, false],
  ])("isOverdue when %s → %s", (_label, overrides, expected) => {
    expect(map(overrides).isOverdue).toBe(expected);
  });

  it("maps the whole record", () => {
    const invoice = map(partPaid);
    expect(fromGlobalId(invoice.id)).toEqual({ organizationId: "org-1", type: "Invoice", remoteId: "184" });
    expect(invoice).toMatchObject({
      provider: "CLIENTARY", number: "184", reference: "PO 7", issueDate: "2026-10-01", dueDate: "2026-10-31", updatedAt: "2026-10-02T11:04:05.000Z",
      currency: "USD", subTotal: "100.00", totalTax: "8.50", total: "108.50", amountPaid: "40.00", amountDue: "68.50", amountCredited: "0.00",
      contactRef: { remoteId: "7", name: null }, sentToContact: true, fullyPaidOn: null, lineAmountType: "EXCLUSIVE",
      lineItems: [{ remoteId: "2", description: "Design", quantity: "2", unitAmount: "50", lineAmount: "100.00", taxRateCode: "TAXABLE" }],
      payments: [{ remoteId: "9", date: "2026-10-05", amount: "40.00", reference: "Check" }],
    });
    expect(fromGlobalId(invoice.payments[0]!.paymentId!).type).toBe("Payment");
    expect(rawOf(invoice.raw)).toMatchObject({ id: "184", invoice_items: expect.any(Array) });
  });

  it("derives paid and due amounts when Clientary leaves them out", () => {
    const invoice = map({ total_payments: undefined, balance: undefined, ...{ payments: partPaid.payments } });
    expect(invoice).toMatchObject({ amountPaid: "40.00", amountDue: "68.50", status: "PARTIALLY_PAID" });
  });

  it("dates the full payment on the last payment", () => {
    const payments = [{ id: 1, amount: 50, received_on: "2026-10-09" }, { id: 2, amount: 58.5, received_on: "2026-10-20" }];
    expect(map({ status: 4, total_payments: 108.5, balance: 0, payments }).fullyPaidOn).toBe("2026-10-20");
  });

  it("takes prices and quantities as strings", () => {
    const invoice = map({ invoice_items: [{ id: "3", title: "Hours", price: "95.50", quantity: "1.5", taxable: "1", item_type: "3" }] });
    expect(invoice.lineItems[0]).toMatchObject({ unitAmount: "95.5", quantity: "1.5", lineAmount: "143.25", taxRateCode: "TAXABLE" });
  });
});

const DEFAULTS = { today: "2026-11-15", currency: "USD" };

describe("toClientaryInvoice", () => {
  it.each([
    [{}, { date: "2026-11-15", due_date: "2026-11-15", currency_code: "USD" }],
    [{ status: "DRAFT" }, { date: "2026-11-15", due_date: "2026-11-15", currency_code: "USD", status: 0 }],
    [{ status: "AUTHORISED", issueDate: "2026-11-01" }, { date: "2026-11-01", due_date: "2026-11-01", currency_code: "USD", status: 1 }],
    [{ issueDate: "2026-11-01", dueDate: "2026-11-30", currency: "EUR", number: "900", reference: "PO 1" }, { date: "2026-11-01", due_date: "2026-11-30", currency_code: "EUR", number: "900", po: "PO 1" }],
  ])("%j → %j (Clientary's required date, due date and currency filled in)", (input, expected) => {
    const { invoice } = toClientaryInvoice({ type: "INVOICE", contactRemoteId: "7", lines: [], ...input } as InvoiceInput, DEFAULTS);
    expect(invoice).toEqual({ client_id: 7, invoice_items_attributes: [], ...expected });
  });

  it("answers NOT_SUPPORTED for SUBMITTED: Clientary has no approval step", () => {
    expect(() => toClientaryInvoice({ type: "INVOICE", contactRemoteId: "7", lines: [], status: "SUBMITTED" } as InvoiceInput, DEFAULTS)).toThrow(/approval step/);
  });

  it("adds new lines with defaults, marks TAXABLE ones taxable", () => {
    const { invoice } = toClientaryInvoice({
      type: "INVOICE", contactRemoteId: "7", lines: [{ description: "New", quantity: "2", unitAmount: "10.10" }, { description: "Taxed", unitAmount: "5", taxRateCode: "TAXABLE" }],
    }, DEFAULTS);
    expect(invoice.invoice_items_attributes).toEqual([{ title: "New", quantity: "2", price: "10.10", taxable: false }, { title: "Taxed", quantity: "1", price: "5", taxable: true }]);
  });

  it("refuses what a Clientary line cannot hold, naming every field", () => {
    const run = () => toClientaryInvoice({
      type: "INVOICE", contactRemoteId: "7", lineAmountType: "INCLUSIVE",
      lines: [{ description: "A", discountRate: "10" }, { itemCode: "SKU-1" }, { description: "C", taxRateCode: "GST", tracking: [{ categoryName: "Region", optionName: "North" }] }],
    } as InvoiceInput, DEFAULTS);
    expect(run).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    try {
      run();
    } catch (error) {
      const fields = ((error as { extensions: { fields: Array<{ field: string }> } }).extensions.fields).map((f) => f.field);
      expect(fields).toEqual(["input.lineAmountType", "input.lines[0].discountRate", "input.lines[1].itemCode", "input.lines[1].description", "input.lines[2].tracking", "input.lines[2].taxRateCode"]);
    }
  });

  it("refuses bills: Clientary has none", () => {
    expect(() => toClientaryInvoice({ type: "BILL", contactRemoteId: "7", lines: [] }, DEFAULTS)).toThrow(/bills/);
  });
});

describe("toClientaryInvoiceChanges", () => {
  it("sends only what changes", () => {
    expect(toClientaryInvoiceChanges({ dueDate: "2026-12-31", reference: null })).toEqual({ invoice: { due_date: "2026-12-31", po: "" } });
  });

  it("replaces the lines: edits given ids (only the fields given), adds the rest, destroys the ones left out", () => {
    const { invoice } = toClientaryInvoiceChanges({
      lines: [{ description: "New", quantity: "2", unitAmount: "10.10" }, { remoteId: "5", description: "Edited", unitAmount: "1", taxRateCode: "TAXABLE" }],
    }, ["5", "6"]);
    expect(invoice.invoice_items_attributes).toEqual([
      { title: "New", quantity: "2", price: "10.10", taxable: false },
      { id: 5, title: "Edited", price: "1", taxable: true },
      { id: 6, _destroy: true },
    ]);
  });

  it("NO_TAX without lines untaxes every current line", () => {
    expect(toClientaryInvoiceChanges({ lineAmountType: "NO_TAX" } as InvoiceChanges, ["5", "6"]).invoice.invoice_items_attributes).toEqual([{ id: 5, taxable: false }, { id: 6, taxable: false }]);
  });
});

import { describe, expect, it } from "vitest";
import { totals } from "../totals.js";
import { fresh, NOW } from "../test-support.js";
import type { XeroBooks, XeroInvoice } from "../types.js";
import {
  CONTACT_REQUIRED_MESSAGE, DATE_MESSAGE, DUE_DATE_MESSAGE, NO_LINES_MESSAGE, SETTLED_MESSAGE, STATUS_MESSAGE,
  invalidAccountMessage, writeInvoices,
} from "./index.js";

const create = { now: NOW, mode: "create" } as const;
const upsert = { now: NOW, mode: "upsert" } as const;

function customer(books: XeroBooks) {
  return books.contacts.find((c) => c.ContactStatus === "ACTIVE" && !c.PaymentTerms)!;
}

function sale(books: XeroBooks, extra: Record<string, unknown> = {}) {
  return {
    Type: "ACCREC", Contact: { ContactID: customer(books).ContactID }, Date: "2026-03-10", DueDate: "2026-04-09",
    LineItems: [{ Description: "Widgets", Quantity: 3, UnitAmount: 19.99, AccountCode: "200", TaxType: "OUTPUT" }, { ItemCode: "CONSULT", Quantity: 2 }],
    ...extra,
  };
}

function created(books: XeroBooks, element: Record<string, unknown>): XeroInvoice {
  const [result] = writeInvoices(books, [element], create);
  if (!result!.ok) throw new Error(result!.errors.join("; "));
  return result!.record;
}

describe("invoice writes: create", () => {
  it("numbers sales invoices, defaults to DRAFT and totals per line", () => {
    const books = fresh();
    const next = books.sequences.INV! + 1;
    const invoice = created(books, sale(books));
    expect(invoice).toMatchObject({ Status: "DRAFT", LineAmountTypes: "Exclusive", InvoiceNumber: `INV-${String(next).padStart(4, "0")}`, UpdatedDateUTC: NOW, CurrencyCode: "USD" });
    expect(invoice.LineItems[1]).toMatchObject({ ItemCode: "CONSULT", UnitAmount: 150, AccountCode: "260", TaxType: "OUTPUT", LineAmount: 300, TaxAmount: 30 });
    expect([invoice.SubTotal, invoice.TotalTax, invoice.Total, invoice.AmountDue]).toEqual([359.97, 36, 395.97, 395.97]);
    expect(totals(invoice.LineItems, invoice.LineAmountTypes, books.taxRates).Total).toBe(invoice.Total);
    expect(books.contacts.find((c) => c.ContactID === invoice.Contact.ContactID)!.IsCustomer).toBe(true);
  });

  it("creates a contact for an unknown name and marks bill contacts as suppliers", () => {
    const books = fresh();
    const bill = created(books, { ...sale(books), Type: "ACCPAY", Contact: { Name: "Unheard Of Supplies" }, LineItems: [{ Description: "Paper", Quantity: 1, UnitAmount: 10, AccountCode: "461" }] });
    const contact = books.contacts.find((c) => c.Name === "Unheard Of Supplies")!;
    expect(bill.Contact.ContactID).toBe(contact.ContactID);
    expect(contact.IsSupplier).toBe(true);
    expect(bill.InvoiceNumber).toBeUndefined();
  });

  it.each([
    ["no lines", { LineItems: [] }, NO_LINES_MESSAGE],
    ["no date when approving", { Date: undefined, Status: "AUTHORISED" }, DATE_MESSAGE],
    ["no due date when approving", { DueDate: undefined, Status: "AUTHORISED" }, DUE_DATE_MESSAGE],
    ["an unknown account", { LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 5, AccountCode: "999" }] }, invalidAccountMessage("999")],
    ["a bank account on a line", { LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 5, AccountCode: "090" }] }, invalidAccountMessage("090")],
    ["no contact", { Contact: {} }, CONTACT_REQUIRED_MESSAGE],
    ["an unknown tax type", { LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 5, AccountCode: "200", TaxType: "BOGUS" }] }, "The TaxType code BOGUS does not exist or cannot be used for this type of transaction."],
  ])("refuses %s", (_, change, message) => {
    const books = fresh();
    const before = books.invoices.length;
    const [result] = writeInvoices(books, [sale(books, change)], create);
    expect(result).toMatchObject({ ok: false });
    expect(!result!.ok && result!.errors).toContain(message);
    expect(books.invoices.length).toBe(before);
  });

  it("refuses duplicate sales invoice numbers and unknown contact ids (as not found)", () => {
    const books = fresh();
    const taken = books.invoices.find((i) => i.Type === "ACCREC")!.InvoiceNumber;
    expect(writeInvoices(books, [sale(books, { InvoiceNumber: taken })], create)[0]).toMatchObject({ ok: false, errors: ["Invoice # must be unique."] });
    expect(writeInvoices(books, [sale(books, { Contact: { ContactID: "00000000-0000-4000-8000-000000000009" } })], create)[0]).toMatchObject({ ok: false, notFound: true });
  });
});

describe("invoice writes: update", () => {
  it("moves DRAFT to SUBMITTED to AUTHORISED and records history", () => {
    const books = fresh();
    const invoice = created(books, sale(books));
    expect(writeInvoices(books, [{ InvoiceID: invoice.InvoiceID, Status: "SUBMITTED" }], upsert)[0]!.ok).toBe(true);
    expect(writeInvoices(books, [{ InvoiceID: invoice.InvoiceID, Status: "AUTHORISED" }], upsert)[0]!.ok).toBe(true);
    expect(invoice.Status).toBe("AUTHORISED");
    expect(books.history[invoice.InvoiceID]!.map((h) => h.Changes)).toEqual(["Created", "Submitted", "Approved"]);
  });

  it("replaces lines: kept by LineItemID, new without, omitted ones removed", () => {
    const books = fresh();
    const invoice = created(books, sale(books));
    const keep = invoice.LineItems[0]!;
    writeInvoices(books, [{ InvoiceID: invoice.InvoiceID, LineItems: [{ LineItemID: keep.LineItemID, Quantity: 1 }, { Description: "Extra", Quantity: 1, UnitAmount: 100, AccountCode: "260" }] }], upsert);
    expect(invoice.LineItems.map((l) => [l.LineItemID === keep.LineItemID, l.LineAmount])).toEqual([[true, 19.99], [false, 100]]);
    expect(invoice.Total).toBe(131.99);
  });

  it("refuses invalid transitions", () => {
    const books = fresh();
    const approved = created(books, sale(books, { Status: "AUTHORISED" }));
    expect(writeInvoices(books, [{ InvoiceID: approved.InvoiceID, Status: "DELETED" }], upsert)[0]).toMatchObject({ ok: false, errors: [STATUS_MESSAGE] });
    expect(writeInvoices(books, [{ InvoiceID: approved.InvoiceID, Status: "DRAFT" }], upsert)[0]).toMatchObject({ ok: false, errors: [STATUS_MESSAGE] });
    expect(writeInvoices(books, [{ InvoiceID: approved.InvoiceID, Status: "VOIDED" }], upsert)[0]!.ok).toBe(true);
    expect(writeInvoices(books, [{ InvoiceID: approved.InvoiceID, Reference: "late" }], upsert)[0]).toMatchObject({ ok: false, errors: [STATUS_MESSAGE] });
    const draft = created(books, sale(books));
    expect(writeInvoices(books, [{ InvoiceID: draft.InvoiceID, Status: "DELETED" }], upsert)[0]!.ok).toBe(true);
  });

  it("refuses line edits and voiding once part paid, but allows a new reference", () => {
    const books = fresh();
    const partPaid = books.invoices.find((i) => i.Status === "AUTHORISED" && i.AmountPaid > 0)!;
    const edit = writeInvoices(books, [{ InvoiceID: partPaid.InvoiceID, LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 1, AccountCode: "200" }] }], upsert)[0];
    expect(edit).toMatchObject({ ok: false, errors: [SETTLED_MESSAGE] });
    expect(writeInvoices(books, [{ InvoiceID: partPaid.InvoiceID, Status: "VOIDED" }], upsert)[0]).toMatchObject({ ok: false, errors: [SETTLED_MESSAGE] });
    expect(writeInvoices(books, [{ InvoiceID: partPaid.InvoiceID, Reference: "Chased" }], upsert)[0]!.ok).toBe(true);
    expect(partPaid).toMatchObject({ Reference: "Chased", UpdatedDateUTC: NOW, Status: "AUTHORISED" });
  });

  it("PUT never updates; unknown ids are not found", () => {
    const books = fresh();
    const existing = books.invoices.find((i) => i.Status === "DRAFT")!;
    expect(writeInvoices(books, [{ InvoiceID: existing.InvoiceID, Reference: "x" }], create)[0]!.ok).toBe(false);
    expect(writeInvoices(books, [{ InvoiceID: "00000000-0000-4000-8000-00000000000a", Status: "AUTHORISED" }], upsert)[0]).toMatchObject({ ok: false, notFound: true });
  });
});

import { describe, expect, it } from "vitest";
import { fresh, NOW } from "../test-support.js";
import type { XeroBooks } from "../types.js";
import { allOrNothing, EXCEEDS_MESSAGE, NOT_AUTHORISED_MESSAGE, RECONCILED_MESSAGE, writeInvoices, writePayments } from "./index.js";

const create = { now: NOW, mode: "create" } as const;

function approvedInvoice(books: XeroBooks) {
  const contact = books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
  const [result] = writeInvoices(books, [{
    Type: "ACCREC", Status: "AUTHORISED", Contact: { ContactID: contact.ContactID }, Date: "2026-03-01", DueDate: "2026-03-31",
    LineItems: [{ Description: "Service", Quantity: 1, UnitAmount: 200, AccountCode: "260" }],
  }], create);
  if (!result!.ok) throw new Error(result!.errors.join());
  return result!.record;
}

const pay = (invoiceId: string, Amount: number, extra: Record<string, unknown> = {}) =>
  ({ Invoice: { InvoiceID: invoiceId }, Account: { Code: "090" }, Date: "2026-03-12", Amount, ...extra });

describe("payment writes", () => {
  it("part payment lowers AmountDue; paying the rest marks PAID with FullyPaidOnDate", () => {
    const books = fresh();
    const invoice = approvedInvoice(books); // 200 + 10% tax
    const [first] = writePayments(books, [pay(invoice.InvoiceID, 50)], create);
    expect(first).toMatchObject({ ok: true, record: { PaymentType: "ACCRECPAYMENT", Status: "AUTHORISED", Amount: 50, UpdatedDateUTC: NOW } });
    expect(invoice).toMatchObject({ AmountPaid: 50, AmountDue: 170, Status: "AUTHORISED" });
    writePayments(books, [pay(invoice.InvoiceID, 170, { Date: "2026-03-14" })], create);
    expect(invoice).toMatchObject({ AmountPaid: 220, AmountDue: 0, Status: "PAID", FullyPaidOnDate: "2026-03-14" });
    expect(invoice.Payments).toHaveLength(2);
  });

  it("refuses overpayment, non-approved documents and bad accounts", () => {
    const books = fresh();
    const invoice = approvedInvoice(books);
    expect(writePayments(books, [pay(invoice.InvoiceID, 220.01)], create)[0]).toMatchObject({ ok: false, errors: [EXCEEDS_MESSAGE] });
    const draft = books.invoices.find((i) => i.Status === "DRAFT")!;
    expect(writePayments(books, [pay(draft.InvoiceID, 1)], create)[0]).toMatchObject({ ok: false, errors: [NOT_AUTHORISED_MESSAGE] });
    const paid = books.invoices.find((i) => i.Status === "PAID")!;
    expect(writePayments(books, [pay(paid.InvoiceID, 1)], create)[0]).toMatchObject({ ok: false, errors: [NOT_AUTHORISED_MESSAGE] });
    expect(writePayments(books, [pay(invoice.InvoiceID, 1, { Account: { Code: "200" } })], create)[0]).toMatchObject({ ok: false, errors: ["Account must be valid."] });
    expect(writePayments(books, [pay("00000000-0000-4000-8000-00000000000b", 1)], create)[0]).toMatchObject({ ok: false, notFound: true });
    expect(invoice).toMatchObject({ AmountPaid: 0, AmountDue: 220 });
  });

  it("deleting a payment restores the invoice, but reconciled payments stay", () => {
    const books = fresh();
    const invoice = approvedInvoice(books);
    const [result] = writePayments(books, [pay(invoice.InvoiceID, 220)], create);
    const payment = result!.ok ? result!.record : undefined;
    expect(invoice.Status).toBe("PAID");
    writePayments(books, [{ PaymentID: payment!.PaymentID, Status: "DELETED" }], create);
    expect(payment!.Status).toBe("DELETED");
    expect(invoice).toMatchObject({ Status: "AUTHORISED", AmountDue: 220, AmountPaid: 0, Payments: [] });
    expect(invoice.FullyPaidOnDate).toBeUndefined();
    const reconciled = books.payments.find((p) => p.IsReconciled && p.Status === "AUTHORISED")!;
    expect(writePayments(books, [{ PaymentID: reconciled.PaymentID, Status: "DELETED" }], create)[0]).toMatchObject({ ok: false, errors: [RECONCILED_MESSAGE] });
  });

  it("an approved invoice with a payment can no longer be voided", () => {
    const books = fresh();
    const invoice = approvedInvoice(books);
    writePayments(books, [pay(invoice.InvoiceID, 10)], create);
    expect(writeInvoices(books, [{ InvoiceID: invoice.InvoiceID, Status: "VOIDED" }], { now: NOW, mode: "upsert" })[0]!.ok).toBe(false);
  });

  it("allOrNothing rolls the whole batch back when one element fails", () => {
    const books = fresh();
    const invoice = approvedInvoice(books);
    const before = books.payments.length;
    const results = allOrNothing(books, () => writePayments(books, [pay(invoice.InvoiceID, 20), pay(invoice.InvoiceID, 999)], create));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(books.payments.length).toBe(before);
    expect(books.invoices.find((i) => i.InvoiceID === invoice.InvoiceID)!.AmountDue).toBe(220);
  });
});

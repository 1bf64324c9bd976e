import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceInput, PaymentInput } from "../../../src/connector/inputs.js";
import { ErrorCode } from "../../../src/errors/index.js";
import { invoiceView } from "../sandbox/books/invoice-view.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { DRY_RUN, expectDryRun, recordOf, rejectionOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const view = (id: string) => invoiceView(books(), books().invoices.find((i) => String(i.id) === id)!);

/** A sent invoice of 300.00 with no payments. */
async function sentInvoice(status = "AUTHORISED") {
  const input: InvoiceInput = { type: "INVOICE", contactRemoteId: String(books().clients[0]!.id), status: status as InvoiceInput["status"], lines: [{ description: "Retainer", unitAmount: "300.00" }] };
  return recordOf(await org.adapter.create!("Invoice", input, SEND));
}
const pay = (documentRemoteId: string, amount: string, over: Partial<PaymentInput> = {}): PaymentInput => ({ documentType: "INVOICE", documentRemoteId, accountCode: "BANK", date: "2026-11-14", amount, ...over });

describe("record a payment", () => {
  it("a partial payment lowers the balance and the invoice reads PARTIALLY_PAID; the rest makes it PAID", async () => {
    const invoice = await sentInvoice();
    const first = recordOf(await org.adapter.create!("Payment", pay(invoice.remoteId, "120.00", { reference: "Check 42" }), SEND));
    expect(books().payments.find((p) => String(p.id) === first.remoteId)).toMatchObject({ invoice_id: Number(invoice.remoteId), amount: 120, received_on: "2026-11-14", note: "Check 42" });
    expect(view(invoice.remoteId)).toMatchObject({ status: 1, total_payments: 120, balance: 180 });
    expect(first).toMatchObject({ amount: "120.00", date: "2026-11-14", reference: "Check 42", documentNumber: invoice.number, contactRef: { remoteId: String(books().clients[0]!.id) } });
    expect((await org.adapter.getMany("Invoice", [invoice.remoteId]))[0]).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "120.00", amountDue: "180.00" });

    await org.adapter.create!("Payment", pay(invoice.remoteId, "180.00", { date: "2026-11-15" }), SEND);
    expect(view(invoice.remoteId)).toMatchObject({ status: 4, balance: 0 });
    expect((await org.adapter.getMany("Invoice", [invoice.remoteId]))[0]).toMatchObject({ status: "PAID", amountDue: "0.00", fullyPaidOn: "2026-11-15" });
  });

  it("refuses paying more than the balance with Clientary's message, as PROVIDER_VALIDATION, and records nothing", async () => {
    const invoice = await sentInvoice();
    await org.adapter.create!("Payment", pay(invoice.remoteId, "250.00"), SEND);
    const count = books().payments.length;
    const error = await rejectionOf(org.adapter.create!("Payment", pay(invoice.remoteId, "50.01"), SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, message: "Clientary rejected the data: amount: must be less than or equal to 50.00" });
    expect(error.extensions.providerErrors).toEqual([{ field: "amount", message: "must be less than or equal to 50.00" }]);
    expect(books().payments).toHaveLength(count);
    expect(view(invoice.remoteId).balance).toBe(50);
  });

  it.each([
    ["a draft invoice", "DRAFT", "120.00", "Payments can't be recorded on a draft invoice. Send it first."],
    ["a zero amount", "AUTHORISED", "0", "must be greater than 0"],
  ])("refuses %s with Clientary's 422", async (_label, status, amount, message) => {
    const invoice = await sentInvoice(status);
    const error = await rejectionOf(org.adapter.create!("Payment", pay(invoice.remoteId, amount), SEND));
    expect(error.code).toBe(ErrorCode.PROVIDER_VALIDATION);
    expect((error.extensions.providerErrors as Array<{ message: string }>)[0]!.message).toBe(message);
  });

  it("answers NOT_FOUND for an invoice that does not exist", async () => {
    await expect(org.adapter.create!("Payment", pay("999999", "1.00"), SEND)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it("answers NOT_SUPPORTED for a payment of a bill (Clientary has no bills)", async () => {
    const error = await rejectionOf(org.adapter.create!("Payment", pay("1", "1.00", { documentType: "BILL" }), SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: "payments of bills" } });
  });

  it("is found right after it is recorded, though the payments scan was cached", async () => {
    const invoice = await sentInvoice();
    await org.adapter.getMany("Payment", [String(books().payments[0]!.id)]);
    const created = recordOf(await org.adapter.create!("Payment", pay(invoice.remoteId, "10.00"), SEND));
    expect((await org.adapter.getMany("Payment", [created.remoteId]))[0]).toMatchObject({ amount: "10.00" });
  });

  it("dry run: the exact POST /invoices/:id/payments, nothing recorded", async () => {
    const invoice = await sentInvoice();
    const result = await expectDryRun(org, () => org.adapter.create!("Payment", pay(invoice.remoteId, "75.00", { reference: "ACH" }), DRY_RUN));
    expect(result).toEqual({ kind: "dryRun", request: { method: "POST", path: `/api/v2/invoices/${invoice.remoteId}/payments`, body: { payment: { amount: "75.00", received_on: "2026-11-14", note: "ACH" } } } });
  });
});

describe("delete a payment", () => {
  it("the invoice owes the amount again: a paid invoice is open again", async () => {
    const invoice = await sentInvoice();
    const payment = recordOf(await org.adapter.create!("Payment", pay(invoice.remoteId, "300.00"), SEND));
    expect(view(invoice.remoteId).status).toBe(4);
    expect(await org.adapter.remove!("Payment", payment.remoteId, SEND)).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(books().payments.some((p) => String(p.id) === payment.remoteId)).toBe(false);
    expect(view(invoice.remoteId)).toMatchObject({ status: 1, balance: 300, total_payments: 0 });
    expect(await org.adapter.getMany("Payment", [payment.remoteId])).toEqual([null]);
  });

  it("answers NOT_FOUND for a payment that does not exist", async () => {
    await expect(org.adapter.remove!("Payment", "999999", SEND)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it("dry run: finds the payment's invoice and describes the DELETE, nothing deleted", async () => {
    const payment = books().payments[3]!;
    const result = await expectDryRun(org, () => org.adapter.remove!("Payment", String(payment.id), DRY_RUN));
    expect(result).toEqual({ kind: "dryRun", request: { method: "DELETE", path: `/api/v2/invoices/${payment.invoice_id}/payments/${payment.id}`, body: null } });
  });
});

import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentInput } from "../../../src/connector/inputs.js";
import { TEST_NOW } from "../sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";
import { failureOf, journalsOf, ledgerDifference, unbalancedJournals, writeRequests } from "../testing/write-checks.js";

let org: SandboxOrganization;
let adapter: Required<ConnectorAdapter>;
let invoiceId: string;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  adapter = org.adapter as Required<ConnectorAdapter>;
  const created = await adapter.create("Invoice", {
    type: "INVOICE", contactRemoteId: "client:6", issueDate: "2026-11-01", lines: [{ description: "Consulting", quantity: "10", unitAmount: "100.00", taxRateCode: "1" }],
  }, { dryRun: false });
  invoiceId = (created as { record: { remoteId: string } }).record.remoteId;
});
afterAll(() => org.sandbox.close());

const pay = (amount: string, extra: Partial<PaymentInput> = {}, dryRun = false) =>
  adapter.create("Payment", { documentType: "INVOICE", documentRemoteId: invoiceId, accountCode: "1201", date: "2026-11-10", amount, ...extra }, { dryRun });
const invoice = async () => (await adapter.getMany("Invoice", [invoiceId]))[0]!;
const wireStatus = async () =>
  ((await fetch(`${org.sandbox.url}/invoices/${invoiceId}.json`, { headers: { apikey: org.sandbox.apiKey } }).then((r) => r.json())) as any).data.Invoice.payment_status;

describe("Daftra invoice payments", () => {
  it("records a partial payment: the invoice's paid amount and payment_status follow, and the payment posts", async () => {
    const result = await pay("400.00", { reference: "TRX-1" });
    const payment = (result as { record: any }).record;
    expect(payment).toMatchObject({ amount: "400.00", date: "2026-11-10", direction: "RECEIVED", reference: "TRX-1", accountCode: "treasury:1", contactRef: { remoteId: "client:6" } });
    expect(org.sandbox.books.invoicePayments.find((p) => p.id === Number(payment.remoteId))).toMatchObject({ amount: "400.00", treasury_id: 1, payment_method: "bank", status: 1, document_id: Number(invoiceId) });
    expect(await invoice()).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "400.00", amountDue: "750.00" });
    expect(await wireStatus()).toBe(1);
    expect(journalsOf(org.sandbox.books, "invoice_payment", Number(payment.remoteId))[0]!.lines.map((l) => [l.subkey, l.debit, l.credit])).toEqual([["treasury", "400.00", "0.00"], ["client", "0.00", "400.00"]]);
  });

  it("refuses to pay more than is due, with Daftra's message, and records nothing", async () => {
    const count = org.sandbox.books.invoicePayments.length;
    const failure = await failureOf(pay("750.01"));
    expect(failure.code).toBe("PROVIDER_VALIDATION");
    expect(failure.extensions.providerErrors).toEqual([{ field: "amount", message: "The payment amount is more than the invoice's unpaid amount (750.00)" }]);
    expect(org.sandbox.books.invoicePayments).toHaveLength(count);
  });

  it("pays the rest into the cash box (method cash): the invoice is PAID", async () => {
    const payment = (await pay("750.00", { accountCode: "treasury:2" }) as { record: any }).record;
    expect(org.sandbox.books.invoicePayments.find((p) => p.id === Number(payment.remoteId))).toMatchObject({ treasury_id: 2, payment_method: "cash" });
    expect(await invoice()).toMatchObject({ status: "PAID", amountDue: "0.00", fullyPaidOn: "2026-11-10" });
    expect(await wireStatus()).toBe(2);
  });

  it("deleting a payment restores what the invoice owes and drops its journal", async () => {
    const last = org.sandbox.books.invoicePayments.filter((p) => p.document_id === Number(invoiceId)).at(-1)!;
    expect(await adapter.remove("Payment", String(last.id), { dryRun: false })).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(await invoice()).toMatchObject({ status: "PARTIALLY_PAID", amountDue: "750.00" });
    expect(journalsOf(org.sandbox.books, "invoice_payment", last.id)).toHaveLength(0);
  });

  it("refuses a payment on a draft invoice", async () => {
    const draft = org.sandbox.books.invoices.find((i) => i.draft)!;
    const failure = await failureOf(adapter.create("Payment", { documentType: "INVOICE", documentRemoteId: String(draft.id), accountCode: "1201", date: "2026-11-10", amount: "1.00" }, { dryRun: false }));
    expect(failure).toMatchObject({ code: "PROVIDER_VALIDATION", message: expect.stringContaining("draft invoice") });
  });

  it("answers a dry run with the exact request, writing nothing", async () => {
    org.sandbox.stats.reset();
    const count = org.sandbox.books.invoicePayments.length;
    expect(await pay("10.00", { reference: "R-9" }, true)).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: "/api2/invoice_payments.json", body: { InvoicePayment: { invoice_id: invoiceId, amount: "10.00", date: "2026-11-10", payment_method: "bank", treasury_id: "1", status: 1, transaction_id: "R-9" } } },
    });
    expect(writeRequests(org.sandbox)).toBe(0);
    expect(org.sandbox.books.invoicePayments).toHaveLength(count);
  });

  it("refuses an account that is not a treasury as BAD_USER_INPUT, before writing", async () => {
    org.sandbox.stats.reset();
    const failure = await failureOf(pay("1.00", { accountCode: "4101" }));
    expect(failure.code).toBe("BAD_USER_INPUT");
    expect(writeRequests(org.sandbox)).toBe(0);
  });

  it("answers NOT_SUPPORTED for a bill payment, naming Daftra and the operation, before any call", async () => {
    org.sandbox.stats.reset();
    const failure = await failureOf(adapter.create("Payment", { documentType: "BILL", documentRemoteId: "3", accountCode: "1201", date: "2026-11-10", amount: "1.00" }, { dryRun: false }));
    expect(failure).toMatchObject({ code: "NOT_SUPPORTED", extensions: { provider: "DAFTRA", operation: "recording a payment against a Bill" } });
    expect(failure.message).toMatch(/sales invoices only/);
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("leaves every journal balanced, and accrual reports balanced", async () => {
    expect(unbalancedJournals(org.sandbox.books)).toEqual([]);
    expect(ledgerDifference(org.sandbox.books)).toBe("0.00");
    const bs = await adapter.balanceSheet({ date: "2026-11-15", periods: 0, timeframe: "MONTH", basis: "ACCRUAL" } as never);
    expect(bs.balanced).toBe(true);
  });
});

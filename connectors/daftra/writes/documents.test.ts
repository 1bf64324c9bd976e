import { InvoiceStatus } from "../../../schema/invoice/invoice-status.enum.js";
import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { TEST_NOW } from "../sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";
import { failureOf, journalsOf, ledgerDifference, unbalancedJournals, writeRequests } from "../testing/write-checks.js";

let org: SandboxOrganization;
let adapter: Required<ConnectorAdapter>;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  adapter = org.adapter as Required<ConnectorAdapter>;
});
afterAll(() => org.sandbox.close());

const record = <T>(result: { kind: string }) => {
  expect(result.kind).toBe("done");
  return (result as unknown as { record: T }).record;
};
const invoiceInput = (extra: Partial<InvoiceInput> = {}): InvoiceInput => ({
  type: "INVOICE", contactRemoteId: "client:3", issueDate: "2026-11-01", dueDate: "2026-12-01",
  lines: [{ description: "Desk assembly", quantity: "2", unitAmount: "100.00", taxRateCode: "1" }], ...extra,
});
const stored = (id: string) => org.sandbox.books.invoices.find((i) => i.id === Number(id))!;

describe("Daftra invoices", () => {
  it("creates an invoice: stored with its lines, totals computed, journal posted", async () => {
    const invoice = record<any>(await adapter.create("Invoice", invoiceInput({ reference: "PO-77", lines: [
      { description: "Desk assembly", quantity: "2", unitAmount: "100.00", taxRateCode: "1" },
      { itemCode: "P-002", quantity: "1", unitAmount: "1800.00", taxRateCode: "1", discountRate: "10" },
    ] }), { dryRun: false }));
    expect(invoice).toMatchObject({ status: "AUTHORISED", subTotal: "1820.00", totalTax: "273.00", total: "2093.00", amountDue: "2093.00", reference: "PO-77", dueDate: "2026-12-01" });
    const row = stored(invoice.remoteId);
    expect(row).toMatchObject({ party_id: 3, date: "2026-11-01", due_after: 30, draft: 0, po_number: "PO-77" });
    expect(row.lines.map((l) => [l.product_id, l.item, l.discount ?? null])).toEqual([[null, "Desk assembly", null], [2, "Standing Desk", "10"]]);
    const [journal] = journalsOf(org.sandbox.books, "invoice", row.id);
    expect(journal!.lines.find((l) => l.subkey === "client")!.debit).toBe("2093.00");
  });

  it("keeps drafts (and SUBMITTED) out of the journals until they are issued", async () => {
    const draft = record<any>(await adapter.create("Invoice", invoiceInput({ status: InvoiceStatus.SUBMITTED }), { dryRun: false }));
    expect(draft.status).toBe("DRAFT");
    expect(journalsOf(org.sandbox.books, "invoice", Number(draft.remoteId))).toHaveLength(0);
    const issued = record<any>(await adapter.update("Invoice", draft.remoteId, { status: InvoiceStatus.AUTHORISED }, { dryRun: false }));
    expect(issued.status).toBe("AUTHORISED");
    expect(journalsOf(org.sandbox.books, "invoice", Number(draft.remoteId))).toHaveLength(1);
  });

  it("edits dates and lines, replacing the lines and re-posting the journal", async () => {
    const created = record<any>(await adapter.create("Invoice", invoiceInput(), { dryRun: false }));
    const updated = record<any>(await adapter.update("Invoice", created.remoteId, {
      issueDate: "2026-11-05", dueDate: "2026-11-20", lines: [{ description: "Chairs", quantity: "4", unitAmount: "50.00", taxRateCode: "3" }],
    }, { dryRun: false }));
    expect(updated).toMatchObject({ issueDate: "2026-11-05", dueDate: "2026-11-20", total: "210.00", lineItems: [{ description: "Chairs", quantity: "4" }] });
    expect(stored(created.remoteId).lines).toHaveLength(1);
    const journals = journalsOf(org.sandbox.books, "invoice", Number(created.remoteId));
    expect(journals).toHaveLength(1);
    expect(journals[0]!.lines.find((l) => l.subkey === "client")!.debit).toBe("210.00");
  });

  it("keeps the lines when an edit leaves them out", async () => {
    const created = record<any>(await adapter.create("Invoice", invoiceInput(), { dryRun: false }));
    const updated = record<any>(await adapter.update("Invoice", created.remoteId, { reference: "Ref-2" }, { dryRun: false }));
    expect(updated).toMatchObject({ reference: "Ref-2", total: "230.00", dueDate: "2026-12-01" });
  });

  it("refuses to put an invoice with payments back to draft, or to delete it, with Daftra's messages", async () => {
    const paid = org.sandbox.books.invoices.find((i) => !i.draft && org.sandbox.books.invoicePayments.some((p) => p.document_id === i.id && p.status === 1))!;
    const back = await failureOf(adapter.update("Invoice", String(paid.id), { status: InvoiceStatus.DRAFT }, { dryRun: false }));
    expect(back.code).toBe("PROVIDER_VALIDATION");
    expect(back.extensions.providerErrors).toEqual([{ field: "draft", message: expect.stringMatching(/payments can't be saved as draft/) }]);
    const removal = await failureOf(adapter.remove("Invoice", String(paid.id), { dryRun: false }));
    expect(removal).toMatchObject({ code: "PROVIDER_VALIDATION", message: expect.stringContaining("Remove its transactions first") });
    expect(stored(String(paid.id)).draft).toBe(0);
  });

  it("lets a paid invoice's lines change: its payment status follows (overpaid reads as PAID with nothing due)", async () => {
    const created = record<any>(await adapter.create("Invoice", invoiceInput(), { dryRun: false }));
    await adapter.create("Payment", { documentType: "INVOICE", documentRemoteId: created.remoteId, accountCode: "1201", date: "2026-11-10", amount: "230.00" }, { dryRun: false });
    const shrunk = record<any>(await adapter.update("Invoice", created.remoteId, { lines: [{ description: "Desk assembly", quantity: "1", unitAmount: "100.00", taxRateCode: "1" }] }, { dryRun: false }));
    expect(shrunk).toMatchObject({ total: "115.00", amountPaid: "230.00", amountDue: "0.00", status: "PAID" });
    const wire = await fetch(`${org.sandbox.url}/invoices/${created.remoteId}.json`, { headers: { apikey: org.sandbox.apiKey } }).then((r) => r.json() as Promise<any>);
    expect(wire.data.Invoice.payment_status).toBe(4);
  });

  it("deletes an unpaid invoice and its journal", async () => {
    const created = record<any>(await adapter.create("Invoice", invoiceInput(), { dryRun: false }));
    expect(await adapter.remove("Invoice", created.remoteId, { dryRun: false })).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(stored(created.remoteId)).toBeUndefined();
    expect(journalsOf(org.sandbox.books, "invoice", Number(created.remoteId))).toHaveLength(0);
  });

  it("answers create and update dry runs with the exact Daftra request, writing nothing", async () => {
    org.sandbox.stats.reset();
    const count = org.sandbox.books.invoices.length;
    expect(await adapter.create("Invoice", invoiceInput({ lines: [{ description: "Desk", quantity: "1", unitAmount: "10.00" }] }), { dryRun: true })).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: "/api2/invoices.json", body: { Invoice: { client_id: "3", draft: 0, date: "2026-11-01", due_after: 30 }, InvoiceItem: [{ item: "Desk", unit_price: "10.00", quantity: "1" }] } },
    });
    expect(org.sandbox.stats.total).toBe(0);
    const target = org.sandbox.books.invoices[10]!;
    const before = JSON.stringify(target);
    const dry = await adapter.update("Invoice", String(target.id), { reference: "changed" }, { dryRun: true });
    expect(dry).toMatchObject({ kind: "dryRun", request: { method: "PUT", path: `/api2/invoices/${target.id}.json`, body: { Invoice: { po_number: "changed", client_id: String(target.party_id) } } } });
    expect((dry as any).request.body.InvoiceItem).toHaveLength(target.lines.length);
    expect(writeRequests(org.sandbox)).toBe(0);
    expect(org.sandbox.books.invoices).toHaveLength(count);
    expect(JSON.stringify(org.sandbox.books.invoices.find((i) => i.id === target.id))).toBe(before);
  });

  it.each([
    ["a supplier as an invoice's contact", invoiceInput({ contactRemoteId: "supplier:2" }), "BAD_USER_INPUT"],
    ["an item code no product has", invoiceInput({ lines: [{ itemCode: "NOPE-1", quantity: "1", unitAmount: "1" }] }), "BAD_USER_INPUT"],
    ["an unknown tax", invoiceInput({ lines: [{ description: "x", quantity: "1", unitAmount: "1", taxRateCode: "77" }] }), "PROVIDER_VALIDATION"],
    ["a client Daftra does not have", invoiceInput({ contactRemoteId: "client:9999" }), "PROVIDER_VALIDATION"],
    ["INCLUSIVE line amounts", invoiceInput({ lineAmountType: "INCLUSIVE" as never }), "NOT_SUPPORTED"],
  ])("refuses %s", async (_name, input, code) => {
    const count = org.sandbox.books.invoices.length;
    expect((await failureOf(adapter.create("Invoice", input, { dryRun: false }))).code).toBe(code);
    expect(org.sandbox.books.invoices).toHaveLength(count);
  });
});

describe("Daftra bills, quotes and credit notes", () => {
  it("creates, edits and deletes a bill (purchase invoice) against a supplier", async () => {
    const bill = record<any>(await adapter.create("Bill", { ...invoiceInput(), type: "BILL", contactRemoteId: "supplier:2" }, { dryRun: false }));
    expect(bill).toMatchObject({ total: "230.00", status: "AUTHORISED", contactRef: { remoteId: "supplier:2" } });
    expect(journalsOf(org.sandbox.books, "purchase_order", Number(bill.remoteId))[0]!.lines.find((l) => l.subkey === "supplier")!.credit).toBe("230.00");
    const edited = record<any>(await adapter.update("Bill", bill.remoteId, { number: "SUP-4411" }, { dryRun: false }));
    expect(edited.number).toBe("SUP-4411");
    await adapter.remove("Bill", bill.remoteId, { dryRun: false });
    expect(org.sandbox.books.purchaseInvoices.some((d) => d.id === Number(bill.remoteId))).toBe(false);
  });

  it("creates a quote, moves it through Daftra's estimate statuses, and posts nothing", async () => {
    const quote = record<any>(await adapter.create("Quote", {
      contactRemoteId: "client:8", issueDate: "2026-11-02", expiryDate: "2026-11-30", summary: "Office refit", terms: "50% upfront",
      lines: [{ description: "Refit", quantity: "1", unitAmount: "5000.00", taxRateCode: "1" }],
    }, { dryRun: false }));
    expect(quote).toMatchObject({ status: "DRAFT", expiryDate: "2026-11-30", summary: "Office refit", terms: "50% upfront", total: "5750.00" });
    for (const [status, wire] of [["SENT", "0"], ["ACCEPTED", "1"], ["DECLINED", "2"]] as const) {
      expect(record<any>(await adapter.update("Quote", quote.remoteId, { status }, { dryRun: false })).status).toBe(status);
      expect(org.sandbox.books.estimates.find((e) => e.id === Number(quote.remoteId))).toMatchObject({ status: wire, draft: 0, terms: "50% upfront" });
    }
    expect(journalsOf(org.sandbox.books, "estimate", Number(quote.remoteId))).toHaveLength(0);
    expect((await failureOf(adapter.update("Quote", quote.remoteId, { status: "INVOICED" }, { dryRun: false }))).code).toBe("BAD_USER_INPUT");
    await adapter.remove("Quote", quote.remoteId, { dryRun: false });
    expect(org.sandbox.books.estimates.some((e) => e.id === Number(quote.remoteId))).toBe(false);
  });

  it("refuses to edit an estimate that became an invoice", async () => {
    const invoiced = org.sandbox.books.estimates.find((e) => e.status === "3")!;
    const failure = await failureOf(adapter.update("Quote", String(invoiced.id), { summary: "late change" }, { dryRun: false }));
    expect(failure).toMatchObject({ code: "PROVIDER_VALIDATION", message: expect.stringContaining("converted to an invoice") });
  });

  it("creates a sales credit note that posts its journal; purchase credit is NOT_SUPPORTED", async () => {
    const note = record<any>(await adapter.create("CreditNote", {
      kind: "SALES", contactRemoteId: "client:3", issueDate: "2026-11-03", lines: [{ description: "Returned chair", quantity: "1", unitAmount: "450.00", taxRateCode: "1" }],
    }, { dryRun: false }));
    expect(note).toMatchObject({ kind: "SALES", total: "517.50", status: "AUTHORISED" });
    expect(journalsOf(org.sandbox.books, "credit_note", Number(note.remoteId))[0]!.lines.find((l) => l.subkey === "client")!.credit).toBe("517.50");
    const purchase = await failureOf(adapter.create("CreditNote", { kind: "PURCHASE", contactRemoteId: "supplier:1", lines: [{ description: "x", unitAmount: "1" }] }, { dryRun: false }));
    expect(purchase).toMatchObject({ code: "NOT_SUPPORTED", extensions: { provider: "DAFTRA", operation: "PURCHASE credit notes" } });
  });

  it("leaves every journal balanced, and the ledger with it", () => {
    expect(unbalancedJournals(org.sandbox.books)).toEqual([]);
    expect(ledgerDifference(org.sandbox.books)).toBe("0.00");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import type { InvoiceChanges } from "../../../src/connector/writes.js";
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
const stored = (id: string) => books().invoices.find((i) => String(i.id) === id);
const view = (id: string) => invoiceView(books(), stored(id)!);
const hasPayments = (id: number) => books().payments.some((p) => p.invoice_id === id);
/** An active client with a contact that has an email. */
const reachableClient = () => books().clients.find((c) => c.status === 1 && books().contacts.some((p) => p.client_id === c.id && p.email))!;
const input = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({
  type: "INVOICE", contactRemoteId: String(reachableClient().id),
  lines: [{ description: "Brand workshop", quantity: "2", unitAmount: "450.00" }, { description: "Travel", unitAmount: "80.50" }], ...over,
});
const create = async (over: Partial<InvoiceInput> = {}) => recordOf(await org.adapter.create!("Invoice", input(over), SEND));

describe("create an invoice", () => {
  it("creates a draft with Clientary's required date, due date and currency filled in, numbered next", async () => {
    const highest = Math.max(...books().invoices.map((i) => Number(i.number)));
    const invoice = await create();
    expect(stored(invoice.remoteId)).toMatchObject({
      client_id: reachableClient().id, status: 0, date: "2026/11/15", due_date: "2026/11/15", currency_code: "USD", number: String(highest + 1), subtotal: 980.5, total_cost: 980.5,
    });
    expect(stored(invoice.remoteId)!.invoice_items.map((i) => [i.title, i.quantity, i.price])).toEqual([["Brand workshop", 2, 450], ["Travel", 1, 80.5]]);
    expect(invoice).toMatchObject({ status: "DRAFT", total: "980.50", amountDue: "980.50", issueDate: "2026-11-15", lineItems: [{ lineAmount: "900.00" }, { lineAmount: "80.50" }] });
  });

  it("creates a sent invoice (AUTHORISED) with the dates, number, reference and currency given", async () => {
    const invoice = await create({ status: "AUTHORISED" as InvoiceInput["status"], issueDate: "2026-11-01", dueDate: "2026-12-01", number: "INV-9001", reference: "PO-55", currency: "EUR" });
    expect(stored(invoice.remoteId)).toMatchObject({ status: 1, date: "2026/11/01", due_date: "2026/12/01", number: "INV-9001", po: "PO-55", currency_code: "EUR" });
    expect(invoice).toMatchObject({ status: "AUTHORISED", dueDate: "2026-12-01", currency: "EUR", reference: "PO-55" });
  });

  it.each([
    [{ number: "1" }, "number", "has already been taken"],
    [{ contactRemoteId: "999999" }, "client_id", "is invalid"],
    [{ issueDate: "2026-11-20", dueDate: "2026-11-10" }, "due_date", "can't be before the invoice date"],
  ])("maps Clientary's 422 for %j to PROVIDER_VALIDATION (%s: %s)", async (over, field, message) => {
    const count = books().invoices.length;
    const error = await rejectionOf(org.adapter.create!("Invoice", input(over), SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field, message }] } });
    expect(error.message).toContain(`${field}: ${message}`);
    expect(books().invoices).toHaveLength(count);
  });

  it("refuses lines Clientary cannot hold before calling it", async () => {
    const writes = org.sandbox.stats.writes;
    const error = await rejectionOf(org.adapter.create!("Invoice", input({ lines: [{ description: "Discounted", unitAmount: "10", discountRate: "5" }] }), SEND));
    expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { fields: [{ field: "input.lines[0].discountRate" }] } });
    expect(org.sandbox.stats.writes).toBe(writes);
  });

  it("answers NOT_SUPPORTED naming Clientary for SUBMITTED (no approval step)", async () => {
    const error = await rejectionOf(org.adapter.create!("Invoice", input({ status: "SUBMITTED" as InvoiceInput["status"] }), SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: "invoices with status SUBMITTED" } });
  });

  it("dry run: the exact POST /invoices, nothing sent", async () => {
    const result = await expectDryRun(org, () => org.adapter.create!("Invoice", input({ dueDate: "2026-12-15" }), DRY_RUN));
    expect(result).toEqual({
      kind: "dryRun",
      request: {
        method: "POST", path: "/api/v2/invoices",
        body: { invoice: {
          client_id: reachableClient().id, date: "2026-11-15", due_date: "2026-12-15", currency_code: "USD",
          invoice_items_attributes: [{ title: "Brand workshop", quantity: "2", price: "450.00", taxable: false }, { title: "Travel", quantity: "1", price: "80.50", taxable: false }],
        } },
      },
    });
  });
});

describe("update an invoice", () => {
  it("replaces the lines: edits the ones named, adds new ones, destroys the ones left out; totals follow", async () => {
    const invoice = await create();
    const [first] = invoice.lineItems;
    const updated = recordOf(await org.adapter.update!("Invoice", invoice.remoteId, { lines: [{ remoteId: first!.remoteId, unitAmount: "500" }, { description: "Rush fee", unitAmount: "120" }] }, SEND));
    expect(stored(invoice.remoteId)!.invoice_items.map((i) => [i.title, i.quantity, i.price])).toEqual([["Brand workshop", 2, 500], ["Rush fee", 1, 120]]);
    expect(stored(invoice.remoteId)).toMatchObject({ subtotal: 1120, total_cost: 1120 });
    expect(updated).toMatchObject({ total: "1120.00", lineItems: [{ remoteId: first!.remoteId }, { description: "Rush fee" }] });
  });

  it("moves a draft to sent and changes dates and reference, leaving the lines", async () => {
    const invoice = await create();
    await org.adapter.update!("Invoice", invoice.remoteId, { status: "AUTHORISED" as InvoiceInput["status"], dueDate: "2026-12-31", reference: "PO-1" }, SEND);
    expect(stored(invoice.remoteId)).toMatchObject({ status: 1, due_date: "2026/12/31", po: "PO-1" });
    expect(stored(invoice.remoteId)!.invoice_items).toHaveLength(2);
    expect((await org.adapter.getMany("Invoice", [invoice.remoteId]))[0]).toMatchObject({ status: "AUTHORISED", dueDate: "2026-12-31", reference: "PO-1" });
  });

  it("keeps a paid invoice's lines (PROVIDER_VALIDATION with Clientary's message)", async () => {
    const paid = books().invoices.find((i) => view(String(i.id)).status === 4)!;
    const before = JSON.stringify(paid);
    const error = await rejectionOf(org.adapter.update!("Invoice", String(paid.id), { lines: [{ description: "Extra", unitAmount: "10" }] }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: expect.arrayContaining([{ field: "invoice_items", message: "can't be changed on a paid invoice" }]) } });
    expect(JSON.stringify(paid)).toBe(before);
  });

  it("with payments: no return to draft, and the total may not fall below what was paid (raising it is fine)", async () => {
    const invoice = await create({ status: "AUTHORISED" as InvoiceInput["status"] });
    await org.adapter.create!("Payment", { documentType: "INVOICE", documentRemoteId: invoice.remoteId, accountCode: "BANK", date: "2026-11-15", amount: "900.00" }, SEND);
    const fieldsOf = async (changes: InvoiceChanges) =>
      ((await rejectionOf(org.adapter.update!("Invoice", invoice.remoteId, changes, SEND))).extensions.providerErrors as Array<{ field: string }>).map((p) => p.field);
    expect(await fieldsOf({ status: "DRAFT" as InvoiceInput["status"] })).toEqual(["status"]);
    expect(await fieldsOf({ lines: [{ description: "Small", unitAmount: "100" }] })).toEqual(["invoice_items"]);
    await expect(org.adapter.update!("Invoice", invoice.remoteId, { lines: [{ description: "Bigger", unitAmount: "2000" }] }, SEND)).resolves.toMatchObject({ kind: "done" });
    expect(view(invoice.remoteId)).toMatchObject({ total_payments: 900, balance: 1100 });
  });

  it("refuses changes to a cancelled invoice", async () => {
    const cancelled = books().invoices.find((i) => i.status === 3)!;
    const error = await rejectionOf(org.adapter.update!("Invoice", String(cancelled.id), { reference: "late" }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "base", message: "A cancelled invoice can't be edited" }] } });
  });

  it("dry run: reads the current lines to describe the exact PUT with `_destroy`, sends nothing", async () => {
    const invoice = await create();
    const [keep, drop] = invoice.lineItems;
    const result = await expectDryRun(org, () => org.adapter.update!("Invoice", invoice.remoteId, { lines: [{ remoteId: keep!.remoteId, quantity: "3" }] }, DRY_RUN));
    expect(result).toEqual({
      kind: "dryRun",
      request: { method: "PUT", path: `/api/v2/invoices/${invoice.remoteId}`, body: { invoice: { invoice_items_attributes: [{ id: Number(keep!.remoteId), quantity: "3" }, { id: Number(drop!.remoteId), _destroy: true }] } } },
    });
  });
});

describe("delete an invoice", () => {
  it("deletes an invoice without payments", async () => {
    const invoice = await create();
    expect(await org.adapter.remove!("Invoice", invoice.remoteId, SEND)).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(stored(invoice.remoteId)).toBeUndefined();
    expect(await org.adapter.getMany("Invoice", [invoice.remoteId])).toEqual([null]);
  });

  it("refuses one with payments, saying to delete them first", async () => {
    const paid = books().invoices.find((i) => hasPayments(i.id))!;
    const error = await rejectionOf(org.adapter.remove!("Invoice", String(paid.id), SEND));
    expect(error.code).toBe(ErrorCode.PROVIDER_VALIDATION);
    expect(error.message).toMatch(/Delete its payments first/);
    expect(stored(String(paid.id))).toBeDefined();
  });

  it("dry run: DELETE /invoices/:id, nothing deleted", async () => {
    const invoice = await create();
    expect(await expectDryRun(org, () => org.adapter.remove!("Invoice", invoice.remoteId, DRY_RUN))).toEqual({ kind: "dryRun", request: { method: "DELETE", path: `/api/v2/invoices/${invoice.remoteId}`, body: null } });
  });
});

describe("send an invoice (Clientary's invoice message)", () => {
  const emailsOf = (clientId: number) => books().contacts.filter((c) => c.client_id === clientId).map((c) => c.email);

  it("emails every contact of the client, records the message and marks the draft sent", async () => {
    const invoice = await create();
    expect(await org.adapter.send!("Invoice", invoice.remoteId, SEND)).toEqual({ kind: "done", record: { sent: true } });
    const message = books().messages!.at(-1)!;
    expect(message).toMatchObject({ document: "invoice", document_id: Number(invoice.remoteId), recipients: emailsOf(reachableClient().id), attach_pdf: true, send_copy: false });
    expect(message.subject).toBe(`Invoice #${invoice.number} from ${books().account.name}`);
    expect(stored(invoice.remoteId)!.status).toBe(1);
    expect((await org.adapter.getMany("Invoice", [invoice.remoteId]))[0]).toMatchObject({ status: "AUTHORISED", sentToContact: true });
  });

  it("refuses a client with no contact email (nothing sent) and a cancelled invoice (Clientary's 422)", async () => {
    const bare = recordOf(await org.adapter.create!("Contact", { name: "No Inbox Inc" }, SEND));
    const invoice = await create({ contactRemoteId: bare.remoteId });
    const writes = org.sandbox.stats.writes;
    await expect(org.adapter.send!("Invoice", invoice.remoteId, SEND)).rejects.toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, message: expect.stringMatching(/no contact|none with an email/) });
    expect(org.sandbox.stats.writes).toBe(writes);
    const cancelled = books().invoices.find((i) => i.status === 3 && emailsOf(i.client_id).length > 0)!;
    const error = await rejectionOf(org.adapter.send!("Invoice", String(cancelled.id), SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "base", message: "A cancelled invoice can't be sent" }] } });
  });

  it("dry run: the exact message request, nothing sent and the invoice still a draft", async () => {
    const invoice = await create();
    const result = await expectDryRun(org, () => org.adapter.send!("Invoice", invoice.remoteId, DRY_RUN));
    expect(result).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: `/api/v2/invoices/${invoice.remoteId}/messages`, body: { recipients: emailsOf(reachableClient().id), attach_pdf: true, send_copy: false } },
    });
    expect(stored(invoice.remoteId)!.status).toBe(0);
  });
});

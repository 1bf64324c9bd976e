import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const FIELDS = `replayed record { id remoteId number status subTotal totalTax total amountDue contact { name } lineItems { description lineAmount } } request { method path }`;
const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!, $key: String) { createInvoice(organizationId: $o, input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const CREATE_BILL = `mutation($o: ID!, $input: DocumentInput!) { createBill(organizationId: $o, input: $input) { ${FIELDS} } }`;

describe("createInvoice and createBill (Xero sandbox)", () => {
  let t: TestLedgerline;
  let contactId: string;
  let contactName: string;
  beforeAll(async () => {
    t = await startTestLedgerline();
    const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    contactId = toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: contact.ContactID });
    contactName = contact.Name;
  });
  afterAll(() => t?.close());

  const lines = [
    { description: "Design work", quantity: "3", unitAmount: "120.00", accountCode: "200" },
    { description: "Hosting", quantity: "1", unitAmount: "49.99", accountCode: "200" },
  ];

  it("creates a draft sales invoice whose totals the provider computed, visible to the next read", async () => {
    const { body } = await t.post(CREATE_INVOICE, { o: t.organizationId, input: { contactId, issueDate: "2026-11-20", dueDate: "2026-12-20", lines } });
    expect(body.errors).toBeUndefined();
    const record = body.data!.createInvoice.record;
    expect(record).toMatchObject({ status: "DRAFT", subTotal: "409.99", contact: { name: contactName } });
    const stored = t.xero.books.invoices.find((i) => i.InvoiceID === record.remoteId)!;
    expect(stored).toMatchObject({ Type: "ACCREC", Status: "DRAFT", Total: Number(record.total) });
    const listed = await t.post(`query($o: ID!, $c: ID!) { organization(id: $o) { invoices(first: 200, filter: { contactId: $c, status: [DRAFT] }) { edges { node { id } } } } }`, { o: t.organizationId, c: contactId });
    expect(listed.body.data!.organization.invoices.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(record.id);
  });

  it("creates a bill as the provider's purchase invoice", async () => {
    const { body } = await t.post(CREATE_BILL, { o: t.organizationId, input: { contactId, issueDate: "2026-11-20", dueDate: "2026-12-05", lines: [{ description: "Paper", quantity: "10", unitAmount: "4.50", accountCode: "429" }] } });
    expect(body.errors).toBeUndefined();
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === body.data!.createBill.record.remoteId)).toMatchObject({ Type: "ACCPAY" });
  });

  it("refuses bad input naming each field, before any upstream call", async () => {
    const before = t.xero.stats.total;
    const { body } = await t.post(CREATE_INVOICE, { o: t.organizationId, input: { contactId: "nope", issueDate: "2026-11-20", dueDate: "2026-11-01", status: "PAID", lines: [{ quantity: "1" }] } });
    expect(body.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(["input.contactId", "input.lines[0]", "input.status", "input.dueDate"]);
    expect(t.xero.stats.total).toBe(before);
  });

  it("passes the provider's rule through: an approved invoice needs a due date", async () => {
    const { body } = await t.post(CREATE_INVOICE, { o: t.organizationId, input: { contactId, status: "AUTHORISED", lines } });
    expect(body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(body.errors![0].message).toMatch(/DueDate/);
  });

  it("an idempotency key makes a retried create return the first invoice", async () => {
    const vars = { o: t.organizationId, key: "inv-retry-1", input: { contactId, issueDate: "2026-11-21", dueDate: "2026-12-21", lines } };
    const [a, b] = await Promise.all([t.post(CREATE_INVOICE, vars), t.post(CREATE_INVOICE, vars)]);
    expect(a.body.data!.createInvoice.record.id).toBe(b.body.data!.createInvoice.record.id);
    expect(t.xero.books.invoices.filter((i) => i.Date === "2026-11-21" && i.Contact.ContactID === t.xero.books.invoices.find((x) => x.InvoiceID === a.body.data!.createInvoice.record.remoteId)!.Contact.ContactID)).toHaveLength(1);
  });
});

describe("updateInvoice (Xero sandbox)", () => {
  let t: TestLedgerline;
  let contactId: string;
  beforeAll(async () => {
    t = await startTestLedgerline();
    contactId = toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID });
  });
  afterAll(() => t?.close());
  const UPDATE = `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { status subTotal lineItems { description } } } }`;
  const stored = (remoteId: string) => t.xero.books.invoices.find((i) => i.InvoiceID === remoteId)!;

  it("moves a draft through submitted to approved, edits lines while allowed, and refuses edits once paid", async () => {
    const input = { contactId, issueDate: "2026-11-02", dueDate: "2026-12-02", lines: [{ description: "Workshop", quantity: "2", unitAmount: "300.00", accountCode: "200" }] };
    const created = (await t.post(CREATE_INVOICE, { o: t.organizationId, input })).body.data!.createInvoice.record;

    const edited = await t.post(UPDATE, { id: created.id, input: { lines: [{ description: "Workshop (full day)", quantity: "1", unitAmount: "800.00", accountCode: "200" }] } });
    expect(edited.body.data!.updateInvoice.record).toMatchObject({ status: "DRAFT", subTotal: "800.00", lineItems: [{ description: "Workshop (full day)" }] });
    expect((await t.post(UPDATE, { id: created.id, input: { status: "SUBMITTED" } })).body.data!.updateInvoice.record.status).toBe("SUBMITTED");
    expect((await t.post(UPDATE, { id: created.id, input: { status: "AUTHORISED" } })).body.data!.updateInvoice.record.status).toBe("AUTHORISED");
    expect(stored(created.remoteId).Status).toBe("AUTHORISED");

    const bank = t.xero.books.accounts.find((a) => a.Type === "BANK")!.Code;
    await t.post(`mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id } } }`, { o: t.organizationId, input: { documentId: created.id, accountCode: bank, date: "2026-11-05", amount: "100.00" } });
    const refused = await t.post(UPDATE, { id: created.id, input: { lines: [{ description: "Changed", quantity: "1", unitAmount: "1.00", accountCode: "200" }] } });
    expect(refused.body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(stored(created.remoteId).LineItems[0].Description).toBe("Workshop (full day)");
  });

  it("refuses statuses that are not set directly, naming the field", async () => {
    const some = toGlobalId({ organizationId: t.organizationId, type: "Invoice", remoteId: t.xero.books.invoices.find((i) => i.Type === "ACCREC")!.InvoiceID });
    const { body } = await t.post(UPDATE, { id: some, input: { status: "PAID" } });
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.status" }] });
  });
});

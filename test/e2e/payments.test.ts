import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { id remoteId total } } }`;
const PAY = `mutation($o: ID!, $input: RecordPaymentInput!, $key: String) { recordPayment(organizationId: $o, input: $input, idempotencyKey: $key) { replayed record { id amount direction documentType documentId } } }`;
const DELETE = `mutation($id: ID!) { deleteRecord(id: $id) { id outcome } }`;
const INVOICE = `query($id: ID!) { node(id: $id) { ... on Invoice { status amountDue amountPaid payments { amount } } } }`;

describe("recordPayment and deleteRecord (Xero sandbox)", () => {
  let t: TestLedgerline;
  let contactId: string;
  const bank = () => t.xero.books.accounts.find((a) => a.Type === "BANK")!.Code;
  beforeAll(async () => {
    t = await startTestLedgerline();
    contactId = toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID });
  });
  afterAll(() => t?.close());

  const invoice = async (status: string) => {
    const input = { contactId, status, issueDate: "2026-11-01", dueDate: "2026-11-30", lines: [{ description: "Consulting", quantity: "1", unitAmount: "500.00", accountCode: "200" }] };
    const { body } = await t.post(CREATE_INVOICE, { o: t.organizationId, input });
    expect(body.errors).toBeUndefined();
    return body.data!.createInvoice.record as { id: string; remoteId: string; total: string };
  };

  it("deletes drafts, voids approved invoices, refuses paid ones, archives contacts", async () => {
    const draft = await invoice("DRAFT");
    expect((await t.post(DELETE, { id: draft.id })).body.data!.deleteRecord.outcome).toBe("DELETED");
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === draft.remoteId)!.Status).toBe("DELETED");

    const approved = await invoice("AUTHORISED");
    expect((await t.post(DELETE, { id: approved.id })).body.data!.deleteRecord.outcome).toBe("VOIDED");
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === approved.remoteId)!.Status).toBe("VOIDED");

    const paid = await invoice("AUTHORISED");
    await t.post(PAY, { o: t.organizationId, input: { documentId: paid.id, accountCode: bank(), date: "2026-11-10", amount: "10.00" } });
    const refused = await t.post(DELETE, { id: paid.id });
    expect(refused.body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(refused.body.errors![0].message).toMatch(/Delete its payments first/);

    const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE" && c.Name.startsWith("M"))!;
    const archived = await t.post(DELETE, { id: toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: contact.ContactID }) });
    expect(archived.body.data!.deleteRecord.outcome).toBe("ARCHIVED");
    expect(t.xero.books.contacts.find((c) => c.ContactID === contact.ContactID)!.ContactStatus).toBe("ARCHIVED");
  });

  it("a partial payment lowers what is due and marks the invoice partly paid; deleting it restores both", async () => {
    const inv = await invoice("AUTHORISED");
    const { body } = await t.post(PAY, { o: t.organizationId, input: { documentId: inv.id, accountCode: bank(), date: "2026-11-10", amount: "100.00" } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordPayment.record).toMatchObject({ amount: "100.00", direction: "RECEIVED", documentType: "INVOICE", documentId: inv.id });
    const after = (await t.post(INVOICE, { id: inv.id })).body.data!.node;
    expect(after).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "100.00" });
    expect(Number(after.amountDue)).toBe(Number(inv.total) - 100);

    const removed = await t.post(DELETE, { id: body.data!.recordPayment.record.id });
    expect(removed.body.data!.deleteRecord).toMatchObject({ outcome: "DELETED" });
    const restored = (await t.post(INVOICE, { id: inv.id })).body.data!.node;
    expect(restored).toMatchObject({ status: "AUTHORISED", amountPaid: "0.00", amountDue: inv.total });
    const statuses = t.xero.books.payments.filter((p) => p.Invoice?.InvoiceID === inv.remoteId).map((p) => p.Status);
    expect(statuses).toEqual(["DELETED"]);
  });

  it("refuses paying more than is due, and paying a draft, with the provider's messages", async () => {
    const open = await invoice("AUTHORISED");
    const over = await t.post(PAY, { o: t.organizationId, input: { documentId: open.id, accountCode: bank(), date: "2026-11-10", amount: "100000.00" } });
    expect(over.body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(over.body.errors![0].message).toMatch(/exceeds the amount outstanding/);
    const draft = await invoice("DRAFT");
    const early = await t.post(PAY, { o: t.organizationId, input: { documentId: draft.id, accountCode: bank(), date: "2026-11-10", amount: "10.00" } });
    expect(early.body.errors![0].message).toMatch(/Authorised documents/);
  });

  it("refuses bad payment input naming the fields", async () => {
    const { body } = await t.post(PAY, { o: t.organizationId, input: { documentId: contactId, accountCode: " ", date: "2026-11-10", amount: "-5" } });
    expect(body.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(["input.documentId", "input.amount", "input.accountCode"]);
  });

  it("the same payment retried with its idempotency key is recorded once", async () => {
    const inv = await invoice("AUTHORISED");
    const vars = { o: t.organizationId, key: "pay-once", input: { documentId: inv.id, accountCode: bank(), date: "2026-11-12", amount: "50.00" } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.post(PAY, vars)));
    expect(new Set(answers.map((a) => a.body.data!.recordPayment.record.id)).size).toBe(1);
    expect(t.xero.books.payments.filter((p) => p.Invoice?.InvoiceID === inv.remoteId && p.Status === "AUTHORISED")).toHaveLength(1);
  });

  it("deleting what the provider cannot delete answers NOT_SUPPORTED", async () => {
    const account = toGlobalId({ organizationId: t.organizationId, type: "Account", remoteId: t.xero.books.accounts[0].AccountID });
    const { body } = await t.post(DELETE, { id: account });
    expect(body.errors![0].extensions).toMatchObject({ code: "NOT_SUPPORTED", provider: "XERO" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const NOTE = `mutation($id: ID!, $note: String!, $dry: Boolean) { addNote(id: $id, note: $note, dryRun: $dry) { id note { text addedAt } request { method path body } } }`;

describe("addNote (Xero sandbox)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());
  const idOf = (type: string, remoteId: string) => toGlobalId({ organizationId: t.organizationId, type, remoteId });

  it("adds a note to an invoice's and a contact's history at the provider", async () => {
    const invoice = t.xero.books.invoices.find((i) => i.Type === "ACCREC")!;
    const contact = t.xero.books.contacts[0];
    for (const [id, remoteId] of [[idOf("Invoice", invoice.InvoiceID), invoice.InvoiceID], [idOf("Contact", contact.ContactID), contact.ContactID]]) {
      const { body } = await t.post(NOTE, { id, note: "Called about the overdue amount; promised by Friday." });
      expect(body.errors).toBeUndefined();
      expect(body.data!.addNote.note.text).toBe("Called about the overdue amount; promised by Friday.");
      expect(t.xero.books.history[remoteId].at(-1)).toMatchObject({ Changes: "Note", Details: "Called about the overdue amount; promised by Friday." });
    }
  });

  it("dry run shows the history request and adds nothing", async () => {
    const invoice = t.xero.books.invoices.find((i) => i.Type === "ACCPAY")!;
    const before = t.xero.books.history[invoice.InvoiceID]?.length ?? 0;
    const { body } = await t.post(NOTE, { id: idOf("Bill", invoice.InvoiceID), note: "check", dry: true });
    expect(body.data!.addNote).toMatchObject({ note: null, request: { method: "PUT", path: `/api.xro/2.0/Invoices/${invoice.InvoiceID}/History`, body: { HistoryRecords: [{ Details: "check" }] } } });
    expect(t.xero.books.history[invoice.InvoiceID]?.length ?? 0).toBe(before);
  });

  it("refuses an empty or too long note, and records Xero keeps no history for", async () => {
    const contact = idOf("Contact", t.xero.books.contacts[0].ContactID);
    expect((await t.post(NOTE, { id: contact, note: "   " })).body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "note" }] });
    expect((await t.post(NOTE, { id: contact, note: "x".repeat(2501) })).body.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    const account = idOf("Account", t.xero.books.accounts[0].AccountID);
    expect((await t.post(NOTE, { id: account, note: "hello" })).body.errors![0].extensions).toMatchObject({ code: "NOT_SUPPORTED", provider: "XERO" });
  });
});

describe("sendInvoice (Xero sandbox)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());
  const SEND = `mutation($id: ID!) { sendInvoice(id: $id) { sent } }`;
  const idOf = (type: string, remoteId: string) => toGlobalId({ organizationId: t.organizationId, type, remoteId });
  const emailOf = (contactId: string) => t.xero.books.contacts.find((c) => c.ContactID === contactId)?.EmailAddress;

  it("emails an approved sales invoice and marks it sent; refuses drafts and bills with the provider's rules", async () => {
    const approved = t.xero.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED" && !i.SentToContact && emailOf(i.Contact.ContactID))!;
    const { body } = await t.post(SEND, { id: idOf("Invoice", approved.InvoiceID) });
    expect(body.data!.sendInvoice).toEqual({ sent: true });
    expect(t.xero.books.invoices.find((i) => i.InvoiceID === approved.InvoiceID)!.SentToContact).toBe(true);

    const draft = t.xero.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "DRAFT")!;
    const refused = await t.post(SEND, { id: idOf("Invoice", draft.InvoiceID) });
    expect(refused.body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(refused.body.errors![0].message).toMatch(/SUBMITTED, AUTHORISED or PAID/);

    const bill = t.xero.books.invoices.find((i) => i.Type === "ACCPAY")!;
    expect((await t.post(SEND, { id: idOf("Bill", bill.InvoiceID) })).body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "id" }] });
  });
});

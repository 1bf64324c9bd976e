import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const CREATE = `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId number status total title } } }`;
const UPDATE = `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { status title total } } }`;
const DELETE = `mutation($id: ID!) { deleteRecord(id: $id) { outcome } }`;

describe("createQuote, updateQuote, deleting quotes (Xero sandbox)", () => {
  let t: TestLedgerline;
  let contactId: string;
  beforeAll(async () => {
    t = await startTestLedgerline();
    contactId = toGlobalId({ organizationId: t.organizationId, type: "Contact", remoteId: t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID });
  });
  afterAll(() => t?.close());
  const stored = (remoteId: string) => t.xero.books.quotes.find((q) => q.QuoteID === remoteId)!;
  const lines = [{ description: "Brand refresh", quantity: "1", unitAmount: "2400.00", accountCode: "200" }];

  it("creates a numbered draft, edits it freely while DRAFT, then refuses edits once SENT with the provider's message", async () => {
    const created = (await t.post(CREATE, { o: t.organizationId, input: { contactId, issueDate: "2026-11-20", expiryDate: "2026-12-20", title: "Rebrand", lines } })).body.data!.createQuote.record;
    expect(created).toMatchObject({ status: "DRAFT", title: "Rebrand", number: expect.stringMatching(/^QU-\d+/) });
    expect(stored(created.remoteId)).toMatchObject({ Status: "DRAFT", Title: "Rebrand" });

    const edited = await t.post(UPDATE, { id: created.id, input: { title: "Rebrand (phase 1)", lines: [{ ...lines[0], unitAmount: "1800.00" }] } });
    expect(edited.body.data!.updateQuote.record).toMatchObject({ status: "DRAFT", title: "Rebrand (phase 1)" });
    expect((await t.post(UPDATE, { id: created.id, input: { status: "SENT" } })).body.data!.updateQuote.record.status).toBe("SENT");

    const refused = await t.post(UPDATE, { id: created.id, input: { title: "Sneaky change" } });
    expect(refused.body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(refused.body.errors![0].message).toMatch(/only be edited while in DRAFT/);
    expect(stored(created.remoteId).Title).toBe("Rebrand (phase 1)");

    expect((await t.post(UPDATE, { id: created.id, input: { status: "ACCEPTED" } })).body.data!.updateQuote.record.status).toBe("ACCEPTED");
    expect((await t.post(UPDATE, { id: created.id, input: { status: "DECLINED" } })).body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect((await t.post(DELETE, { id: created.id })).body.data!.deleteRecord.outcome).toBe("DELETED");
    expect(stored(created.remoteId).Status).toBe("DELETED");
  });

  it("refuses bad quote input naming each field", async () => {
    const { body } = await t.post(CREATE, { o: t.organizationId, input: { contactId: "x", issueDate: "2026-11-20", expiryDate: "2026-11-01", status: "ACCEPTED", lines: [] } });
    expect(body.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(["input.contactId", "input.lines", "input.status", "input.expiryDate"]);
  });
});

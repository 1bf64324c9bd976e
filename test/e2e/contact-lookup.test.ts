import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";

const FIND = `query($o: ID!, $by: ContactLookupInput!) { findContact(organizationId: $o, by: $by) { matchedBy incomplete contact { remoteId name } } }`;
const UPSERT = `mutation($o: ID!, $input: ContactInput!, $key: String) { upsertContact(organizationId: $o, input: $input, idempotencyKey: $key) { created matchedBy replayed record { remoteId name email } } }`;
const FIND_OR_CREATE = `mutation($o: ID!, $input: ContactInput!) { findOrCreateContact(organizationId: $o, input: $input) { created matchedBy record { remoteId name email } } }`;

describe("findContact, upsertContact, findOrCreateContact (Xero sandbox)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());
  const active = () => t.xero.books.contacts.filter((c) => c.ContactStatus === "ACTIVE");

  it("finds by email, then account number, then name — exact and case-insensitive", async () => {
    const withEmail = active().find((c) => c.EmailAddress)!;
    const byEmail = await t.post(FIND, { o: t.organizationId, by: { email: withEmail.EmailAddress!.toUpperCase(), name: "someone else" } });
    expect(byEmail.body.data!.findContact).toMatchObject({ matchedBy: "EMAIL", contact: { remoteId: withEmail.ContactID } });

    const withNumber = active().find((c) => c.AccountNumber)!;
    const byNumber = await t.post(FIND, { o: t.organizationId, by: { accountNumber: withNumber.AccountNumber } });
    expect(byNumber.body.data!.findContact).toMatchObject({ matchedBy: "ACCOUNT_NUMBER", contact: { remoteId: withNumber.ContactID } });
    const named = active()[3];
    const byName = await t.post(FIND, { o: t.organizationId, by: { email: "nobody@nowhere.test", name: named.Name.toLowerCase() } });
    expect(byName.body.data!.findContact).toMatchObject({ matchedBy: "NAME", contact: { remoteId: named.ContactID } });

    const none = await t.post(FIND, { o: t.organizationId, by: { name: "No Such Company 42" } });
    expect(none.body.data!.findContact).toEqual({ matchedBy: null, incomplete: false, contact: null });
    expect((await t.post(FIND, { o: t.organizationId, by: {} })).body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "by" }] });
  });

  it("upsert updates the contact it matches and says how, or creates one", async () => {
    const existing = active().find((c) => c.EmailAddress)!;
    const updated = await t.post(UPSERT, { o: t.organizationId, input: { name: existing.Name, email: existing.EmailAddress, taxNumber: "TAX-778" } });
    expect(updated.body.data!.upsertContact).toMatchObject({ created: false, matchedBy: "EMAIL", record: { remoteId: existing.ContactID } });
    expect(t.xero.books.contacts.find((c) => c.ContactID === existing.ContactID)!.TaxNumber).toBe("TAX-778");

    const count = t.xero.books.contacts.length;
    const created = await t.post(UPSERT, { o: t.organizationId, input: { name: "Brand New Studio", email: "studio@new.test" }, key: "upsert-new-studio" });
    expect(created.body.data!.upsertContact).toMatchObject({ created: true, matchedBy: null, replayed: false });
    const again = await t.post(UPSERT, { o: t.organizationId, input: { name: "Brand New Studio", email: "studio@new.test" }, key: "upsert-new-studio" });
    expect(again.body.data!.upsertContact).toMatchObject({ created: true, replayed: true, record: { remoteId: created.body.data!.upsertContact.record.remoteId } });
    expect(t.xero.books.contacts.length).toBe(count + 1);
  });

  it("find-or-create returns a match untouched and creates only when nothing matches", async () => {
    const existing = active()[5];
    const found = await t.post(FIND_OR_CREATE, { o: t.organizationId, input: { name: existing.Name, email: "ignored@change.test" } });
    expect(found.body.data!.findOrCreateContact).toMatchObject({ created: false, matchedBy: "NAME", record: { remoteId: existing.ContactID } });
    expect(t.xero.books.contacts.find((c) => c.ContactID === existing.ContactID)!.EmailAddress).not.toBe("ignored@change.test");
    const made = await t.post(FIND_OR_CREATE, { o: t.organizationId, input: { name: "Freshly Made Ltd" } });
    expect(made.body.data!.findOrCreateContact).toMatchObject({ created: true, record: { name: "Freshly Made Ltd" } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";

const CREATE = `mutation($o: ID!, $input: ContactInput!, $key: String, $dry: Boolean) {
  createContact(organizationId: $o, input: $input, idempotencyKey: $key, dryRun: $dry) {
    replayed record { id remoteId name email } request { method path body } } }`;

describe("createContact (Xero sandbox)", () => {
  let dataDir: string;
  let t: TestLedgerline;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-create-"));
    t = await startTestLedgerline({ dataDir });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const named = (name: string) => t.xero.books.contacts.filter((c) => c.Name === name);

  it("creates the contact at the provider and a read right after sees it", async () => {
    const { body } = await t.post(CREATE, { o: t.organizationId, input: { name: "Nova Pottery", email: "hi@nova.test", phones: [{ kind: "MOBILE", number: "555 0100" }] } });
    expect(body.errors).toBeUndefined();
    const created = body.data!.createContact.record;
    expect(named("Nova Pottery")).toHaveLength(1);
    expect(named("Nova Pottery")[0]).toMatchObject({ ContactID: created.remoteId, EmailAddress: "hi@nova.test" });
    const read = await t.post(`query($id: ID!) { node(id: $id) { ... on Contact { name email phones { kind number } } } }`, { id: created.id });
    expect(read.body.data!.node).toEqual({ name: "Nova Pottery", email: "hi@nova.test", phones: expect.arrayContaining([{ kind: "MOBILE", number: "555 0100" }]) });
  });

  it("refuses bad input naming each field, before any upstream call", async () => {
    const before = t.xero.stats.total;
    const { body } = await t.post(CREATE, { o: t.organizationId, input: { name: "  ", email: "not-an-email", phones: [{ number: "" }] } });
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(body.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(["input.name", "input.email", "input.phones[0].number"]);
    expect(t.xero.stats.total).toBe(before);
  });

  it("passes the provider's own validation message through as PROVIDER_VALIDATION", async () => {
    const taken = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.Name;
    const { body } = await t.post(CREATE, { o: t.organizationId, input: { name: taken } });
    expect(body.errors![0].extensions!.code).toBe("PROVIDER_VALIDATION");
    expect(body.errors![0].message).toMatch(/already assigned to another contact/);
  });

  it("dry run returns the exact provider request and changes nothing", async () => {
    const count = t.xero.books.contacts.length;
    const { body } = await t.post(CREATE, { o: t.organizationId, input: { name: "Dry Run Ltd" }, dry: true });
    expect(body.data!.createContact).toMatchObject({ record: null, replayed: false, request: { method: "PUT", path: "/api.xro/2.0/Contacts?summarizeErrors=true", body: { Contacts: [{ Name: "Dry Run Ltd" }] } } });
    expect(t.xero.books.contacts.length).toBe(count);
  });

  it("the same idempotency key 20 times at once, then after a restart, creates exactly one contact", async () => {
    const vars = { o: t.organizationId, input: { name: "Once Only Co" }, key: "create-once-only-co" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.post(CREATE, vars)));
    const ids = new Set(answers.map((a) => a.body.data!.createContact.record.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.body.data!.createContact.replayed)).toHaveLength(19);
    expect(named("Once Only Co")).toHaveLength(1);

    await t.close();
    t = await startTestLedgerline({ dataDir });
    const again = await t.post(CREATE, vars);
    expect(again.body.data!.createContact).toMatchObject({ replayed: true, record: { id: [...ids][0] } });
    expect(named("Once Only Co")).toHaveLength(1);

    const changed = await t.post(CREATE, { ...vars, input: { name: "Once Only Company" } });
    expect(changed.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] });
    expect(named("Once Only Company")).toHaveLength(0);
  });
});

describe("updateContact (Xero sandbox)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("changes only the fields given, at the provider", async () => {
    const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const id = Buffer.from(`Contact:${t.organizationId}:${contact.ContactID}`).toString("base64url");
    const { body } = await t.post(`mutation($id: ID!) { updateContact(id: $id, input: { email: "accounts@changed.test" }) { record { name email } } }`, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateContact.record).toEqual({ name: contact.Name, email: "accounts@changed.test" });
    expect(t.xero.books.contacts.find((c) => c.ContactID === contact.ContactID)).toMatchObject({ Name: contact.Name, EmailAddress: "accounts@changed.test" });
    const bad = await t.post(`mutation($id: ID!) { updateContact(id: $id, input: { name: " ", email: "nope" }) { record { name } } }`, { id });
    expect(bad.body.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(["input.name", "input.email"]);
  });
});

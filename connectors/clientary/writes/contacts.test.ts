import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors/index.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { DRY_RUN, expectDryRun, recordOf, rejectionOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const clientOf = (id: string) => books().clients.find((c) => String(c.id) === id);
const peopleOf = (id: string) => books().contacts.filter((c) => String(c.client_id) === id);

describe("create a contact (a Clientary client)", () => {
  it("creates the client and its first contact, which carries the email, name and phones", async () => {
    const contact = recordOf(await org.adapter.create!("Contact", {
      name: "Tamarack Florists", accountNumber: "T-77", email: "ines@tamarack.example", firstName: "Ines", lastName: "Okafor",
      phones: [{ number: "555-0101" }, { kind: "MOBILE", number: "555-0199" }], addresses: [{ line1: "9 Fern Rd", city: "Madison", region: "WI", postalCode: "53703", country: "United States" }],
    }, SEND));
    expect(clientOf(contact.remoteId)).toMatchObject({ name: "Tamarack Florists", number: "T-77", address: "9 Fern Rd", city: "Madison", state: "WI", zip: "53703", status: 1 });
    expect(peopleOf(contact.remoteId)).toEqual([expect.objectContaining({ name: "Ines Okafor", email: "ines@tamarack.example", phone: "555-0101", mobile: "555-0199" })]);
    expect(contact).toMatchObject({ name: "Tamarack Florists", email: "ines@tamarack.example", firstName: "Ines", accountNumber: "T-77" });
  });

  it("creates a client without a person when no email, name or phone is given", async () => {
    const contact = recordOf(await org.adapter.create!("Contact", { name: "Quiet Holdings" }, SEND));
    expect(clientOf(contact.remoteId)?.name).toBe("Quiet Holdings");
    expect(peopleOf(contact.remoteId)).toEqual([]);
  });

  it("is read back at once, even right after the contacts list was cached", async () => {
    await org.adapter.list("Contact", { first: 50, offset: 0, filter: {} });
    const created = recordOf(await org.adapter.create!("Contact", { name: "Fresh Read Ltd", email: "ops@fresh.example" }, SEND));
    const [read] = await org.adapter.getMany("Contact", [created.remoteId]);
    expect(read).toMatchObject({ name: "Fresh Read Ltd", email: "ops@fresh.example" });
  });

  it("maps Clientary's 422 for a taken number to PROVIDER_VALIDATION with the field message, and creates nothing", async () => {
    const taken = books().clients[0]!.number;
    const count = books().clients.length;
    const error = await rejectionOf(org.adapter.create!("Contact", { name: "Copycat", accountNumber: taken }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "number", message: "has already been taken" }] } });
    expect(books().clients).toHaveLength(count);
  });

  it("answers 426 past the plan's limit as PROVIDER_VALIDATION saying to upgrade", async () => {
    const limits = { ...books().account.planLimits };
    books().account.planLimits.clients = books().clients.length;
    const error = await rejectionOf(org.adapter.create!("Contact", { name: "One Too Many" }, SEND));
    books().account.planLimits = limits;
    expect(error.code).toBe(ErrorCode.PROVIDER_VALIDATION);
    expect(error.message).toMatch(/plan/);
  });

  it.each([
    [{ name: "Taxed", taxNumber: "GB123" }, "input.taxNumber"],
    [{ name: "Two Homes", addresses: [{ city: "A" }, { city: "B" }] }, "input.addresses"],
    [{ name: "No Mail", firstName: "Sam", phones: [{ number: "1" }] }, "input.email"],
    [{ name: "Phones", email: "a@b.example", phones: [{ number: "1" }, { number: "2" }] }, "input.phones"],
  ])("refuses %j before calling Clientary (BAD_USER_INPUT on %s)", async (input, field) => {
    const writes = org.sandbox.stats.writes;
    const error = await rejectionOf(org.adapter.create!("Contact", input, SEND));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(org.sandbox.stats.writes).toBe(writes);
  });

  it("dry run: the exact client request, nothing sent", async () => {
    const result = await expectDryRun(org, () => org.adapter.create!("Contact", { name: "Dry Co", email: "d@dry.example" }, DRY_RUN));
    expect(result).toEqual({ kind: "dryRun", request: { method: "POST", path: "/api/v2/clients", body: { client: { name: "Dry Co" } } } });
  });
});

describe("update a contact", () => {
  it("changes the client's fields and its first contact's email and phones", async () => {
    const created = recordOf(await org.adapter.create!("Contact", { name: "Before Name", email: "old@before.example", phones: [{ number: "1" }] }, SEND));
    const updated = recordOf(await org.adapter.update!("Contact", created.remoteId, {
      name: "After Name", email: "new@after.example", phones: [{ kind: "MOBILE", number: "555-7" }], addresses: [{ line1: "1 New St", city: "Austin" }],
    }, SEND));
    expect(clientOf(created.remoteId)).toMatchObject({ name: "After Name", address: "1 New St", city: "Austin", state: null });
    expect(peopleOf(created.remoteId)).toEqual([expect.objectContaining({ email: "new@after.example", phone: null, mobile: "555-7" })]);
    expect(updated).toMatchObject({ name: "After Name", email: "new@after.example", phones: [{ kind: "MOBILE", number: "555-7" }] });
  });

  it("gives a client without contacts its first one, named after the client", async () => {
    const created = recordOf(await org.adapter.create!("Contact", { name: "Lonely Co" }, SEND));
    await org.adapter.update!("Contact", created.remoteId, { email: "hi@lonely.example" }, SEND);
    expect(peopleOf(created.remoteId)).toEqual([expect.objectContaining({ name: "Lonely Co", email: "hi@lonely.example" })]);
  });

  it("a read right after an update sees it (the contacts cache is dropped)", async () => {
    const client = books().clients.find((c) => peopleOf(String(c.id)).length > 0)!;
    await org.adapter.getMany("Contact", [String(client.id)]);
    await org.adapter.list("Contact", { first: 100, offset: 0, filter: {} });
    await org.adapter.update!("Contact", String(client.id), { email: "changed@cache.example" }, SEND);
    const page = await org.adapter.list("Contact", { first: 100, offset: 0, filter: {} });
    expect(page.items.find((c) => c.remoteId === String(client.id))?.email).toBe("changed@cache.example");
  });

  it("refuses a blank name, and answers NOT_FOUND for a client that does not exist", async () => {
    const id = String(books().clients[1]!.id);
    await expect(org.adapter.update!("Contact", id, { name: "  " }, SEND)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(org.adapter.update!("Contact", "999999", { accountNumber: "X" }, SEND)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(org.adapter.update!("Contact", "not-a-number", { accountNumber: "X" }, SEND)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it("dry run: PUT /clients/:id with only what changes", async () => {
    const id = String(books().clients[2]!.id);
    const result = await expectDryRun(org, () => org.adapter.update!("Contact", id, { name: "Renamed" }, DRY_RUN));
    expect(result).toEqual({ kind: "dryRun", request: { method: "PUT", path: `/api/v2/clients/${id}`, body: { client: { name: "Renamed" } } } });
  });
});

describe("delete a contact", () => {
  it("deletes the client with its projects, invoices, payments, estimates and contacts; its expenses stay, unlinked", async () => {
    const client = books().clients.find((c) => books().projects.some((p) => p.client_id === c.id) && books().payments.some((p) => books().invoices.find((i) => i.id === p.invoice_id)?.client_id === c.id))!;
    const invoiceIds = new Set(books().invoices.filter((i) => i.client_id === client.id).map((i) => i.id));
    const projectIds = new Set(books().projects.filter((p) => p.client_id === client.id).map((p) => p.id));
    const expenseCount = books().expenses.length;
    expect(await org.adapter.remove!("Contact", String(client.id), SEND)).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(books().clients.some((c) => c.id === client.id)).toBe(false);
    expect(books().invoices.some((i) => invoiceIds.has(i.id))).toBe(false);
    expect(books().payments.some((p) => invoiceIds.has(p.invoice_id))).toBe(false);
    expect(books().projects.some((p) => projectIds.has(p.id))).toBe(false);
    expect(books().hours.some((h) => projectIds.has(h.project_id))).toBe(false);
    expect(books().estimates.some((e) => e.client_id === client.id)).toBe(false);
    expect(books().contacts.some((c) => c.client_id === client.id)).toBe(false);
    expect(books().expenses).toHaveLength(expenseCount);
    expect(books().expenses.some((e) => e.client_id === client.id || (e.invoice_id !== null && invoiceIds.has(e.invoice_id)))).toBe(false);
    expect(await org.adapter.getMany("Contact", [String(client.id)])).toEqual([null]);
  });

  it("deletes a lead with its contacts", async () => {
    const lead = books().leads[0]!;
    await org.adapter.remove!("Lead", String(lead.id), SEND);
    expect(books().leads.some((l) => l.id === lead.id)).toBe(false);
    expect(books().contacts.some((c) => c.client_id === lead.id)).toBe(false);
  });

  it("answers NOT_FOUND for a client that is gone", async () => {
    await expect(org.adapter.remove!("Contact", "999999", SEND)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it("dry run: DELETE /clients/:id, nothing deleted", async () => {
    const id = String(books().clients[0]!.id);
    expect(await expectDryRun(org, () => org.adapter.remove!("Contact", id, DRY_RUN))).toEqual({ kind: "dryRun", request: { method: "DELETE", path: `/api/v2/clients/${id}`, body: null } });
  });
});

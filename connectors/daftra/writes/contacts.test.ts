import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW } from "../sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "../testing/sandbox-organization.js";
import { failureOf, writeRequests } from "../testing/write-checks.js";

let org: SandboxOrganization;
let adapter: Required<ConnectorAdapter>;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  adapter = org.adapter as Required<ConnectorAdapter>;
});
afterAll(() => org.sandbox.close());

const done = <T>(result: { kind: string; record?: T }) => {
  expect(result.kind).toBe("done");
  return (result as unknown as { record: T }).record;
};

describe("Daftra contacts: create", () => {
  it("creates a client by default, stored with its fields, and answers it as a customer", async () => {
    const contact = done(await adapter.create("Contact", {
      name: "Qasim Labs", email: "hello@qasim.example", accountNumber: "C-900", phones: [{ number: "+966500000001" }, { number: "+966500000002" }],
      addresses: [{ line1: "7 Olaya St", city: "Riyadh", country: "SA" }],
    }, { dryRun: false }));
    const id = Number(contact.remoteId.replace("client:", ""));
    expect(contact).toMatchObject({ name: "Qasim Labs", isCustomer: true, isSupplier: false, accountNumber: "C-900" });
    expect(org.sandbox.books.clients.find((c) => c.id === id)).toMatchObject({
      business_name: "Qasim Labs", email: "hello@qasim.example", number: "C-900", phone1: "+966500000001", phone2: "+966500000002", address1: "7 Olaya St", city: "Riyadh",
    });
  });

  it("creates a supplier when the role says so", async () => {
    const before = org.sandbox.books.suppliers.length;
    const contact = done(await adapter.create("Contact", { name: "Zayed Paper Supply", role: "SUPPLIER" }, { dryRun: false }));
    expect(contact).toMatchObject({ isSupplier: true, isCustomer: false });
    expect(contact.remoteId).toMatch(/^supplier:\d+$/);
    expect(org.sandbox.books.suppliers).toHaveLength(before + 1);
  });

  it("passes Daftra's field message back as PROVIDER_VALIDATION", async () => {
    const failure = await failureOf(adapter.create("Contact", { name: "Bad Mail", email: "not-an-email" }, { dryRun: false }));
    expect(failure.code).toBe("PROVIDER_VALIDATION");
    expect(failure.extensions.providerErrors).toEqual([{ field: "email", message: "Valid email is required" }]);
  });

  it("answers a dry run with the exact request and sends nothing", async () => {
    const clients = org.sandbox.books.clients.length;
    org.sandbox.stats.reset();
    const result = await adapter.create("Contact", { name: "Dry Co.", email: "dry@co.example" }, { dryRun: true });
    expect(result).toEqual({ kind: "dryRun", request: { method: "POST", path: "/api2/clients.json", body: { Client: { type: 3, business_name: "Dry Co.", email: "dry@co.example" } } } });
    expect(org.sandbox.stats.total).toBe(0);
    expect(org.sandbox.books.clients).toHaveLength(clients);
  });
});

describe("Daftra contacts: update and delete", () => {
  it("changes only the fields given", async () => {
    const before = { ...org.sandbox.books.clients.find((c) => c.id === 5)! };
    const contact = done(await adapter.update("Contact", "client:5", { email: "accounts@five.example", phones: [{ number: "+966511111111" }] }, { dryRun: false }));
    expect(contact.email).toBe("accounts@five.example");
    expect(org.sandbox.books.clients.find((c) => c.id === 5)).toMatchObject({ email: "accounts@five.example", phone1: "+966511111111", business_name: before.business_name, city: before.city });
  });

  it("refuses to turn a client into a supplier as NOT_SUPPORTED, before any call", async () => {
    org.sandbox.stats.reset();
    const failure = await failureOf(adapter.update("Contact", "client:5", { role: "SUPPLIER" }, { dryRun: false }));
    expect(failure).toMatchObject({ code: "NOT_SUPPORTED", extensions: { provider: "DAFTRA" } });
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("deletes a contact without transactions", async () => {
    const created = done(await adapter.create("Contact", { name: "Short Lived", role: "SUPPLIER" }, { dryRun: false }));
    const id = Number(created.remoteId.split(":")[1]);
    expect(await adapter.remove("Contact", created.remoteId, { dryRun: false })).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(org.sandbox.books.suppliers.some((s) => s.id === id)).toBe(false);
    expect(await adapter.getMany("Contact", [created.remoteId])).toEqual([null]);
  });

  it("refuses to delete a client with invoices, with Daftra's message", async () => {
    const failure = await failureOf(adapter.remove("Contact", "client:3", { dryRun: false }));
    expect(failure.code).toBe("PROVIDER_VALIDATION");
    expect(failure.extensions.providerErrors).toEqual([{ message: "Can't delete item. Remove its transactions first." }]);
    expect(org.sandbox.books.clients.some((c) => c.id === 3)).toBe(true);
  });

  it("dry-runs a delete with its DELETE request, leaving the client", async () => {
    org.sandbox.stats.reset();
    expect(await adapter.remove("Contact", "client:4", { dryRun: true })).toEqual({ kind: "dryRun", request: { method: "DELETE", path: "/api2/clients/4.json", body: null } });
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("answers NOT_FOUND for an id that names no client or supplier", async () => {
    expect((await failureOf(adapter.update("Contact", "12", { name: "x" }, { dryRun: false }))).code).toBe("BAD_USER_INPUT");
    expect((await failureOf(adapter.update("Contact", "client:99999", { name: "x" }, { dryRun: false }))).code).toBe("NOT_FOUND");
  });

  it("adds a note to a client's history", async () => {
    const result = await adapter.addNote("Contact", "client:5", "Prefers email invoices", { dryRun: false });
    expect(result).toMatchObject({ kind: "done", record: { text: "Prefers email invoices", addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    expect(org.sandbox.books.notes).toContainEqual(expect.objectContaining({ item_type: "client", item_id: 5, description: "Prefers email invoices" }));
    org.sandbox.stats.reset();
    expect(await adapter.addNote("Invoice", "7", "Chased by phone", { dryRun: true })).toEqual({
      kind: "dryRun", request: { method: "POST", path: "/api2/notes/invoice/7.json", body: { Note: { description: "Chased by phone" } } },
    });
    expect(writeRequests(org.sandbox)).toBe(0);
  });
});

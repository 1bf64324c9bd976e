import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_NAMES, type EntityName, type ListFilter } from "../../src/connector/index.js";
import { ErrorCode } from "../../src/errors/index.js";
import { createLoaders } from "../../src/loaders/loaders.js";
import type { XeroAdapter } from "./adapter.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";
import { rawOf } from "../../src/connector/raw.js";
import { XERO_ENTITY_NAMES } from "./entities/index.js";

let org: SandboxOrganization;
let adapter: XeroAdapter;
beforeAll(async () => {
  org = await startSandboxOrganization();
  adapter = org.adapter as XeroAdapter;
});
afterAll(() => org.sandbox.close());

const API = "/api.xro/2.0";
const list = <E extends EntityName>(entity: E, first: number, offset = 0, filter: ListFilter = {}) => adapter.list(entity, { first, offset, filter });
const callsTo = (path: string) => org.sandbox.stats.byPath[`${API}/${path}`] ?? 0;

describe("paging", () => {
  it.each([
    ["Invoice", 40],
    ["Contact", 15],
    ["Quote", 30],
    ["BankTransaction", 37],
    ["Item", 5],
    ["Account", 9],
  ] as const)("%s pages of %i neither overlap nor skip, and end with hasNextPage false", async (entity, size) => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += size) {
      const page = await list(entity, size, offset);
      seen.push(...page.items.map((i) => i.remoteId));
      if (!page.hasNextPage) break;
      expect(page.items).toHaveLength(size);
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await list(entity, 1000, 0);
    expect(seen).toEqual(all.items.map((i) => i.remoteId));
  });

  it("serves a Relay page with one upstream call, with lines included", async () => {
    org.sandbox.stats.reset();
    const page = await list("Invoice", 30, 17);
    expect(callsTo("Invoices")).toBe(1);
    expect(page.items).toHaveLength(30);
    expect(page.hasNextPage).toBe(true);
    expect(page.totalCount).toBeGreaterThan(600);
    expect(page.items.every((i) => i.lineItems.length > 0)).toBe(true);
  });

  it("fetches at most two pages for one Relay page, and only what it needs at the end", async () => {
    const quotes = (await list("Quote", 1000, 0)).items.length;
    org.sandbox.stats.reset();
    const page = await list("Quote", 20, 90);
    expect(callsTo("Quotes")).toBe(2);
    expect(page.items).toHaveLength(Math.min(20, quotes - 90));

    const invoices = (await list("Invoice", 1)).totalCount!;
    org.sandbox.stats.reset();
    const end = await list("Invoice", 50, invoices - 10);
    expect(end.items).toHaveLength(10);
    expect(end.hasNextPage).toBe(false);
    expect(callsTo("Invoices")).toBe(1);
  });
});

describe("every entity lists", () => {
  it.each(XERO_ENTITY_NAMES)("%s", async (entity) => {
    const page = await list(entity, 5);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item).toMatchObject({ organizationId: org.organization.id, provider: "XERO" });
      expect(item.remoteId).toBeTruthy();
      expect(rawOf(item.raw)).toBeTypeOf("object");
    }
  });
});

describe("filters run at Xero", () => {
  it("invoices vs bills by Type", async () => {
    const invoices = await list("Invoice", 100);
    const bills = await list("Bill", 100);
    expect(invoices.items.every((i) => (rawOf(i.raw) as { Type: string }).Type === "ACCREC")).toBe(true);
    expect(bills.items.every((i) => (rawOf(i.raw) as { Type: string }).Type === "ACCPAY")).toBe(true);
  });

  it.each([["PAID"], ["DRAFT", "SUBMITTED"], ["PARTIALLY_PAID"], ["AUTHORISED"]])("invoice status %s", async (...status) => {
    const page = await list("Invoice", 200, 0, { status });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => status.includes(i.status))).toBe(true);
  });

  it("contact, date range, search and updatedSince on invoices", async () => {
    const [sample] = (await list("Invoice", 1, 0, { status: ["PAID"] })).items;
    const byContact = await list("Invoice", 500, 0, { contactRemoteId: sample.contactRef!.remoteId });
    expect(byContact.items.length).toBeGreaterThan(0);
    expect(byContact.items.every((i) => i.contactRef?.remoteId === sample.contactRef!.remoteId)).toBe(true);

    const inRange = await list("Invoice", 500, 0, { dateFrom: "2026-01-01", dateTo: "2026-01-31" });
    expect(inRange.items.length).toBeGreaterThan(0);
    expect(inRange.items.every((i) => i.issueDate! >= "2026-01-01" && i.issueDate! <= "2026-01-31")).toBe(true);

    const found = await list("Invoice", 10, 0, { search: sample.number! });
    expect(found.items.map((i) => i.number)).toContain(sample.number);

    const all = await list("Invoice", 1000);
    const cutoff = [...all.items.map((i) => i.updatedAt!)].sort()[Math.floor(all.items.length * 0.8)];
    const recent = await list("Invoice", 1000, 0, { updatedSince: cutoff });
    expect(recent.items.length).toBeGreaterThan(0);
    expect(recent.items.length).toBeLessThan(all.items.length);
    expect(recent.items.every((i) => i.updatedAt! >= cutoff.slice(0, 19))).toBe(true);
  });

  it("contacts by status and search", async () => {
    const archived = await list("Contact", 100, 0, { status: ["ARCHIVED"] });
    expect(archived.items.length).toBeGreaterThan(0);
    expect(archived.items.every((c) => c.status === "ARCHIVED")).toBe(true);
    const active = await list("Contact", 100);
    expect(active.items.every((c) => c.status === "ACTIVE")).toBe(true);
    const name = active.items[3].name;
    const found = await list("Contact", 10, 0, { search: name });
    expect(found.items.map((c) => c.name)).toContain(name);
  });

  it("payments, credit notes and bank transactions through where", async () => {
    const payments = await list("Payment", 50, 0, { dateFrom: "2026-03-01", dateTo: "2026-03-31" });
    expect(payments.items.length).toBeGreaterThan(0);
    expect(payments.items.every((p) => p.date! >= "2026-03-01" && p.date! <= "2026-03-31")).toBe(true);
    const contactId = payments.items[0].contactRef!.remoteId;
    const byContact = await list("Payment", 100, 0, { contactRemoteId: contactId });
    expect(byContact.items.every((p) => p.contactRef?.remoteId === contactId)).toBe(true);

    const notes = await list("CreditNote", 100, 0, { status: ["PAID"] });
    expect(notes.items.length).toBeGreaterThan(0);
    expect(notes.items.every((n) => n.status === "PAID")).toBe(true);

    const spends = await list("BankTransaction", 100, 0, { status: ["AUTHORISED"], dateFrom: "2026-01-01" });
    expect(spends.items.every((t) => t.status === "AUTHORISED" && t.issueDate! >= "2026-01-01")).toBe(true);
  });

  it("quotes and purchase orders through their own parameters", async () => {
    const accepted = await list("Quote", 100, 0, { status: ["ACCEPTED"] });
    expect(accepted.items.length).toBeGreaterThan(0);
    expect(accepted.items.every((q) => q.status === "ACCEPTED")).toBe(true);
    const billed = await list("PurchaseOrder", 100, 0, { status: ["BILLED"], dateFrom: "2026-01-01" });
    expect(billed.items.every((p) => p.status === "BILLED" && p.issueDate! >= "2026-01-01")).toBe(true);
  });

  it("refuses filters Xero cannot apply, instead of filtering a page locally", async () => {
    await expect(list("PurchaseOrder", 5, 0, { search: "x" })).rejects.toMatchObject({ code: ErrorCode.NOT_SUPPORTED });
    await expect(list("Quote", 5, 0, { status: ["SENT", "DRAFT"] })).rejects.toMatchObject({ code: ErrorCode.NOT_SUPPORTED });
    await expect(list("Invoice", 5, 0, { status: ["OPEN"] })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it("reference data: filtered in memory from a cache, one upstream call per TTL", async () => {
    org.sandbox.stats.reset();
    const banks = await list("Account", 50, 0, { search: "bank" });
    const again = await list("Account", 50, 0, {});
    await adapter.getMany("Account", [again.items[0].remoteId]);
    expect(callsTo("Accounts")).toBeLessThanOrEqual(1);
    expect(banks.items.length).toBeGreaterThan(0);
    expect(banks.items.every((a) => `${a.name} ${a.code}`.toLowerCase().includes("bank"))).toBe(true);
  });
});

describe("getMany", () => {
  it("batches contacts and invoices with IDs=, keeps input order, and returns null for missing ids", async () => {
    const contacts = (await list("Contact", 6)).items;
    const unknown = "00000000-0000-4000-8000-000000000000";
    const ids = [contacts[4].remoteId, unknown, contacts[1].remoteId, contacts[4].remoteId];
    org.sandbox.stats.reset();
    const got = await adapter.getMany("Contact", ids);
    expect(callsTo("Contacts")).toBe(1);
    expect(got.map((c) => c?.remoteId ?? null)).toEqual([contacts[4].remoteId, null, contacts[1].remoteId, contacts[4].remoteId]);
    // A forged id (not a GUID: "a,b" would widen the IDs= filter) is refused before any call.
    org.sandbox.stats.reset();
    await expect(adapter.getMany("Contact", [contacts[1].remoteId, `${contacts[1].remoteId},${contacts[4].remoteId}`])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(callsTo("Contacts")).toBe(0);

    const invoice = (await list("Invoice", 1)).items[0];
    const bill = (await list("Bill", 1)).items[0];
    org.sandbox.stats.reset();
    const asInvoices = await adapter.getMany("Invoice", [bill.remoteId, invoice.remoteId]);
    expect(callsTo("Invoices")).toBe(1);
    expect(asInvoices.map((i) => i?.remoteId ?? null)).toEqual([null, invoice.remoteId]);
    expect(asInvoices[1]!.lineItems.length).toBeGreaterThan(0);
  });

  it("falls back to single GETs for entities without IDs=, in order, null for unknown", async () => {
    const payments = (await list("Payment", 3)).items;
    const ids = [payments[2].remoteId, "00000000-0000-4000-8000-000000000001", payments[0].remoteId];
    org.sandbox.stats.reset();
    const got = await adapter.getMany("Payment", ids);
    expect(got.map((p) => p?.remoteId ?? null)).toEqual([payments[2].remoteId, null, payments[0].remoteId]);
    expect(org.sandbox.stats.total).toBe(3);
  });

  it.each(XERO_ENTITY_NAMES)("%s by id", async (entity) => {
    const [first] = (await list(entity, 1)).items;
    const [got] = await adapter.getMany(entity, [first.remoteId]);
    expect(got?.id).toBe(first.id);
  });
});

describe("a page of 50 invoices with their contacts", () => {
  it("costs one Invoices call plus one batched Contacts?IDs= call", async () => {
    const loaders = createLoaders(async () => adapter);
    org.sandbox.stats.reset();
    const before = adapter.upstream.stats().calls;
    const page = await list("Invoice", 50, 100);
    const contacts = await Promise.all(page.items.map((i) => loaders.entity(org.organization.id, "Contact").load(i.contactRef!.remoteId)));
    expect(contacts.every((c, i) => c?.remoteId === page.items[i].contactRef!.remoteId && c?.name === page.items[i].contactRef!.name)).toBe(true);
    expect(org.sandbox.stats.byPath).toEqual({ [`${API}/Invoices`]: 1, [`${API}/Contacts`]: 1 });
    expect(adapter.upstream.stats().calls - before).toBe(2);
  });
});

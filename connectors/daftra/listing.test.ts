import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityName } from "../../src/connector/entities.js";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { maxPageSizeOf } from "../../src/connector/listing.js";
import { hiddenSplit, listEverything } from "../../src/connector/testing/listing-split.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createDaftraAdapter } from "./adapter.js";
import { daftraCapabilities } from "./capabilities.js";
import { DAFTRA_ENTITY_NAMES } from "./entities/index.js";
import { TEST_NOW } from "./sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization;
/** Clients added so one endpoint holds more than Daftra's largest page (1000). */
const EXTRA_CLIENTS = 1100;

beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  const clients = org.sandbox.books.clients;
  const template = clients[0]!;
  const nextId = Math.max(...clients.map((c) => c.id)) + 1;
  for (let i = 0; i < EXTRA_CLIENTS; i++) {
    clients.push({ ...template, id: nextId + i, number: `X${nextId + i}`, business_name: `Bulk client ${i}`, email: `bulk${i}@example.com` });
  }
});
afterAll(() => org.sandbox.close());

/** A new adapter on the same organization with an empty cache, so cached reference data is read again. */
const freshAdapter = () => guardCapabilities(createDaftraAdapter({ ...org.connectorOptions, cache: memoryStore() }));
const calls = () => ({ ...org.sandbox.stats.byPath });

/** What each entity declares, and the endpoints its list reads (in order). */
const DECLARED: Record<string, { maxPageSize: number; endpoints: string[] }> = {
  Contact: { maxPageSize: 1000, endpoints: ["/clients", "/suppliers"] },
  Invoice: { maxPageSize: 1000, endpoints: ["/invoices"] },
  Bill: { maxPageSize: 1000, endpoints: ["/purchase_invoices"] },
  Payment: { maxPageSize: 1000, endpoints: ["/invoice_payments"] },
  Quote: { maxPageSize: 1000, endpoints: ["/estimates"] },
  CreditNote: { maxPageSize: 1000, endpoints: ["/credit_notes"] },
  Item: { maxPageSize: 1000, endpoints: ["/products"] },
  Account: { maxPageSize: 1000, endpoints: ["/journal_accounts", "/treasuries"] },
  TaxRate: { maxPageSize: 1000, endpoints: ["/taxes"] },
  Expense: { maxPageSize: 1000, endpoints: ["/expenses", "/incomes"] },
};

describe("Daftra listing declaration", () => {
  it("declares that default lists hide nothing, and a page size, for every listable entity only", () => {
    expect(Object.keys(DECLARED).sort()).toEqual([...DAFTRA_ENTITY_NAMES].sort());
    for (const [entity, capability] of Object.entries(daftraCapabilities.entities)) {
      if (capability.operations.includes("list")) expect(capability.listing, entity).toEqual({ hidden: [], maxPageSize: DECLARED[entity]!.maxPageSize });
      else expect(capability.listing, entity).toBeUndefined();
    }
  });
});

describe("Daftra: the default list hides exactly the declared statuses (none)", () => {
  it.each(DAFTRA_ENTITY_NAMES)("%s", async (entity) => {
    const split = await hiddenSplit(org.adapter, entity);
    expect(split.all.length).toBeGreaterThan(0);
    expect(split.extra).toEqual([]);
    expect(split.declared).toEqual([]);
    expect(split.missing).toEqual([]);
  });
});

describe("Daftra: a page of maxPageSize costs the fewest upstream calls", () => {
  it.each(DAFTRA_ENTITY_NAMES)("%s: first = maxPageSize at offset 0 is one call per endpoint", async (entity) => {
    const max = maxPageSizeOf(daftraCapabilities, entity);
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    const adapter = freshAdapter();
    org.sandbox.stats.reset();
    const page = await adapter.list(entity, { first: max, offset: 0, filter: { includeArchived: true } });
    expect(calls()).toEqual(Object.fromEntries(DECLARED[entity]!.endpoints.map((path) => [path, 1])));
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(0, max).map((r) => r.remoteId));
    expect(page.hasNextPage).toBe(all.length > max);
  });

  /** Clients hold more than 1000 records (seeded), then come the 15 suppliers; invoices hold 400. */
  it.each([
    ["Contact", 0, 1000, { "/clients": 1, "/suppliers": 1 }],
    ["Contact", 1000, 1000, { "/clients": 1, "/suppliers": 1 }],
    ["Contact", 500, 1000, { "/clients": 2, "/suppliers": 1 }],
    ["Contact", 1130, 1000, { "/clients": 1, "/suppliers": 1 }],
    ["Invoice", 1, 1000, { "/invoices": 1 }],
    ["Expense", 100, 1000, { "/expenses": 1, "/incomes": 1 }],
  ] as const)("%s at offset %i, first %i: exactly those records in %j", async (entity: EntityName, offset, first, expected) => {
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    org.sandbox.stats.reset();
    const page = await org.adapter.list(entity, { first, offset, filter: { includeArchived: true } });
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(offset, offset + first).map((r) => r.remoteId));
    expect(calls()).toEqual(expected);
    expect(page.hasNextPage).toBe(offset + first < all.length);
    expect(page.totalCount).toBe(all.length);
  });

  it("the sandbox serves a limit of 1000 in one page, as Daftra's documents allow (no smaller cap)", async () => {
    const clients = org.sandbox.books.clients.length;
    expect(clients).toBeGreaterThan(1000);
    const response = await fetch(`${org.sandbox.url}/clients.json?limit=1000`, { headers: { apikey: org.sandbox.apiKey } });
    const body = (await response.json()) as { data: unknown[]; pagination: { total_results: number } };
    expect(body.data).toHaveLength(1000);
    expect(body.pagination.total_results).toBe(clients);
  });
});

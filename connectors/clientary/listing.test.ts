import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityName } from "../../src/connector/entities.js";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { maxPageSizeOf } from "../../src/connector/listing.js";
import { hiddenSplit, listEverything } from "../../src/connector/testing/listing-split.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createClientaryAdapter } from "./adapter.js";
import { clientaryCapabilities } from "./capabilities.js";
import { CLIENTARY_ENTITY_NAMES } from "./entities/index.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

const NOW = new Date("2026-11-15T12:00:00Z");
let org: SandboxOrganization;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
});
afterAll(() => org.sandbox.close());

/** A new adapter on the same organization with an empty cache, so cached and joined lists are read again. */
const freshAdapter = () => guardCapabilities(createClientaryAdapter({ ...org.connectorOptions, cache: memoryStore() }));
const pagesOf = (records: number) => Math.max(1, Math.ceil(records / 100));

/** What each entity declares. */
const DECLARED: Record<string, { hidden: string[]; maxPageSize: number }> = {
  Contact: { hidden: [], maxPageSize: 100 },
  Lead: { hidden: [], maxPageSize: 100 },
  Invoice: { hidden: [], maxPageSize: 100 },
  Payment: { hidden: [], maxPageSize: 100 },
  Quote: { hidden: [], maxPageSize: 100 },
  Project: { hidden: ["COMPLETED"], maxPageSize: 100 },
  Task: { hidden: [], maxPageSize: 100 },
  Expense: { hidden: [], maxPageSize: 1000 },
  TimeEntry: { hidden: [], maxPageSize: 1000 },
  Staff: { hidden: [], maxPageSize: 1000 },
};

/**
 * The requests a list of maxPageSize at offset 0 makes on an empty cache: one page of its own
 * endpoint, plus the lists it is joined with, each read whole 100 at a time (clients' and leads'
 * people, payments' invoices), and for hours every project's hours.
 */
function expectedCalls(entity: EntityName): Record<string, number> {
  const books = org.sandbox.books;
  switch (entity) {
    case "Contact": return { "/clients": 1, "/contacts": pagesOf(books.contacts.length) };
    case "Lead": return { "/leads": 1, "/contacts": pagesOf(books.contacts.length) };
    case "Invoice": return { "/invoices": 1 };
    case "Payment": return { "/payments": 1, "/invoices": pagesOf(books.invoices.length) };
    case "Quote": return { "/estimates": 1 };
    case "Project": return { "/projects": 1 };
    case "Task": return { "/tasks": 1 };
    case "Expense": return { "/expenses": 1 };
    case "Staff": return { "/staff": 1 };
    case "TimeEntry": return { "/projects": pagesOf(books.projects.length), ...Object.fromEntries(books.projects.map((p) => [`/projects/${p.id}/hours`, 1])) };
    default: throw new Error(`no expectation for ${entity}`);
  }
}

describe("Clientary listing declaration", () => {
  it("declares hidden statuses and a page size for every listable entity, and nothing for the others", () => {
    expect(Object.keys(DECLARED).sort()).toEqual([...CLIENTARY_ENTITY_NAMES].sort());
    for (const [entity, capability] of Object.entries(clientaryCapabilities.entities)) {
      if (capability.operations.includes("list")) expect(capability.listing, entity).toEqual(DECLARED[entity]);
      else expect(capability.listing, entity).toBeUndefined();
    }
  });
});

describe("Clientary: the default list hides exactly the declared statuses", () => {
  it.each(CLIENTARY_ENTITY_NAMES)("%s", async (entity) => {
    const split = await hiddenSplit(org.adapter, entity);
    expect(split.all.length).toBeGreaterThan(0);
    expect(split.extra).toEqual([]);
    expect(split.missing).toEqual(split.declared);
    if (DECLARED[entity]!.hidden.length > 0) expect(split.declared.length, "the sandbox holds records the default list hides").toBeGreaterThan(0);
  });

  it("lists archived clients and archived (DELETED) estimates by default: Clientary hides neither", async () => {
    const contacts = await hiddenSplit(org.adapter, "Contact");
    expect(contacts.byDefault.some((c) => c.status === "ARCHIVED")).toBe(true);
    const quotes = await hiddenSplit(org.adapter, "Quote");
    expect(quotes.byDefault.some((q) => q.status === "DELETED")).toBe(true);
  });
});

describe("Clientary: a page of maxPageSize costs the fewest upstream calls", () => {
  it.each(CLIENTARY_ENTITY_NAMES)("%s: first = maxPageSize at offset 0", async (entity) => {
    const max = maxPageSizeOf(clientaryCapabilities, entity);
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    const adapter = freshAdapter();
    org.sandbox.stats.reset();
    const page = await adapter.list(entity, { first: max, offset: 0, filter: { includeArchived: true } });
    expect(org.sandbox.stats.byPath).toEqual(expectedCalls(entity));
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(0, max).map((r) => r.remoteId));
    expect(page.hasNextPage).toBe(all.length > max);
  });

  /** Invoices (250) page by Clientary's largest page_size, 100. */
  it.each([
    ["Invoice", 0, 100, 1],
    ["Invoice", 200, 100, 1],
    ["Invoice", 1, 100, 2],
    ["Invoice", 0, 1000, 3],
    ["Project", 0, 100, 1],
  ] as const)("%s at offset %i, first %i: exactly those records in %i call(s)", async (entity: EntityName, offset, first, calls) => {
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    org.sandbox.stats.reset();
    const page = await org.adapter.list(entity, { first, offset, filter: { includeArchived: true } });
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(offset, offset + first).map((r) => r.remoteId));
    expect(org.sandbox.stats.total).toBe(calls);
    expect(page.hasNextPage).toBe(offset + first < all.length);
  });
});

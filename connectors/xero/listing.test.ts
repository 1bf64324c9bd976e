import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityName } from "../../src/connector/entities.js";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { maxPageSizeOf } from "../../src/connector/listing.js";
import { hiddenSplit, listEverything } from "../../src/connector/testing/listing-split.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createXeroAdapter } from "./adapter.js";
import { xeroCapabilities } from "./capabilities.js";
import { XERO_ENTITY_NAMES } from "./entities/index.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

const API = "/api.xro/2.0/";

let org: SandboxOrganization;
/** The contact put in Xero's GDPRREQUEST status: unified ARCHIVED, so hidden by default too. */
let gdprContactId: string;

/** Records whose statuses the default lists hide; the seeded books have archived contacts but none of these. */
function seedHiddenRecords() {
  const books = org.sandbox.books;
  const active = books.contacts.filter((c) => c.ContactStatus === "ACTIVE");
  active[3]!.ContactStatus = "GDPRREQUEST";
  gdprContactId = active[3]!.ContactID;
  const [archivedAccount, deletedAccount] = books.accounts.filter((a) => a.Status === "ACTIVE" && a.Type === "EXPENSE");
  archivedAccount!.Status = "ARCHIVED";
  deletedAccount!.Status = "DELETED";
  const rates = books.taxRates.filter((r) => r.Status === "ACTIVE");
  rates.at(-1)!.Status = "ARCHIVED";
  rates.at(-2)!.Status = "DELETED";
  const category = books.trackingCategories[0]!;
  for (const [name, status] of [["Old regions", "ARCHIVED"], ["Removed regions", "DELETED"]] as const) {
    const id = randomUUID();
    books.trackingCategories.push({ ...category, TrackingCategoryID: id, Name: name, Status: status, Options: category.Options.map((o) => ({ ...o, TrackingOptionID: randomUUID(), TrackingCategoryID: id })) });
  }
}

beforeAll(async () => {
  org = await startSandboxOrganization();
  seedHiddenRecords();
});
afterAll(() => org.sandbox.close());

/** A new adapter on the same organization with an empty cache, so cached reference data is read again. */
const freshAdapter = () => guardCapabilities(createXeroAdapter({ ...org.connectorOptions, cache: memoryStore() }));

/** Accounting API requests since the last reset, by endpoint (identity calls left out). */
function apiCalls(): Record<string, number> {
  return Object.fromEntries(Object.entries(org.sandbox.stats.byPath).filter(([path]) => path.startsWith(API)).map(([path, n]) => [path.slice(API.length), n]));
}

/** What each entity declares, and the endpoint its list reads. */
const DECLARED: Record<string, { hidden: string[]; maxPageSize: number; endpoint: string }> = {
  Contact: { hidden: ["ARCHIVED"], maxPageSize: 1000, endpoint: "Contacts" },
  Invoice: { hidden: [], maxPageSize: 1000, endpoint: "Invoices" },
  Bill: { hidden: [], maxPageSize: 1000, endpoint: "Invoices" },
  Payment: { hidden: [], maxPageSize: 1000, endpoint: "Payments" },
  Quote: { hidden: [], maxPageSize: 100, endpoint: "Quotes" },
  CreditNote: { hidden: [], maxPageSize: 1000, endpoint: "CreditNotes" },
  PurchaseOrder: { hidden: [], maxPageSize: 1000, endpoint: "PurchaseOrders" },
  Item: { hidden: [], maxPageSize: 1000, endpoint: "Items" },
  Account: { hidden: ["ARCHIVED", "DELETED"], maxPageSize: 1000, endpoint: "Accounts" },
  TaxRate: { hidden: ["ARCHIVED", "DELETED"], maxPageSize: 1000, endpoint: "TaxRates" },
  TrackingCategory: { hidden: ["ARCHIVED", "DELETED"], maxPageSize: 1000, endpoint: "TrackingCategories" },
  BankTransaction: { hidden: [], maxPageSize: 1000, endpoint: "BankTransactions" },
};

describe("Xero listing declaration", () => {
  it("declares hidden statuses and a page size for every listable entity, and nothing for the others", () => {
    expect(Object.keys(DECLARED).sort()).toEqual([...XERO_ENTITY_NAMES].sort());
    for (const [entity, capability] of Object.entries(xeroCapabilities.entities)) {
      if (capability.operations.includes("list")) expect(capability.listing, entity).toEqual({ hidden: DECLARED[entity]!.hidden, maxPageSize: DECLARED[entity]!.maxPageSize });
      else expect(capability.listing, entity).toBeUndefined();
    }
  });
});

describe("Xero: the default list hides exactly the declared statuses", () => {
  it.each(XERO_ENTITY_NAMES)("%s", async (entity) => {
    const split = await hiddenSplit(org.adapter, entity);
    expect(split.all.length).toBeGreaterThan(0);
    expect(split.extra).toEqual([]);
    expect(split.missing).toEqual(split.declared);
    if (DECLARED[entity]!.hidden.length > 0) expect(split.declared.length, "the sandbox holds records the default list hides").toBeGreaterThan(0);
  });

  it("hides GDPRREQUEST contacts by default, as the ARCHIVED contacts they map to", async () => {
    const split = await hiddenSplit(org.adapter, "Contact");
    expect(split.missing).toContain(gdprContactId);
    expect(split.all.find((c) => c.remoteId === gdprContactId)?.status).toBe("ARCHIVED");
  });
});

describe("Xero: a page of maxPageSize costs the fewest upstream calls", () => {
  it.each(XERO_ENTITY_NAMES)("%s: first = maxPageSize at offset 0 is one call", async (entity) => {
    const max = maxPageSizeOf(xeroCapabilities, entity);
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    const adapter = freshAdapter();
    org.sandbox.stats.reset();
    const page = await adapter.list(entity, { first: max, offset: 0, filter: { includeArchived: true } });
    expect(apiCalls()).toEqual({ [DECLARED[entity]!.endpoint]: 1 });
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(0, max).map((r) => r.remoteId));
    expect(page.hasNextPage).toBe(all.length > max);
  });

  /** Payments (over 1000 in the seeded books) page by pageSize; quotes (over 100) by Xero's fixed 100. */
  it.each([
    ["Payment", 1000, 1000, 1],
    ["Payment", 500, 1000, 2],
    ["Payment", 1, 1000, 2],
    ["Quote", 0, 100, 1],
    ["Quote", 100, 100, 1],
    ["Quote", 50, 100, 2],
    ["Quote", 0, 1000, 2],
  ] as const)("%s at offset %i, first %i: exactly those records in %i call(s)", async (entity: EntityName, offset, first, calls) => {
    const all = await listEverything(org.adapter, entity, { includeArchived: true });
    expect(all.length).toBeGreaterThan(maxPageSizeOf(xeroCapabilities, entity));
    expect(all.length).toBeLessThan(2 * maxPageSizeOf(xeroCapabilities, entity));
    org.sandbox.stats.reset();
    const page = await org.adapter.list(entity, { first, offset, filter: { includeArchived: true } });
    expect(page.items.map((r) => r.remoteId)).toEqual(all.slice(offset, offset + first).map((r) => r.remoteId));
    expect(apiCalls()).toEqual({ [DECLARED[entity]!.endpoint]: calls });
    expect(page.hasNextPage).toBe(offset + first < all.length);
  });
});

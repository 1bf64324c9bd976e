import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_NAMES, type EntityName, type ListFilter } from "../../src/connector/index.js";
import { ErrorCode } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { CLIENTARY_ENTITY_NAMES } from "./entities/index.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

const NOW = new Date("2026-11-15T12:00:00Z");
let org: SandboxOrganization;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
});
afterAll(() => org.sandbox.close());

const list = <E extends EntityName>(entity: E, first: number, offset = 0, filter: ListFilter = {}) => org.adapter.list(entity, { first, offset, filter });
const calls = (path: string) => org.sandbox.stats.byPath[path] ?? 0;

describe("every declared entity", () => {
  it.each(CLIENTARY_ENTITY_NAMES)("%s lists and fetches by id", async (entity) => {
    const page = await list(entity, 5);
    expect(page.items.length).toBeGreaterThan(0);
    const ids = page.items.map((i) => i.remoteId);
    const fetched = await org.adapter.getMany(entity, [...ids, "999999"]);
    expect(fetched.slice(0, ids.length).map((r) => r?.remoteId)).toEqual(ids);
    expect(fetched.slice(ids.length)).toEqual([null]);
    // An id Clientary cannot have is refused before any call, naming the entry.
    await expect(org.adapter.getMany(entity, [...ids, "not-an-id"])).rejects.toMatchObject({ code: "BAD_USER_INPUT", extensions: { fields: [{ field: `ids[${ids.length}]` }] } });
    for (const record of page.items) expect(fromGlobalId(record.id)).toMatchObject({ type: entity, remoteId: record.remoteId, organizationId: org.organization.id });
  });
});

describe("joins", () => {
  it("gives payments their invoice's client and number", async () => {
    const page = await list("Payment", 10);
    for (const payment of page.items) {
      const invoice = org.sandbox.books.invoices.find((i) => String(i.id) === fromGlobalId(payment.documentId!).remoteId)!;
      expect(payment).toMatchObject({ contactRef: { remoteId: String(invoice.client_id) }, documentNumber: invoice.number });
    }
  });
});

describe("paging", () => {
  it.each([
    ["Invoice", 40],
    ["Contact", 7],
    ["Quote", 30],
    ["Payment", 33],
    ["Task", 25],
    ["Expense", 20],
    ["TimeEntry", 50],
  ] as const)("%s pages of %i neither overlap nor skip, and end with hasNextPage false", async (entity, size) => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += size) {
      const page = await list(entity, size, offset);
      seen.push(...page.items.map((i) => i.remoteId));
      if (!page.hasNextPage) break;
      expect(page.items).toHaveLength(size);
    }
    expect(new Set(seen).size).toBe(seen.length);
    const total = (await list(entity, 1)).totalCount;
    expect(seen).toHaveLength(total!);
  });

  it("serves a Relay page inside one Clientary page with one call", async () => {
    org.sandbox.stats.reset();
    const page = await list("Invoice", 30, 17);
    expect(calls("/invoices")).toBe(1);
    expect(page.items).toHaveLength(30);
    expect(page.totalCount).toBe(250);
    expect(page.hasNextPage).toBe(true);
  });
});

describe("filters", () => {
  it("lists one client's invoices through /clients/:id/invoices", async () => {
    const client = org.sandbox.books.invoices[0]!.client_id;
    org.sandbox.stats.reset();
    const page = await list("Invoice", 100, 0, { contactRemoteId: String(client) });
    expect(calls(`/clients/${client}/invoices`)).toBe(1);
    expect(page.items.length).toBe(org.sandbox.books.invoices.filter((i) => i.client_id === client).length);
    expect(page.items.every((i) => i.contactRef?.remoteId === String(client))).toBe(true);
  });

  it("narrows updated_since to the instant and re-reads the boundary day", async () => {
    const since = "2026-10-20T12:00:00Z";
    const page = await list("Invoice", 100, 0, { updatedSince: since });
    const expected = org.sandbox.books.invoices.filter((i) => i.updated_at >= "2026-10-20T12:00:00Z").map((i) => String(i.id)).sort();
    expect(page.items.map((i) => i.remoteId).sort()).toEqual(expected);
    expect(page.items.every((i) => i.updatedAt! >= "2026-10-20T12:00:00.000Z")).toBe(true);
  });

  it("combines updatedSince and contact on invoices", async () => {
    const client = org.sandbox.books.invoices.at(-1)!.client_id;
    const page = await list("Invoice", 100, 0, { updatedSince: "2026-01-01T00:00:00Z", contactRemoteId: String(client) });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.contactRef?.remoteId === String(client))).toBe(true);
  });

  it("lists clients changed since a day", async () => {
    const page = await list("Contact", 100, 0, { updatedSince: "2026-06-01T00:00:00Z" });
    expect(page.items.length).toBe(org.sandbox.books.clients.filter((c) => c.updated_at >= "2026-06-01").length);
  });

  it.each(["Quote", "Expense", "Project"] as const)("lists one client's %s records through the client-scoped path", async (entity) => {
    const client = org.sandbox.books.projects[0]!.client_id;
    const page = await list(entity, 100, 0, { contactRemoteId: String(client), ...(entity === "Project" ? { includeArchived: true } : {}) });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => (r as { contactRef?: { remoteId: string } | null }).contactRef?.remoteId === String(client))).toBe(true);
  });

  it("passes an expense date range as the from_date..to_date window", async () => {
    const page = await list("Expense", 100, 0, { dateFrom: "2026-03-01", dateTo: "2026-03-31" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.date! >= "2026-03-01" && e.date! <= "2026-03-31")).toBe(true);
  });

  it("adds completed projects with includeArchived", async () => {
    const open = (await list("Project", 100)).totalCount!;
    const all = (await list("Project", 100, 0, { includeArchived: true })).totalCount!;
    expect(all).toBe(org.sandbox.books.projects.length);
    expect(open).toBeLessThan(all);
  });
});

describe("capabilities", () => {
  const undeclared = ENTITY_NAMES.filter((e) => !CLIENTARY_ENTITY_NAMES.includes(e));
  it.each(undeclared)("%s answers NOT_SUPPORTED without an upstream call", async (entity) => {
    org.sandbox.stats.reset();
    await expect(list(entity, 5)).rejects.toMatchObject({ code: ErrorCode.NOT_SUPPORTED });
    await expect(org.adapter.getMany(entity, ["1"])).rejects.toMatchObject({ code: ErrorCode.NOT_SUPPORTED });
    expect(org.sandbox.stats.total).toBe(0);
  });

  it.each([
    ["Invoice", { status: ["PAID"] }],
    ["Invoice", { dateFrom: "2026-01-01" }],
    ["Payment", { contactRemoteId: "1" }],
    ["Task", { search: "x" }],
  ] as Array<[EntityName, ListFilter]>)("%s refuses filter %j as NOT_SUPPORTED", async (entity, filter) => {
    await expect(list(entity, 5, 0, filter)).rejects.toMatchObject({ code: ErrorCode.NOT_SUPPORTED });
  });

  it("computes both reports from invoices, payments and expenses, and they balance", async () => {
    const bs = await org.adapter.balanceSheet({ date: "2026-10-31", periods: 1, timeframe: "MONTH" as never, basis: "ACCRUAL" as never });
    expect(bs).toMatchObject({ balanced: true, source: "COMPUTED", provider: "CLIENTARY" });
    const cash = await org.adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: "MONTH" as never, basis: "CASH" as never });
    const accrual = await org.adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: "MONTH" as never, basis: "ACCRUAL" as never });
    expect(cash.balanced && accrual.balanced).toBe(true);
    expect(Number(accrual.totalIncome[0])).toBeGreaterThan(0);
    expect(cash.totalIncome[0]).not.toBe(accrual.totalIncome[0]);
  });
});

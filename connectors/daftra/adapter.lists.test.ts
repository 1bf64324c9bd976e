import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import type { EntityName } from "../../src/connector/entities.js";
import type { ListFilter } from "../../src/connector/adapter.js";
import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { rawOf } from "../../src/connector/raw.js";
import { DAFTRA_ENTITY_NAMES } from "./entities/index.js";
import { TEST_NOW } from "./sandbox/test/harness.js";
import { startSandboxOrganization, type SandboxOrganization } from "./testing/sandbox-organization.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startSandboxOrganization({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
});
afterAll(() => org.sandbox.close());

const list = <E extends EntityName>(entity: E, first = 20, offset = 0, filter: ListFilter = {}) => org.adapter.list(entity, { first, offset, filter });
const codeOf = (error: unknown) => (error as GatewayError).extensions?.code;

describe("Daftra adapter: every declared entity", () => {
  it.each(DAFTRA_ENTITY_NAMES)("%s lists and fetches by id", async (entity) => {
    const page = await list(entity, 5);
    expect(page.items.length).toBeGreaterThan(0);
    const first = page.items[0]!;
    expect(fromGlobalId(first.id)).toMatchObject({ type: entity, remoteId: first.remoteId });
    expect(first.provider).toBe("DAFTRA");
    expect(rawOf(first.raw)).toBeTruthy();
    const ids = page.items.map((r) => r.remoteId);
    const fetched = await org.adapter.getMany(entity, [...ids, entity === "Contact" ? "client:999999" : "999999"]);
    expect(fetched.slice(0, ids.length).map((r) => r?.remoteId)).toEqual(ids);
    expect(fetched[ids.length]).toBeNull();
  });

  it("pages without overlap across clients and suppliers", async () => {
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const page = await list("Contact", 12, offset);
      seen.push(...page.items.map((c) => c.remoteId));
      offset += page.items.length;
      expect(page.totalCount).toBe(55);
      if (!page.hasNextPage) break;
    }
    expect(seen.length).toBe(55);
    expect(new Set(seen).size).toBe(55);
    expect(seen.filter((id) => id.startsWith("supplier:")).length).toBe(15);
  });

  it("lists documents as complete as a single read (lines and payments included)", async () => {
    const [listed] = (await list("Invoice", 1, 30, { status: ["PAID"] })).items;
    const [fetched] = await org.adapter.getMany("Invoice", [listed!.remoteId]);
    expect(listed!.lineItems.length).toBeGreaterThan(0);
    expect(listed!.payments.length).toBeGreaterThan(0);
    expect({ ...listed, raw: null }).toEqual({ ...fetched, raw: null });
  });

  it("pages invoices at odd offsets without gaps", async () => {
    const a = await list("Invoice", 7, 0);
    const b = await list("Invoice", 7, 7);
    const both = await list("Invoice", 14, 0);
    expect([...a.items, ...b.items].map((i) => i.remoteId)).toEqual(both.items.map((i) => i.remoteId));
    expect(both.totalCount).toBe(400);
  });
});

describe("Daftra adapter: invoice filters", () => {
  it.each(["DRAFT", "AUTHORISED", "PARTIALLY_PAID", "PAID"])("status %s", async (status) => {
    const page = await list("Invoice", 50, 0, { status: [status] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.status === status)).toBe(true);
  });

  it("filters by contact, date range and search", async () => {
    const byContact = await list("Invoice", 100, 0, { contactRemoteId: "client:3" });
    expect(byContact.items.length).toBeGreaterThan(0);
    expect(byContact.items.every((i) => i.contactRef?.remoteId === "client:3")).toBe(true);
    const inJanuary = await list("Invoice", 100, 0, { dateFrom: "2026-01-01", dateTo: "2026-01-31" });
    expect(inJanuary.items.length).toBeGreaterThan(0);
    expect(inJanuary.items.every((i) => i.issueDate! >= "2026-01-01" && i.issueDate! <= "2026-01-31")).toBe(true);
    const byNumber = await list("Invoice", 5, 0, { search: "000123" });
    expect(byNumber.items.map((i) => i.number)).toContain("000123");
    expect((await list("Invoice", 5, 0, { contactRemoteId: "supplier:3" })).items).toEqual([]);
  });

  it("marks overdue invoices and keeps totals consistent", async () => {
    const open = await list("Invoice", 200, 0, { status: ["AUTHORISED"] });
    expect(open.items.some((i) => i.isOverdue)).toBe(true);
    for (const i of open.items) expect(i.amountDue).toBe(i.total);
  });

  it("refuses more than one status at a time as NOT_SUPPORTED", async () => {
    await expect(list("Invoice", 5, 0, { status: ["PAID", "DRAFT"] })).rejects.toSatisfy((e) => codeOf(e) === ErrorCode.NOT_SUPPORTED);
  });
});

describe("Daftra adapter: what it does not declare", () => {
  const undeclared = ENTITY_NAMES.filter((e) => !DAFTRA_ENTITY_NAMES.includes(e));

  it.each(undeclared)("%s answers NOT_SUPPORTED", async (entity) => {
    await expect(list(entity)).rejects.toSatisfy((e) => codeOf(e) === ErrorCode.NOT_SUPPORTED);
    await expect(org.adapter.getMany(entity, ["1"])).rejects.toSatisfy((e) => codeOf(e) === ErrorCode.NOT_SUPPORTED);
  });

  it("refuses undeclared filters before any upstream call", async () => {
    org.sandbox.stats.reset();
    await expect(list("Contact", 5, 0, { search: "x" })).rejects.toSatisfy((e) => codeOf(e) === ErrorCode.NOT_SUPPORTED);
    await expect(list("Bill", 5, 0, { status: ["PAID"] })).rejects.toSatisfy((e) => codeOf(e) === ErrorCode.NOT_SUPPORTED);
    expect(org.sandbox.stats.total).toBe(0);
  });

  it("computes balanced reports from the journals", async () => {
    const bs = await org.adapter.balanceSheet({ date: "2026-10-31", periods: 2, timeframe: "MONTH", basis: "ACCRUAL" } as never);
    expect(bs).toMatchObject({ balanced: true, source: "COMPUTED", provider: "DAFTRA" });
    const pl = await org.adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-10-31", periods: 1, timeframe: "QUARTER", basis: "ACCRUAL" } as never);
    expect(pl.balanced).toBe(true);
    expect(Number(pl.totalIncome[0])).toBeGreaterThan(0);
  });

  it("computes cash-basis reports from the documents, and they balance", async () => {
    const cash = await org.adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: "MONTH", basis: "CASH" } as never);
    const accrual = await org.adapter.profitAndLoss({ fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: "MONTH", basis: "ACCRUAL" } as never);
    expect(cash).toMatchObject({ balanced: true, basis: "CASH", source: "COMPUTED" });
    expect(Number(cash.totalIncome[0])).toBeGreaterThan(0);
    expect(cash.totalIncome[0]).not.toBe(accrual.totalIncome[0]);
    const bs = await org.adapter.balanceSheet({ date: "2026-10-31", periods: 0, timeframe: "MONTH", basis: "CASH" } as never);
    expect(bs.balanced).toBe(true);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { BalanceSheet } from "../../../schema/report/report.type.js";
import type { BalanceSheetParams, ConnectorAdapter, ReportBooksOption } from "../../connector/adapter.js";
import type { EntityName } from "../../connector/entities.js";
import { listAll } from "../../connector/list-all.js";
import { ErrorCode } from "../../errors/index.js";
import { startSandboxOrganization as startXero } from "../../../connectors/xero/testing/sandbox-organization.js";
import { startSandboxOrganization as startClientary } from "../../../connectors/clientary/testing/sandbox-organization.js";
import { mirroredEntities } from "../mirror-runtime.js";
import type { MirrorAccess } from "../mirror-access.js";
import type { MirrorStore } from "../mirror-store.js";
import { openMirrorStore } from "../open-mirror-store.js";
import type { ReadSource } from "../read/read-source.js";
import { reportCacheOf } from "./report-cache.js";
import { LEDGER_ENTITIES, serveReport, type ServedReport } from "./serve-report.js";
import { fillMirror, fillMirrorFromLive } from "./testing/fill-mirror.js";
import { reportMirrorAccess } from "./testing/mirror-access.js";

/** A clock tests move: the mirror's states (IN_SYNC, STALE) and each report's generatedAt read it. */
function movableClock(start: string) {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms), reset: () => void (now = Date.parse(start)) };
}

/** `mirror: null` in a test: the gateway keeps no mirror. */
const NO_MIRROR = null;

/** Every ledger entity the connector lists, synced now (empty where the test needs no rows). */
async function syncedNow(store: MirrorStore, organizationId: string, entities: readonly EntityName[], now: Date) {
  for (const entity of entities) if (!(await store.loadSync(organizationId, entity))?.syncedAt) await fillMirror(store, organizationId, entity, [], now.toISOString());
}

const MAX_LAG = 600_000;

describe("Xero native reports: cached per organization and parameters until a change arrives", () => {
  let org: Awaited<ReturnType<typeof startXero>>;
  let store: MirrorStore;
  let mirror: MirrorAccess;
  let fetches: number;
  const clock = movableClock("2026-11-22T09:00:00.000Z");
  const BS: BalanceSheetParams = { date: "2026-10-31", periods: 2, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL };

  const balanceSheet = (source: ReadSource, params: BalanceSheetParams = BS, access: MirrorAccess | null = mirror): Promise<ServedReport<BalanceSheet>> =>
    serveReport({
      mirror: access ?? undefined, adapter: org.adapter, organizationId: org.organization.id, report: "BalanceSheet", params, source, now: clock.now,
      run: (p: BalanceSheetParams & ReportBooksOption) => (fetches++, org.adapter.balanceSheet(p)),
    });
  /** A detection commit that changed one invoice of the organization (bumps its version). */
  const invoiceChanged = async (organizationId = org.organization.id) => {
    const [invoice] = (await org.adapter.list("Invoice", { first: 1, offset: 0, filter: {} })).items;
    await fillMirror(store, organizationId, "Invoice", [{ ...invoice!, reference: `changed ${clock.now().toISOString()}` }], clock.now().toISOString());
  };

  beforeAll(async () => {
    org = await startXero({ sandbox: { today: "2026-11-22" } });
  });
  afterAll(() => org.sandbox.close());
  beforeEach(async () => {
    clock.reset();
    store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    mirror = reportMirrorAccess(store, org.adapter.capabilities, clock, MAX_LAG);
    fetches = 0;
    await syncedNow(store, org.organization.id, LEDGER_ENTITIES.filter((e) => mirroredEntities(org.adapter.capabilities).includes(e)), clock.now());
  });
  afterEach(() => store.close());

  it("Xero's reports are made upstream (but aged reports across all contacts, computed from its documents)", () => {
    for (const report of ["BalanceSheet", "ProfitAndLoss", "TrialBalance", "CashSummary"] as const) {
      expect(org.adapter.reportInputs?.(report, ReportBasis.ACCRUAL) ?? { kind: "UPSTREAM" }).toEqual({ kind: "UPSTREAM" });
    }
    expect(org.adapter.reportInputs?.("AgedReceivables", ReportBasis.ACCRUAL, { contactRemoteId: "c-1" })).toEqual({ kind: "UPSTREAM" });
    expect(org.adapter.reportInputs?.("AgedReceivables", ReportBasis.ACCRUAL, { contactRemoteId: null })).toMatchObject({ kind: "BOOKS" });
  });

  it("the same parameters hit: CACHE, with the first report and its generatedAt, no upstream call", async () => {
    const first = await balanceSheet("AUTO");
    expect(first).toMatchObject({ servedFrom: "LIVE", generatedAt: "2026-11-22T09:00:00.000Z" });
    expect(first.report).toMatchObject({ source: "NATIVE", balanced: true });
    clock.advance(60_000);
    const second = await balanceSheet("AUTO");
    expect(second).toEqual({ ...first, servedFrom: "CACHE" });
    expect(fetches).toBe(1);
  });

  it("different parameters are separate entries", async () => {
    await balanceSheet("AUTO");
    const cash = await balanceSheet("AUTO", { ...BS, basis: ReportBasis.CASH });
    const earlier = await balanceSheet("AUTO", { ...BS, date: "2026-09-30" });
    expect([cash.servedFrom, earlier.servedFrom]).toEqual(["LIVE", "LIVE"]);
    expect(cash.report.totalAssets).not.toEqual((await balanceSheet("AUTO")).report.totalAssets);
    expect((await balanceSheet("AUTO", { ...BS, basis: ReportBasis.CASH })).servedFrom).toBe("CACHE");
    expect((await balanceSheet("AUTO", { ...BS, date: "2026-09-30" })).servedFrom).toBe("CACHE");
    expect(fetches).toBe(3);
  });

  it("a change to the organization's books (version bump) is a miss; another organization's change is not", async () => {
    const first = await balanceSheet("AUTO");
    await invoiceChanged("org-someone-else");
    expect((await balanceSheet("AUTO")).servedFrom).toBe("CACHE");
    const before = await store.version(org.organization.id);
    clock.advance(1000);
    await invoiceChanged();
    expect(await store.version(org.organization.id)).toBe(before + 1);
    const after = await balanceSheet("AUTO");
    expect(after).toMatchObject({ servedFrom: "LIVE", generatedAt: "2026-11-22T09:00:01.000Z" });
    expect(after.generatedAt).not.toBe(first.generatedAt);
    expect((await balanceSheet("AUTO")).servedFrom).toBe("CACHE");
    expect(fetches).toBe(2);
  });

  it("a commit that changes no record keeps the entry (the version only moves with the books)", async () => {
    await balanceSheet("AUTO");
    const sync = (await store.loadSync(org.organization.id, "Invoice"))!;
    await store.commit(org.organization.id, "Invoice", { upserts: [], removals: [], sync: { ...sync, lastRunAt: clock.now().toISOString() } });
    expect((await balanceSheet("AUTO")).servedFrom).toBe("CACHE");
  });

  it("LIVE always fetches, and what it fetched serves the next AUTO", async () => {
    await balanceSheet("AUTO");
    clock.advance(5000);
    const live = await balanceSheet("LIVE");
    expect(live).toMatchObject({ servedFrom: "LIVE", generatedAt: "2026-11-22T09:00:05.000Z" });
    expect(await balanceSheet("AUTO")).toEqual({ ...live, servedFrom: "CACHE" });
    expect(fetches).toBe(2);
  });

  it("AUTO does not read the cache while a ledger entity is behind (STALE): the mirror may not have seen a change", async () => {
    await balanceSheet("AUTO");
    clock.advance(MAX_LAG + 1000);
    expect((await mirror.entityState(org.organization.id, "Invoice")).state).toBe("STALE");
    expect((await balanceSheet("AUTO")).servedFrom).toBe("LIVE");
    expect((await balanceSheet("AUTO")).servedFrom).toBe("LIVE");
    expect(fetches).toBe(3);
  });

  it("without a mirror there is no version, hence no cache: AUTO is LIVE every time", async () => {
    expect((await balanceSheet("AUTO", BS, NO_MIRROR)).servedFrom).toBe("LIVE");
    expect((await balanceSheet("AUTO", BS, NO_MIRROR)).servedFrom).toBe("LIVE");
    expect(fetches).toBe(2);
  });

  it("MIRROR is refused: the mirror cannot make Xero's report (BAD_USER_INPUT on source)", async () => {
    await expect(balanceSheet("MIRROR")).rejects.toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field: "source" }] } });
    await expect(balanceSheet("MIRROR", BS, NO_MIRROR)).rejects.toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field: "source" }] } });
    expect(fetches).toBe(0);
  });

  it("concurrent misses for the same report share one upstream fetch", async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => balanceSheet("AUTO")));
    expect(new Set(answers.map((a) => a.generatedAt)).size).toBe(1);
    expect(fetches).toBe(1);
  });

  it("the cache is bounded: the least recently used entry goes first", async () => {
    const cache = reportCacheOf(store);
    expect(cache.maxEntries).toBeGreaterThan(0);
    for (let i = 0; i < cache.maxEntries + 5; i++) cache.set(`k${i}`, { version: 0, report: i, generatedAt: "x" });
    expect(cache.size).toBe(cache.maxEntries);
    expect(cache.get("k0", 0)).toBeUndefined();
    expect(cache.get(`k${cache.maxEntries + 4}`, 0)?.report).toBe(cache.maxEntries + 4);
  });
});

describe("computed reports (Clientary): AUTO reads the mirror when what the report reads is IN_SYNC", () => {
  let org: Awaited<ReturnType<typeof startClientary>>;
  let store: MirrorStore;
  let mirror: MirrorAccess;
  const NOW = new Date("2026-11-15T12:00:00Z");
  const clock = movableClock(NOW.toISOString());
  const BS: BalanceSheetParams = { date: "2026-10-31", periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.CASH };
  let entities: readonly EntityName[];

  const balanceSheet = (source: ReadSource, access: MirrorAccess | null = mirror) =>
    serveReport({ mirror: access ?? undefined, adapter: org.adapter, organizationId: org.organization.id, report: "BalanceSheet", params: BS, source, now: clock.now, run: (p) => org.adapter.balanceSheet(p) });

  beforeAll(async () => {
    org = await startClientary({ sandbox: { now: () => NOW }, clock: { now: () => NOW } });
    store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    mirror = reportMirrorAccess(store, org.adapter.capabilities, clock, MAX_LAG);
    const inputs = org.adapter.reportInputs!("BalanceSheet", ReportBasis.CASH);
    entities = inputs.kind === "BOOKS" ? inputs.entities : [];
  });
  afterAll(async () => {
    await store.close();
    await org.sandbox.close();
  });

  it("MIRROR before the first backfill of an entity completed: MIRROR_NOT_READY naming it; AUTO goes live", async () => {
    await expect(balanceSheet("MIRROR")).rejects.toMatchObject({ extensions: { code: ErrorCode.MIRROR_NOT_READY, entity: entities[0] } });
    expect((await balanceSheet("AUTO")).servedFrom).toBe("LIVE");
  });

  it("AUTO, every entity IN_SYNC: MIRROR, equal to the live report, without an upstream call", async () => {
    await fillMirrorFromLive(store, org.organization.id, org.adapter, entities, clock.now().toISOString());
    const live = await balanceSheet("LIVE");
    org.sandbox.stats.reset();
    const auto = await balanceSheet("AUTO");
    expect(org.sandbox.stats.total).toBe(0);
    expect(auto).toMatchObject({ servedFrom: "MIRROR", generatedAt: NOW.toISOString() });
    expect(auto.report).toEqual(live.report);
  });

  it("AUTO with one entity STALE: LIVE; MIRROR still answers from the mirror", async () => {
    clock.advance(MAX_LAG + 1000);
    const payments = await listAll(org.adapter, "Payment");
    await fillMirror(store, org.organization.id, "Payment", payments, clock.now().toISOString());
    expect((await mirror.entityState(org.organization.id, "Invoice")).state).toBe("STALE");
    expect((await balanceSheet("AUTO")).servedFrom).toBe("LIVE");
    expect((await balanceSheet("MIRROR")).servedFrom).toBe("MIRROR");
  });

  it("without a mirror: MIRROR is BAD_USER_INPUT on source, AUTO is LIVE", async () => {
    await expect(balanceSheet("MIRROR", NO_MIRROR)).rejects.toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field: "source" }] } });
    expect((await balanceSheet("AUTO", NO_MIRROR)).servedFrom).toBe("LIVE");
  });
});

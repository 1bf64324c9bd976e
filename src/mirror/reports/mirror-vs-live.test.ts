import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { BalanceSheetParams, ConnectorAdapter, ProfitAndLossParams } from "../../connector/adapter.js";
import { startSandboxOrganization as startDaftra } from "../../../connectors/daftra/testing/sandbox-organization.js";
import { startSandboxOrganization as startClientary } from "../../../connectors/clientary/testing/sandbox-organization.js";
import { TEST_NOW } from "../../../connectors/daftra/sandbox/test/harness.js";
import type { MirrorStore } from "../mirror-store.js";
import { openMirrorStore } from "../open-mirror-store.js";
import { loadMirrorBooks } from "./mirror-books.js";
import { fillMirrorFromLive, nonJsonValues } from "./testing/fill-mirror.js";
import { listAll } from "../../connector/list-all.js";
import { AgedBy } from "../../../schema/report/standard-reports.type.js";

/**
 * A report computed from a mirror snapshot equals the one computed live from the same sandbox books:
 * the mirror is filled from a live listing of every entity the report reads (as detection fills it),
 * then both are computed and compared field by field. Also logs how long each takes.
 */
interface Subject {
  name: string;
  organizationId: string;
  adapter: ConnectorAdapter;
  stats: { total: number; reset(): void };
  close(): Promise<void> | void;
  bases: ReportBasis[];
}

const CLIENTARY_NOW = new Date("2026-11-15T12:00:00Z");
/** Daftra's balance sheet and P&L come from its journals on both bases (not mirrored); its aged reports read the documents (below). */
const subjects: Record<string, () => Promise<Subject>> = {
  Clientary: async () => {
    const org = await startClientary({ sandbox: { now: () => CLIENTARY_NOW }, clock: { now: () => CLIENTARY_NOW } });
    return { name: "Clientary", organizationId: org.organization.id, adapter: org.adapter, stats: org.sandbox.stats, close: () => org.sandbox.close(), bases: [ReportBasis.ACCRUAL, ReportBasis.CASH] };
  },
};

const BALANCE_SHEETS: Array<Omit<BalanceSheetParams, "basis">> = [
  { date: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH },
  { date: "2026-09-30", periods: 3, timeframe: ReportTimeframe.QUARTER },
];
const PROFIT_AND_LOSS: Array<Omit<ProfitAndLossParams, "basis">> = [
  { fromDate: "2026-01-01", toDate: "2026-10-31", periods: 0, timeframe: ReportTimeframe.MONTH },
  { fromDate: "2026-10-01", toDate: "2026-10-31", periods: 11, timeframe: ReportTimeframe.MONTH },
];

/** Median wall time of `runs` runs of `work`, in milliseconds. */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe.each(Object.keys(subjects))("%s: reports from a mirror snapshot equal the live ones", (name) => {
  let subject: Subject;
  let store: MirrorStore;
  let entities: readonly string[];

  beforeAll(async () => {
    subject = await subjects[name]!();
    store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    const inputs = subject.adapter.reportInputs!("BalanceSheet", ReportBasis.CASH);
    if (inputs.kind !== "BOOKS") throw new Error(`${name} cash reports should read books`);
    entities = inputs.entities;
    await fillMirrorFromLive(store, subject.organizationId, subject.adapter, inputs.entities);
  });
  afterAll(async () => {
    await store?.close();
    await subject?.close();
  });

  const mirrorBooks = () => loadMirrorBooks(store, subject.organizationId, entities as never);

  it("declares what its reports read, and the live records are plain JSON values", async () => {
    expect(entities).toEqual(expect.arrayContaining(["Invoice", "Payment", "Expense"]));
    for (const entity of entities) {
      const records = await listAll(subject.adapter, entity as never);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(nonJsonValues(record)).toEqual([]);
    }
  });

  it("balance sheets: equal to every field, and the mirror's makes no upstream call", async () => {
    for (const basis of subject.bases) {
      for (const params of BALANCE_SHEETS) {
        const live = await subject.adapter.balanceSheet({ ...params, basis });
        subject.stats.reset();
        const mirrored = await subject.adapter.balanceSheet({ ...params, basis, books: await mirrorBooks() });
        expect(subject.stats.total).toBe(0);
        expect(live.balanced).toBe(true);
        expect(live.totalAssets.some((v) => v !== "0.00")).toBe(true);
        expect(mirrored).toEqual(live);
      }
    }
  });

  it("profit and loss: equal to every field", async () => {
    for (const basis of subject.bases) {
      for (const params of PROFIT_AND_LOSS) {
        const live = await subject.adapter.profitAndLoss({ ...params, basis });
        const mirrored = await subject.adapter.profitAndLoss({ ...params, basis, books: await mirrorBooks() });
        expect(Number(live.totalIncome[0])).toBeGreaterThan(0);
        expect(mirrored).toEqual(live);
      }
    }
  });

  it("time: a cash balance sheet from the mirror vs live (logged, not asserted)", async () => {
    const params = { ...BALANCE_SHEETS[0]!, basis: ReportBasis.CASH };
    const records = await Promise.all(entities.map(async (entity) => (await store.count(subject.organizationId, entity as never, {})) as number));
    const live = await medianMs(5, () => subject.adapter.balanceSheet(params));
    subject.stats.reset();
    const liveCalls = (await subject.adapter.balanceSheet(params), subject.stats.total);
    const load = await medianMs(5, () => mirrorBooks());
    const mirror = await medianMs(5, async () => subject.adapter.balanceSheet({ ...params, books: await mirrorBooks() }));
    console.log(
      `[reports] ${name} cash balance sheet on the seeded books (${entities.map((e, i) => `${records[i]} ${e}`).join(", ")}): ` +
        `live ${live.toFixed(1)} ms (${liveCalls} upstream calls), mirror ${mirror.toFixed(1)} ms (snapshot read ${load.toFixed(1)} ms, 0 upstream calls); median of 5`,
    );
    expect(liveCalls).toBeGreaterThan(0);
  });
});

describe("Daftra: aged reports from a mirror snapshot equal the live ones", () => {
  let org: Awaited<ReturnType<typeof startDaftra>>;
  let store: MirrorStore;
  let entities: readonly string[];

  beforeAll(async () => {
    org = await startDaftra({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
    store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    const inputs = org.adapter.reportInputs!("AgedReceivables", ReportBasis.ACCRUAL);
    if (inputs.kind !== "BOOKS") throw new Error("Daftra aged reports should read books");
    entities = inputs.entities;
    await fillMirrorFromLive(store, org.organization.id, org.adapter, inputs.entities);
  });
  afterAll(async () => {
    await store?.close();
    await org?.sandbox.close();
  });

  it("balance sheet and P&L are made upstream (journals), on both bases", () => {
    for (const basis of [ReportBasis.ACCRUAL, ReportBasis.CASH]) {
      expect(org.adapter.reportInputs!("BalanceSheet", basis)).toEqual({ kind: "UPSTREAM" });
      expect(org.adapter.reportInputs!("ProfitAndLoss", basis)).toEqual({ kind: "UPSTREAM" });
    }
  });

  it("aged receivables and payables: equal to every field, and the mirror's make no report-data call", async () => {
    for (const side of ["RECEIVABLES", "PAYABLES"] as const) {
      const params = { side, date: "2026-09-30", agedBy: AgedBy.DUE_DATE, bucketDays: [30, 60, 90], basis: ReportBasis.ACCRUAL };
      const live = await org.adapter.agedReport!(params);
      org.sandbox.stats.reset();
      const mirrored = await org.adapter.agedReport!({ ...params, books: await loadMirrorBooks(store, org.organization.id, entities as never) });
      // The organization's profile (name, currency) is cached after the first report: nothing is read upstream.
      expect(org.sandbox.stats.total).toBe(0);
      expect(live.contacts.length).toBeGreaterThan(0);
      expect(live.balanced).toBe(true);
      expect(mirrored).toEqual(live);
    }
  });
});

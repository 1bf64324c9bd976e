import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import { startSandboxOrganization, type SandboxOrganization } from "../../../connectors/xero/testing/sandbox-organization.js";
import { xeroCapabilities } from "../../../connectors/xero/capabilities.js";
import { createXeroAdapter } from "../../../connectors/xero/adapter.js";
import type { BalanceSheetParams, ConnectorAdapter } from "../../connector/adapter.js";
import { ErrorCode } from "../../errors/index.js";
import { memoryStore } from "../../store/key-value-store.js";
import { createCallerAbort } from "../../upstream/call-deadline.js";
import { attributeCalls, currentUpstreamCaller, SHARED_WORK_KEY, type UpstreamCaller } from "../../upstream/caller-scope.js";
import { createUpstreamGovernor, type UpstreamCallSignals } from "../../upstream/governor.js";
import type { MirrorAccess } from "../mirror-access.js";
import { mirroredEntities } from "../mirror-runtime.js";
import type { MirrorStore } from "../mirror-store.js";
import { openMirrorStore } from "../open-mirror-store.js";
import type { ReadSource } from "../read/read-source.js";
import { LEDGER_ENTITIES, serveReport } from "./serve-report.js";
import { fillMirror } from "./testing/fill-mirror.js";
import { reportMirrorAccess } from "./testing/mirror-access.js";

/**
 * A native report fetched once for every client asking for it at the same time (`ReportCache.getOrFetch`
 * through `serveReport`, as the report resolvers call it: with the request's attributed adapter). The
 * fetch belongs to none of them: a client that leaves stops waiting without failing the others, only
 * the last one leaving cancels it, and it is not counted against the key of the client that started it.
 */
const BS: BalanceSheetParams = { date: "2026-10-31", periods: 1, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL };
const clock = { now: () => new Date() };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as { extensions?: Record<string, unknown> });

/** A mirror store whose ledger entities are IN_SYNC now, so AUTO reads the report cache. */
async function syncedMirror(organizationId: string): Promise<{ store: MirrorStore; mirror: MirrorAccess }> {
  const store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  for (const entity of LEDGER_ENTITIES.filter((e) => mirroredEntities(xeroCapabilities).includes(e))) await fillMirror(store, organizationId, entity, []);
  return { store, mirror: reportMirrorAccess(store, xeroCapabilities, clock) };
}

/** The report as a resolver asks it: through the request's adapter view (attributed to its client). */
function askBalanceSheet(mirror: MirrorAccess, adapter: Pick<ConnectorAdapter, "capabilities" | "reportInputs" | "balanceSheet">, organizationId: string, source: ReadSource = "AUTO") {
  return serveReport({ mirror, adapter, organizationId, report: "BalanceSheet", params: BS, source, run: (p) => adapter.balanceSheet(p) });
}

/**
 * A provider whose balance sheet is held until the test releases it, behind a real governor. It records
 * who each fetch ran for and the signal its upstream call saw (a read fails when that signal aborts).
 */
function heldProvider() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const governor = createUpstreamGovernor({ maxConcurrent: 5, perMinute: 1_000, keyShare: 0.5 });
  const seen = { runs: 0, callers: [] as Array<UpstreamCaller | undefined>, signals: [] as AbortSignal[] };
  const upstreamRead = async ({ signal }: UpstreamCallSignals) => {
    seen.signals.push(signal);
    await Promise.race([gate, new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }))]);
    return { totalAssets: `report ${seen.signals.length}` };
  };
  const adapter = {
    capabilities: xeroCapabilities,
    reportInputs: undefined,
    balanceSheet: () => {
      seen.runs++;
      seen.callers.push(currentUpstreamCaller());
      return governor.run(upstreamRead);
    },
  } as unknown as ConnectorAdapter;
  /** The adapter as one client's request sees it. */
  const asClient = (apiKeyId: string, signal?: AbortSignal) => attributeCalls(adapter, { apiKeyId, ...(signal ? { signal } : {}) });
  return { adapter, asClient, release, seen, governor };
}

describe("a report fetch shared by concurrent clients (held provider)", () => {
  const organizationId = "org-shared-report";
  let store: MirrorStore;
  let mirror: MirrorAccess;
  beforeEach(async () => ({ store, mirror } = await syncedMirror(organizationId)));
  afterEach(() => store.close());

  it("a client that leaves stops waiting at once; the one fetch goes on and answers the other, then serves from the cache", async () => {
    const provider = heldProvider();
    const first = createCallerAbort();
    const firstAnswer = failure(askBalanceSheet(mirror, provider.asClient("key-a", first.signal), organizationId));
    await tick();
    const secondAnswer = askBalanceSheet(mirror, provider.asClient("key-b", createCallerAbort().signal), organizationId);
    await tick();
    first.abort();
    // The first client is answered (cancelled) while the fetch is still held: it does not wait for it.
    expect((await firstAnswer)?.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true });
    expect(provider.seen.signals[0]!.aborted).toBe(false);
    provider.release();

    await expect(secondAnswer).resolves.toMatchObject({ servedFrom: "LIVE", report: { totalAssets: "report 1" } });
    expect(provider.seen.runs).toBe(1);
    const later = await askBalanceSheet(mirror, provider.asClient("key-c", createCallerAbort().signal), organizationId);
    expect(later).toMatchObject({ servedFrom: "CACHE", report: { totalAssets: "report 1" } });
    expect(provider.seen.runs).toBe(1);
  });

  it("is cancelled once every client waiting for it has left, and the next client fetches afresh", async () => {
    const provider = heldProvider();
    const leaving = [createCallerAbort(), createCallerAbort()];
    const answers = leaving.map((abort, i) => failure(askBalanceSheet(mirror, provider.asClient(`key-${i}`, abort.signal), organizationId)));
    await tick();
    expect(provider.seen.runs).toBe(1);
    leaving[0]!.abort();
    await tick();
    expect(provider.seen.signals[0]!.aborted).toBe(false);
    leaving[1]!.abort();
    expect(provider.seen.signals[0]!.aborted).toBe(true);
    for (const answer of answers) expect((await answer)?.extensions).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, cancelled: true });

    const later = askBalanceSheet(mirror, provider.asClient("key-later", createCallerAbort().signal), organizationId);
    await tick();
    provider.release();
    await expect(later).resolves.toMatchObject({ servedFrom: "LIVE", report: { totalAssets: "report 2" } });
    expect(provider.seen.runs).toBe(2);
    // The abandoned fetch left nothing in the cache; the fresh one did.
    await expect(askBalanceSheet(mirror, provider.asClient("key-x"), organizationId)).resolves.toMatchObject({ servedFrom: "CACHE", report: { totalAssets: "report 2" } });
  });

  it("runs as shared work, not on the key of the client that started it: a key past its share still gets the report", async () => {
    const provider = heldProvider();
    provider.release();
    // perMinute 1000, keyShare 0.5: key-spent's own 500 calls, then it may borrow only while 500 stay free for others.
    const spent = provider.asClient("key-spent");
    await Promise.all(Array.from({ length: 500 }, () => spent.balanceSheet(BS)));
    provider.seen.callers.length = 0;
    provider.seen.runs = 0;
    await expect(askBalanceSheet(mirror, spent, organizationId, "LIVE")).rejects.toMatchObject({ extensions: { code: ErrorCode.PROVIDER_RATE_LIMITED, budgetScope: "API_KEY" } });
    expect(provider.seen.callers).toEqual([{ apiKeyId: "key-spent" }]);

    const answer = await askBalanceSheet(mirror, spent, organizationId, "AUTO");
    expect(answer.servedFrom).toBe("LIVE");
    expect(provider.seen.callers[1]).toMatchObject({ apiKeyId: SHARED_WORK_KEY });
    // Still past its share: the shared fetch neither used nor was refused by key-spent's budget.
    await expect(spent.balanceSheet(BS)).rejects.toMatchObject({ extensions: { budgetScope: "API_KEY" } });
  });

  it("a caller asking with an unattributed adapter (background work) keeps the fetch going when every client has left", async () => {
    const provider = heldProvider();
    const background = askBalanceSheet(mirror, provider.adapter, organizationId);
    await tick();
    const client = createCallerAbort();
    const interactive = failure(askBalanceSheet(mirror, provider.asClient("key-a", client.signal), organizationId));
    await tick();
    client.abort();
    expect((await interactive)?.extensions).toMatchObject({ cancelled: true });
    expect(provider.seen.signals[0]!.aborted).toBe(false);
    provider.release();
    await expect(background).resolves.toMatchObject({ servedFrom: "LIVE" });
    // Started by background work, it stayed background work.
    expect(provider.seen.callers).toEqual([undefined]);
  });
});

describe("a Xero balance sheet shared by two clients (sandbox provider)", () => {
  const LATENCY_MS = 300;
  let org: SandboxOrganization;
  let store: MirrorStore;
  let mirror: MirrorAccess;
  beforeAll(async () => {
    org = await startSandboxOrganization({ sandbox: { latencyMs: LATENCY_MS, today: "2026-11-22" } });
    ({ store, mirror } = await syncedMirror(org.organization.id));
  });
  afterAll(async () => {
    await store.close();
    await org.sandbox.close();
  });

  it("the first client leaving mid-fetch does not fail the second; Xero is asked once", async () => {
    const adapter = createXeroAdapter({ ...org.connectorOptions, cache: memoryStore() });
    const leaving = createCallerAbort();
    org.sandbox.stats.reset();
    const firstAnswer = failure(askBalanceSheet(mirror, attributeCalls(adapter, { apiKeyId: "key-a", signal: leaving.signal }), org.organization.id));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const secondAnswer = askBalanceSheet(mirror, attributeCalls(adapter, { apiKeyId: "key-b", signal: createCallerAbort().signal }), org.organization.id);
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS / 3));
    leaving.abort();

    expect((await firstAnswer)?.extensions).toMatchObject({ cancelled: true });
    const answer = await secondAnswer;
    expect(answer).toMatchObject({ servedFrom: "LIVE", report: { source: "NATIVE", balanced: true } });
    expect(org.sandbox.stats.byPath["/api.xro/2.0/Reports/BalanceSheet"]).toBe(1);
    const later = await askBalanceSheet(mirror, attributeCalls(adapter, { apiKeyId: "key-c", signal: createCallerAbort().signal }), org.organization.id);
    expect(later).toEqual({ ...answer, servedFrom: "CACHE" });
    expect(org.sandbox.stats.byPath["/api.xro/2.0/Reports/BalanceSheet"]).toBe(1);
  });
});

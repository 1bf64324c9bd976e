import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxOrganization, type SandboxOrganization } from "../../connectors/xero/testing/sandbox-organization.js";
import type { ConnectorAdapter } from "../connector/adapter.js";
import { maxPageSizeOf } from "../connector/listing.js";
import type { Clock } from "../infra/clock.js";
import { stateOf } from "../mirror/mirror-runtime.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import { openMirrorStore } from "../mirror/open-mirror-store.js";
import { createChangeRecorder } from "./change-recorder.js";
import { createEntityPoller, PollStepError, type EntityPoller, type PollStep } from "./entity-poller.js";
import type { EventLog } from "./event-log/event-log.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import type { Observed } from "./fingerprint.js";
import { interruptibleAdapter } from "./testing/interruptible-adapter.js";
import { probeMirror, testColumnsOf } from "./testing/mirror-probe.js";
import { declaredChangesOf } from "./trigger-declarations.js";

/**
 * The baseline is the mirror's backfill: a full listing in the largest pages the connector allows,
 * each page written as it arrives with where the listing resumes, so a restart goes on from there.
 * Against the Xero sandbox's real books (669 sales invoices), through the real adapter.
 */

const MAX_LAG_MS = 10 * 60_000;
const RECONCILE_MS = 15 * 60_000;

describe("the baseline (the mirror's backfill)", { timeout: 60_000 }, () => {
  let xero: SandboxOrganization;
  /** Every sales invoice the sandbox lists, as the adapter maps it (read once, outside the pollers under test). */
  let invoices: Observed[];
  beforeAll(async () => {
    xero = await startSandboxOrganization();
    invoices = (await xero.adapter.list("Invoice", { first: 1000, offset: 0, filter: { includeArchived: true } })).items as Observed[];
  });
  afterAll(() => xero?.sandbox.close());

  let now = Date.parse("2030-01-01T12:00:00.000Z");
  const clock: Clock = { now: () => new Date(now) };
  const mirrors: MirrorStore[] = [];
  afterAll(async () => {
    for (const mirror of mirrors) await mirror.close();
  });
  async function freshMirror() {
    const mirror = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    mirrors.push(mirror);
    return mirror;
  }

  /** A poller over a new recorder, as a gateway builds them at start. */
  function pollerOver(mirror: MirrorStore, log: EventLog, adapter: ConnectorAdapter, pageSize?: number): EntityPoller {
    const recorder = createChangeRecorder({ log, mirror, columnsOf: testColumnsOf, clock });
    return createEntityPoller({
      organization: xero.organization, entity: "Invoice", declared: declaredChangesOf(adapter.capabilities, "Invoice"), adapter: () => adapter, recorder, clock,
      reconcileIntervalMs: RECONCILE_MS, ...(pageSize ? { pageSize } : {}),
    });
  }

  async function pollToEnd(poller: EntityPoller): Promise<PollStep> {
    for (;;) {
      const step = await poller.step();
      if (step.done) return step;
    }
  }

  const ids = (records: readonly Observed[]) => records.map((r) => r.remoteId).sort();
  const newest = (records: readonly Observed[]) => new Date(Math.max(...records.map((r) => Date.parse(r.updatedAt!)))).toISOString();

  it("asks for the largest page the connector declares", async () => {
    const mirror = await freshMirror();
    const { adapter, lists } = interruptibleAdapter(xero.adapter);
    const step = await pollToEnd(pollerOver(mirror, createMemoryEventLog(), adapter));
    expect(step).toMatchObject({ scan: "baseline", appended: 0 });
    expect(maxPageSizeOf(adapter.capabilities, "Invoice")).toBeGreaterThan(invoices.length);
    expect(lists.map((l) => [l.first, l.offset])).toEqual([[maxPageSizeOf(adapter.capabilities, "Invoice"), 0]]);
    expect(await mirror.knownIds(xero.organization.id, "Invoice")).toEqual(ids(invoices));
  });

  it("interrupted after two pages, resumes after a restart at the saved offset, raises no events and ends IN_SYNC with every record mirrored", async () => {
    const mirror = await freshMirror();
    const log = createMemoryEventLog();
    const { adapter, lists, failAtList } = interruptibleAdapter(xero.adapter);
    expect(invoices.length).toBeGreaterThan(500);

    // The first gateway: two pages arrive, the third list call fails (the process stops there).
    failAtList(3);
    const first = pollerOver(mirror, log, adapter, 100);
    expect(await first.step()).toMatchObject({ done: false, scan: "baseline" });
    expect(await first.step()).toMatchObject({ done: false, scan: "baseline" });
    await expect(first.step()).rejects.toBeInstanceOf(PollStepError);
    expect(lists.map((l) => l.offset)).toEqual([0, 100, 200]);

    // Both pages are in the mirror already, with where the listing resumes; the entity is still backfilling.
    const startedAt = clock.now().toISOString();
    expect(await mirror.count(xero.organization.id, "Invoice", { includeArchived: true })).toBe(200);
    const halfway = await mirror.loadSync(xero.organization.id, "Invoice");
    expect(halfway?.backfill).toEqual({ offset: 200, startedAt, newestUpdatedAt: newest(invoices.slice(0, 200)) });
    expect(halfway?.baselineAt).toBeUndefined();
    expect(stateOf(halfway, now, MAX_LAG_MS)).toBe("BACKFILLING");

    // A restart, a while later: a new recorder and poller over the same mirror and log.
    now += 60_000;
    failAtList(Number.POSITIVE_INFINITY);
    lists.length = 0;
    const restarted = pollerOver(mirror, log, adapter, 100);
    const step = await pollToEnd(restarted);
    expect(step).toMatchObject({ scan: "baseline", appended: 0 });
    const pages = Math.ceil(invoices.length / 100);
    expect(lists.map((l) => l.offset)).toEqual(Array.from({ length: pages - 2 }, (_, i) => (i + 2) * 100));
    expect(lists.every((l) => l.first === 100 && l.filter.updatedSince === undefined)).toBe(true);

    expect(await log.readAfter(undefined, 10)).toEqual([]);
    expect(await mirror.knownIds(xero.organization.id, "Invoice")).toEqual(ids(invoices));
    const done = await mirror.loadSync(xero.organization.id, "Invoice");
    expect(done?.backfill).toBeUndefined();
    expect(done?.baselineAt).toBe(clock.now().toISOString());
    expect(done?.eventsEmitted).toBe(0);
    // The listing counts from when it first started: the mirror is in sync as of then, and the cursor
    // follows the newest record of every page, those before the restart included.
    expect(done?.syncedAt).toBe(startedAt);
    expect(done?.cursor).toBe(new Date(Math.min(Date.parse(newest(invoices)), Date.parse(startedAt)) - 5_000).toISOString());
    expect(stateOf(done, now, MAX_LAG_MS)).toBe("IN_SYNC");

    // The next poll reads from the cursor: nothing changed, nothing to report.
    // A resumed baseline may have missed records whose page shifted: a full listing follows at once, and raises nothing here.
    expect(await pollToEnd(restarted)).toMatchObject({ scan: "full", appended: 0 });
    lists.length = 0;
    expect(await pollToEnd(restarted)).toMatchObject({ scan: "incremental", appended: 0 });
    expect(lists.map((l) => l.filter.updatedSince)).toEqual([done?.cursor]);
  });

  it("a full listing is recorded page by page: lookups bounded by the page, no row written for unchanged books, no event", async () => {
    const inner = await freshMirror();
    const probe = probeMirror(inner);
    const log = createMemoryEventLog();
    const { adapter, lists } = interruptibleAdapter(xero.adapter);
    const poller = pollerOver(probe.store, log, adapter, 100);
    await pollToEnd(poller);

    // Past the reconciliation interval the next poll lists everything again.
    now += RECONCILE_MS + 60_000;
    probe.reset();
    const versionBefore = await inner.version(xero.organization.id);
    lists.length = 0;
    const step = await pollToEnd(poller);
    expect(step).toMatchObject({ scan: "full", appended: 0 });
    expect(lists).toHaveLength(Math.ceil(invoices.length / 100));
    // Every listed row is offered (a field can change without a new updatedAt); the store finds them the same and changes nothing.
    expect(probe.counts).toMatchObject({ idsLookedUp: invoices.length, largestLookup: 100, knownIdsCalls: 1, rowsWritten: invoices.length });
    expect(await inner.version(xero.organization.id)).toBe(versionBefore);
    expect(probe.commits).toHaveLength(lists.length + 1);
    expect(await log.readAfter(undefined, 10)).toEqual([]);
    const synced = await inner.loadSync(xero.organization.id, "Invoice");
    expect(synced?.lastFullScanAt).toBe(clock.now().toISOString());
    expect(stateOf(synced, now, MAX_LAG_MS)).toBe("IN_SYNC");
  });
});

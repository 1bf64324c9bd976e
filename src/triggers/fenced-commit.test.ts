import { afterAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { MirrorConflictError, MirrorFencedError, type MirrorStore } from "../mirror/mirror-store.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { localLeases } from "../store/leases.js";
import { createChangeRecorder } from "./change-recorder.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import type { Observed } from "./fingerprint.js";
import { mirrorBackends } from "./testing/mirror-backends.js";
import { testColumnsOf } from "./testing/mirror-probe.js";

/**
 * A poll lease holder that paused past its lease (a long GC, a stalled host) resumes and writes with
 * its old fencing token after another instance took the lease and committed: its write is refused and
 * the newer holder's sync state stays, on every mirror backend.
 */

const clock = { now: () => new Date("2026-12-07T12:00:00.000Z") };
const invoice = (remoteId: string, updatedAt: string) => ({ remoteId, updatedAt }) as Observed;
const organizationOf = (id: string): OrganizationRecord => ({ id, provider: Provider.CLIENTARY, name: "Books", settings: {}, createdAt: "2026-01-01T00:00:00.000Z" });
const LEASE = "triggers:poll:org";
const TTL_MS = 300;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const backends = await mirrorBackends("fence_sync");
afterAll(async () => {
  for (const backend of backends) await backend.dispose();
});

describe.each(backends)("fenced sync-state commits ($name)", (backend) => {
  it.runIf(backend.available)("a commit carrying a smaller token than the row's is refused and writes nothing; a larger one is stored; unfenced commits only check the revision", async () => {
    const store = await backend.open();
    try {
      const o = "org_fence_store";
      await store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 1 }, expectedRevision: null, fence: 7 });
      let sync = (await store.loadSync(o, "Invoice"))!;
      const write = { remoteId: "1", fingerprint: "f1", ended: null, record: { remoteId: "1" }, columns: testColumnsOf(organizationOf(o), "Invoice", { remoteId: "1" }) };
      const stale = store.commit(o, "Invoice", { upserts: [write], removals: [], sync: { eventsEmitted: 99 }, expectedRevision: sync.revision!, fence: 6 });
      await expect(stale).rejects.toBeInstanceOf(MirrorFencedError);
      await expect(stale).rejects.toMatchObject({ fence: 6, storedFence: 7 });
      expect((await store.loadSync(o, "Invoice"))?.eventsEmitted).toBe(1);
      expect(await store.knownIds(o, "Invoice")).toEqual([]);

      // The same token again passes; a stale revision with a good token is still a conflict (retried by the recorder).
      await store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 2 }, expectedRevision: sync.revision!, fence: 7 });
      await expect(store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 3 }, expectedRevision: sync.revision!, fence: 8 })).rejects.toBeInstanceOf(MirrorConflictError);
      sync = (await store.loadSync(o, "Invoice"))!;
      // A webhook's or the gateway's own write carries no token: only its revision counts, and the stored token stays.
      await store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 4 }, expectedRevision: sync.revision! });
      sync = (await store.loadSync(o, "Invoice"))!;
      await expect(store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 5 }, expectedRevision: sync.revision!, fence: 6 })).rejects.toBeInstanceOf(MirrorFencedError);
      await store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 6 }, expectedRevision: sync.revision!, fence: 9 });
      sync = (await store.loadSync(o, "Invoice"))!;
      await expect(store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 7 }, expectedRevision: sync.revision!, fence: 8 })).rejects.toBeInstanceOf(MirrorFencedError);
      // Without a revision check, the token still holds.
      await expect(store.commit(o, "Invoice", { upserts: [], removals: [], sync: { eventsEmitted: 8 }, fence: 8 })).rejects.toBeInstanceOf(MirrorFencedError);
      expect((await store.loadSync(o, "Invoice"))?.eventsEmitted).toBe(6);
    } finally {
      await store.close();
    }
  });

  it.runIf(backend.available)("a paused holder that resumes after the lease passed on cannot overwrite the newer holder's sync state", async () => {
    const store = await backend.open();
    try {
      const organization = organizationOf("org_fence_resumed");
      const leases = localLeases();
      const log = createMemoryEventLog();
      const a = createChangeRecorder({ log, mirror: store, columnsOf: testColumnsOf, clock });
      const b = createChangeRecorder({ log, mirror: store, columnsOf: testColumnsOf, clock });

      // A holds the lease and writes the first page of its baseline.
      const leaseA = (await leases.acquire(LEASE, TTL_MS))!;
      await a.backfill({ organization, entity: "Invoice", records: [invoice("1", "2026-12-07T10:00:00.000Z")], nextOffset: 1, startedAt: new Date("2026-12-07T11:00:00.000Z"), fence: leaseA.fence });
      // A pauses past its lease; B takes it over and finishes the baseline.
      await wait(TTL_MS + 50);
      const leaseB = (await leases.acquire(LEASE, 10_000))!;
      expect(leaseB.fence).toBeGreaterThan(leaseA.fence);
      await b.record({
        organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "baseline",
        records: [invoice("1", "2026-12-07T10:00:00.000Z"), invoice("2", "2026-12-07T10:30:00.000Z")], listedFrom: new Date("2026-12-07T11:30:00.000Z"), fence: leaseB.fence,
      });
      const newer = await store.loadSync(organization.id, "Invoice");

      // A resumes where it stopped: its next page, read fresh from the mirror (so its revision is current), still with its old token.
      const resumed = a.backfill({ organization, entity: "Invoice", records: [invoice("3", "2026-12-07T10:45:00.000Z")], nextOffset: 2, startedAt: new Date("2026-12-07T11:00:00.000Z"), fence: leaseA.fence });
      await expect(resumed).rejects.toBeInstanceOf(MirrorFencedError);
      const stale = a.record({
        organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "full",
        records: [invoice("1", "2026-12-07T10:00:00.000Z")], vanished: ["2"], listedFrom: new Date("2026-12-07T11:00:00.000Z"), fence: leaseA.fence,
      });
      await expect(stale).rejects.toBeInstanceOf(MirrorFencedError);

      expect(await store.loadSync(organization.id, "Invoice")).toEqual(newer);
      expect(newer?.baselineAt).toBeDefined();
      expect(newer?.backfill).toBeUndefined();
      expect((await store.knownIds(organization.id, "Invoice")).sort()).toEqual(["1", "2"]);
      expect(await log.readAfter(undefined, 10)).toEqual([]);
      // B goes on polling.
      await b.record({ organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "incremental", records: [invoice("4", "2026-12-07T11:59:00.000Z")], fence: leaseB.fence });
      expect((await log.readAfter(undefined, 10)).map((e) => `${e.type} ${e.remoteId}`)).toEqual(["INVOICE_CREATED 4"]);
    } finally {
      await store.close();
    }
  });

  it.runIf(backend.available)("a paused holder's commit already under way when the lease passed on is refused, not retried into the newer state", async () => {
    const store = await backend.open();
    try {
      const organization = organizationOf("org_fence_in_flight");
      const leases = localLeases();
      const log = createMemoryEventLog();
      // A's commits are held at the store (the pause), after it read the state.
      let resume!: () => void;
      const paused = new Promise<void>((resolve) => (resume = resolve));
      let held = true;
      let attempts = 0;
      const slow: MirrorStore = { ...store, commit: async (o, e, c) => { attempts++; if (held) await paused; return store.commit(o, e, c); } };
      const a = createChangeRecorder({ log, mirror: slow, columnsOf: testColumnsOf, clock });
      const b = createChangeRecorder({ log, mirror: store, columnsOf: testColumnsOf, clock });

      const leaseA = (await leases.acquire(LEASE, TTL_MS))!;
      const stale = a.record({
        organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "baseline",
        records: [invoice("1", "2026-12-07T10:00:00.000Z")], listedFrom: new Date("2026-12-07T11:00:00.000Z"), fence: leaseA.fence,
      });
      stale.catch(() => undefined);
      await wait(TTL_MS + 50);
      const leaseB = (await leases.acquire(LEASE, 10_000))!;
      await b.record({
        organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "baseline",
        records: [invoice("2", "2026-12-07T10:30:00.000Z")], listedFrom: new Date("2026-12-07T11:30:00.000Z"), fence: leaseB.fence,
      });
      const newer = await store.loadSync(organization.id, "Invoice");
      held = false;
      resume();

      await expect(stale).rejects.toBeInstanceOf(MirrorFencedError);
      expect(attempts, "refused once: the revision conflict's retry met the newer token and stopped").toBeLessThanOrEqual(2);
      expect(await store.loadSync(organization.id, "Invoice")).toEqual(newer);
      expect(await store.knownIds(organization.id, "Invoice")).toEqual(["2"]);
      expect(await log.readAfter(undefined, 10)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

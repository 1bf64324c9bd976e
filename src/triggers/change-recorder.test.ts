import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { recordWithRaw, type MirrorStore } from "../mirror/mirror-store.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { createChangeRecorder } from "./change-recorder.js";
import type { EventLog } from "./event-log/event-log.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import { fingerprintOf, type Observed } from "./fingerprint.js";
import { mirrorBackends } from "./testing/mirror-backends.js";
import { probeMirror, testColumnsOf } from "./testing/mirror-probe.js";

const at = (iso: string) => ({ now: () => new Date(iso) });
const declared = ["CREATED", "UPDATED"] as const;

const backends = await mirrorBackends("recorder_test");
afterAll(async () => {
  for (const backend of backends) await backend.dispose();
});

/** "TYPE remoteId updatedAt" of every event in the log, oldest first. */
async function typesIn(log: EventLog) {
  return (await log.readAfter(undefined, 100)).map((e) => `${e.type} ${e.remoteId} ${(e.record as { updatedAt?: string } | null)?.updatedAt}`);
}

/**
 * The mirror is never behind the log: for the newest event of each record in the log, the mirror
 * holds that version of the record or a later one (and no row once the record was deleted).
 */
async function expectMirrorNotBehindLog(mirror: MirrorStore, log: EventLog, organizationId: string) {
  const newest = new Map<string, { record: Record<string, unknown> | null }>();
  for (const event of await log.readAfter(undefined, 10_000)) if (event.organizationId === organizationId) newest.set(event.remoteId, event);
  const ids = [...newest.keys()];
  const rows = await mirror.getMany(organizationId, "Invoice", ids);
  ids.forEach((id, i) => {
    const logged = newest.get(id)!.record;
    const row = rows[i];
    if (logged === null) return expect(row, `${id} was deleted`).toBeNull();
    expect(row, `the mirror holds ${id}`).not.toBeNull();
    const version = (fingerprint: string) => Date.parse(fingerprint.slice(2));
    expect(version(row!.fingerprint), `the mirror's version of ${id}`).toBeGreaterThanOrEqual(version(fingerprintOf(logged as unknown as Observed)));
  });
}

/** A real log whose appends fail while `failing` is set, as if the process died before the log took them. */
function failableLog() {
  const inner = createMemoryEventLog();
  const control = { failing: false };
  const log: EventLog = { ...inner, append: async (events) => (control.failing ? Promise.reject(new Error("killed")) : inner.append(events)) };
  return { log, inner, control };
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`change recorder on ${backend.name}`, () => {
    let mirror: MirrorStore;
    beforeAll(async () => {
      mirror = await backend.open();
    });
    afterAll(() => mirror?.close());

    let cases = 0;
    /** An organization of its own for each case: the cases share one store. */
    const newOrganization = (): OrganizationRecord => ({
      id: `org_${backend.name}_${++cases}`, provider: Provider.CLIENTARY, name: "Books", settings: {}, createdAt: "2026-01-01T00:00:00.000Z",
    });
    const recorderOver = (store: MirrorStore, log: EventLog, now: string) =>
      createChangeRecorder({ log, mirror: store, columnsOf: testColumnsOf, clock: at(now), cursorOverlapMs: 5_000 });

    describe("cursor", () => {
      it("follows the newest updatedAt seen, less the overlap", async () => {
        const organization = newOrganization();
        const recorder = recorderOver(mirror, createMemoryEventLog(), "2026-11-22T12:00:00.000Z");
        const { state } = await recorder.record({
          organization, entity: "Invoice", declared: ["CREATED"], scan: "baseline", listedFrom: new Date("2026-11-22T11:59:59.000Z"),
          records: [{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z" }, { remoteId: "2", updatedAt: "2026-11-22T11:30:00.000Z" }],
        });
        expect(state.cursor).toBe("2026-11-22T11:29:55.000Z");
        expect((await mirror.loadSync(organization.id, "Invoice"))?.cursor).toBe("2026-11-22T11:29:55.000Z");
        expect(await mirror.knownIds(organization.id, "Invoice")).toEqual(["1", "2"]);
      });

      it("never passes the moment the listing started, however far ahead a record is stamped, so later changes are still found", async () => {
        const organization = newOrganization();
        const log = createMemoryEventLog();
        const recorder = recorderOver(mirror, log, "2026-11-22T09:00:00.000Z");
        const { state } = await recorder.record({
          organization, entity: "Invoice", declared: ["CREATED"], scan: "baseline", listedFrom: new Date("2026-11-22T08:59:58.000Z"),
          // Stamped at 17:59 the same day: a seeded or clock-skewed record from "the future".
          records: [{ remoteId: "1", updatedAt: "2026-11-22T17:59:00.000Z" }],
        });
        expect(state.cursor).toBe("2026-11-22T08:59:53.000Z");
        // A record created a minute later is read by an incremental listing from that cursor and raises its event.
        const { appended } = await recorder.record({
          organization, entity: "Invoice", declared: ["CREATED"], scan: "incremental", listedFrom: new Date("2026-11-22T09:01:00.000Z"),
          records: [{ remoteId: "2", updatedAt: "2026-11-22T09:00:30.000Z" }],
        });
        expect(appended.map((e) => [e.type, e.remoteId])).toEqual([["INVOICE_CREATED", "2"]]);
        expect((await recorder.state(organization.id, "Invoice")).cursor).toBe("2026-11-22T09:00:25.000Z");
      });
    });

    describe("after a crash", () => {
      const sighting = (organization: OrganizationRecord, scan: "baseline" | "incremental", records: Array<{ remoteId: string; updatedAt: string }>) =>
        ({ organization, entity: "Invoice" as const, declared, scan, records, listedFrom: new Date("2026-11-22T12:00:00.000Z") });
      const first = [{ remoteId: "7", updatedAt: "2026-11-22T11:00:00.000Z" }];
      const again = [{ remoteId: "7", updatedAt: "2026-11-22T11:30:00.000Z" }];

      it("at the first commit: nothing is written (no row, no event); the next run detects the change again, once", async () => {
        const organization = newOrganization();
        const probe = probeMirror(mirror);
        const log = createMemoryEventLog();
        const recorder = recorderOver(probe.store, log, "2026-11-22T12:00:00.000Z");
        await recorder.record(sighting(organization, "baseline", []));
        probe.crashAtCommit(1);
        await expect(recorder.record(sighting(organization, "incremental", first))).rejects.toThrow("killed");
        probe.crashAtCommit(Number.POSITIVE_INFINITY);

        expect(await mirror.knownIds(organization.id, "Invoice")).toEqual([]);
        expect(await typesIn(log)).toEqual([]);
        const saved = await mirror.loadSync(organization.id, "Invoice");
        expect(saved?.pending).toBeUndefined();
        expect(saved?.eventsEmitted).toBe(0);
        await expectMirrorNotBehindLog(mirror, log, organization.id);

        const restarted = recorderOver(probe.store, log, "2026-11-22T12:05:00.000Z");
        await restarted.record(sighting(organization, "incremental", first));
        await restarted.record(sighting(organization, "incremental", first));
        expect(await typesIn(log)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z"]);
        expect((await mirror.known(organization.id, "Invoice", ["7"])).get("7")?.fingerprint).toBe("u:2026-11-22T11:00:00.000Z");
        await expectMirrorNotBehindLog(mirror, log, organization.id);
      });

      it("at the log append: the row and the pending events are in the mirror; the next run appends them once", async () => {
        const organization = newOrganization();
        const { log, inner, control } = failableLog();
        const recorder = recorderOver(mirror, log, "2026-11-22T12:00:00.000Z");
        await recorder.record(sighting(organization, "baseline", []));
        control.failing = true;
        await expect(recorder.record(sighting(organization, "incremental", first))).rejects.toThrow("killed");
        control.failing = false;

        expect(await typesIn(inner)).toEqual([]);
        const [row] = await mirror.getMany(organization.id, "Invoice", ["7"]);
        expect(row).toMatchObject({ remoteId: "7", fingerprint: "u:2026-11-22T11:00:00.000Z", record: { remoteId: "7", updatedAt: "2026-11-22T11:00:00.000Z" } });
        const pending = (await mirror.loadSync(organization.id, "Invoice"))?.pending ?? [];
        expect(pending.map((e) => `${e.type} ${e.remoteId}`)).toEqual(["INVOICE_CREATED 7"]);
        await expectMirrorNotBehindLog(mirror, inner, organization.id);

        // The next run finishes the interrupted one; the same sighting adds nothing.
        const restarted = recorderOver(mirror, log, "2026-11-22T12:05:00.000Z");
        await restarted.record(sighting(organization, "incremental", first));
        await restarted.record(sighting(organization, "incremental", first));
        expect(await typesIn(inner)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z"]);
        expect((await mirror.loadSync(organization.id, "Invoice"))?.pending).toBeUndefined();
        await expectMirrorNotBehindLog(mirror, inner, organization.id);
      });

      it("at the log append, the record changing again meanwhile: CREATED reaches the log once, then UPDATED", async () => {
        const organization = newOrganization();
        const { log, inner, control } = failableLog();
        const recorder = recorderOver(mirror, log, "2026-11-22T12:00:00.000Z");
        await recorder.record(sighting(organization, "baseline", []));
        control.failing = true;
        await expect(recorder.record(sighting(organization, "incremental", first))).rejects.toThrow("killed");
        control.failing = false;

        const restarted = recorderOver(mirror, log, "2026-11-22T12:05:00.000Z");
        await restarted.record(sighting(organization, "incremental", again));
        await restarted.record(sighting(organization, "incremental", again));
        expect(await typesIn(inner)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z", "INVOICE_UPDATED 7 2026-11-22T11:30:00.000Z"]);
        expect((await mirror.known(organization.id, "Invoice", ["7"])).get("7")?.fingerprint).toBe("u:2026-11-22T11:30:00.000Z");
        await expectMirrorNotBehindLog(mirror, inner, organization.id);
      });

      it("at the clearing commit: the events are in the log and still pending; a record that changed again meanwhile is UPDATED, never CREATED twice", async () => {
        const organization = newOrganization();
        const probe = probeMirror(mirror);
        const log = createMemoryEventLog();
        const recorder = recorderOver(probe.store, log, "2026-11-22T12:00:00.000Z");
        await recorder.record(sighting(organization, "baseline", []));
        // Commits: 1 = records, state and pending events; then the log append; 2 = pending cleared. Die at 2.
        probe.crashAtCommit(2);
        await expect(recorder.record(sighting(organization, "incremental", first))).rejects.toThrow("killed");
        probe.crashAtCommit(Number.POSITIVE_INFINITY);

        expect(await typesIn(log)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z"]);
        expect(((await mirror.loadSync(organization.id, "Invoice"))?.pending ?? []).map((e) => e.type)).toEqual(["INVOICE_CREATED"]);
        await expectMirrorNotBehindLog(mirror, log, organization.id);

        const restarted = recorderOver(probe.store, log, "2026-11-22T12:05:00.000Z");
        await restarted.record(sighting(organization, "incremental", again));
        expect(await typesIn(log)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z", "INVOICE_UPDATED 7 2026-11-22T11:30:00.000Z"]);
        expect((await mirror.loadSync(organization.id, "Invoice"))?.pending).toBeUndefined();
        await expectMirrorNotBehindLog(mirror, log, organization.id);
      });
    });

    describe("what is stored where", () => {
      it("the log and the pending events keep the unified record without the provider's raw payload; the mirror's row keeps raw", async () => {
        const organization = newOrganization();
        const probe = probeMirror(mirror);
        const { log, inner, control } = failableLog();
        const recorder = recorderOver(probe.store, log, "2026-11-22T12:00:00.000Z");
        const secretPayload = { InvoiceID: "1", Notes: "door code 4711", Contact: { EmailAddress: "owner@example.com" } };
        const invoice = { remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1", raw: () => secretPayload } as Observed;
        await recorder.record({ organization, entity: "Invoice", declared: ["CREATED"], scan: "baseline", records: [] });

        // Left pending by a failed append: the pending events as the mirror keeps them.
        control.failing = true;
        await expect(recorder.record({ organization, entity: "Invoice", declared: ["CREATED"], scan: "incremental", records: [invoice] })).rejects.toThrow("killed");
        control.failing = false;
        const pending = (await mirror.loadSync(organization.id, "Invoice"))?.pending ?? [];
        expect(pending.map((e) => e.record)).toEqual([{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1" }]);

        const { appended } = await recorder.record({ organization, entity: "Invoice", declared: ["CREATED"], scan: "lookup", records: [] });
        expect(appended).toEqual([]);
        const stored = await inner.readAfter(undefined, 10);
        expect(stored.map((e) => e.record)).toEqual([{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1" }]);
        expect(JSON.stringify(stored)).not.toContain("door code");
        // No sync state the recorder wrote held the payload.
        expect(probe.commits.some((c) => (c.sync.pending?.length ?? 0) > 0)).toBe(true);
        expect(JSON.stringify(probe.commits.map((c) => c.sync))).not.toContain("door code");

        // The mirror is the read path: its row serves `raw`.
        const [row] = await mirror.getMany(organization.id, "Invoice", ["1"]);
        expect(recordWithRaw(row!)).toEqual({ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1", raw: secretPayload });
      });
    });

    describe("backfill", () => {
      it("a page read before a webhook's newer version of a record does not roll the mirror back behind the log", async () => {
        const organization = newOrganization();
        const log = createMemoryEventLog();
        const recorder = recorderOver(mirror, log, "2026-11-22T12:00:00.000Z");
        const startedAt = new Date("2026-11-22T11:00:00.000Z");
        await recorder.backfill({ organization, entity: "Invoice", records: [{ remoteId: "a", updatedAt: "2026-11-22T10:00:00.000Z" }], nextOffset: 1, startedAt });
        // Page 2 was listed with b's older version; before it is written, a webhook's lookup records b's newer one.
        const page2 = [{ remoteId: "b", updatedAt: "2026-11-22T10:30:00.000Z" }];
        await recorder.record({
          organization, entity: "Invoice", declared, scan: "lookup", records: [{ remoteId: "b", updatedAt: "2026-11-22T11:30:00.000Z" }],
          hints: new Map([["b", { change: "UPDATED" as const }]]),
        });
        expect(await typesIn(log)).toEqual(["INVOICE_UPDATED b 2026-11-22T11:30:00.000Z"]);
        await recorder.backfill({ organization, entity: "Invoice", records: page2, nextOffset: 2, startedAt });

        expect((await mirror.known(organization.id, "Invoice", ["b"])).get("b")?.fingerprint).toBe("u:2026-11-22T11:30:00.000Z");
        await expectMirrorNotBehindLog(mirror, log, organization.id);
        expect((await mirror.loadSync(organization.id, "Invoice"))?.backfill?.offset).toBe(2);
      });
    });

    describe("cost", () => {
      it("a one-record sighting in an organization of 10,000 mirrored invoices reads and writes that record's row only", { timeout: 120_000 }, async () => {
        const organization = newOrganization();
        const probe = probeMirror(mirror);
        const log = createMemoryEventLog();
        const recorder = recorderOver(probe.store, log, "2026-11-22T12:00:00.000Z");
        const total = 10_000;
        const start = Date.parse("2026-01-01T00:00:00.000Z");
        const invoices = Array.from({ length: total }, (_, i) => ({
          remoteId: `inv-${String(i).padStart(5, "0")}`, updatedAt: new Date(start + i * 60_000).toISOString(), number: `INV-${i}`,
          status: "AUTHORISED", issueDate: "2026-01-01", total: "100.00",
        }));
        // The baseline as the poller writes it: pages of 1,000, the last one closing it.
        const startedAt = new Date("2026-11-22T11:00:00.000Z");
        for (let offset = 0; offset < total - 1000; offset += 1000) {
          await recorder.backfill({ organization, entity: "Invoice", records: invoices.slice(offset, offset + 1000), nextOffset: offset + 1000, startedAt });
        }
        await recorder.record({ organization, entity: "Invoice", declared, scan: "baseline", records: invoices.slice(total - 1000), listedFrom: startedAt });
        expect(await mirror.count(organization.id, "Invoice", { includeArchived: true })).toBe(total);
        expect(await typesIn(log)).toEqual([]);

        // A webhook says one invoice changed; its lookup found the new version.
        probe.reset();
        const changed = { ...invoices[4242]!, updatedAt: "2026-11-22T11:55:00.000Z", status: "PAID" };
        const { appended } = await recorder.record({
          organization, entity: "Invoice", declared, scan: "lookup", records: [changed], hints: new Map([[changed.remoteId, { change: "UPDATED" as const }]]),
        });
        expect(appended.map((e) => `${e.type} ${e.remoteId}`)).toEqual(["INVOICE_UPDATED inv-04242"]);
        // Commits: the record with its state and pending event, then pending cleared.
        expect(probe.counts).toEqual({ idsLookedUp: 1, largestLookup: 1, knownIdsCalls: 0, commits: 2, rowsWritten: 1, rowsRead: 0 });
        expect(probe.commits.flatMap((c) => c.upserts.map((u) => u.remoteId))).toEqual(["inv-04242"]);
        expect((await mirror.getMany(organization.id, "Invoice", ["inv-04242"]))[0]!.record).toMatchObject({ status: "PAID" });

        // A sighting of a record the mirror already holds as it is: its row is offered, the store finds it the same
        // and changes nothing (the organization's version stays), no event.
        probe.reset();
        const version = await mirror.version(organization.id);
        const same = await recorder.record({ organization, entity: "Invoice", declared, scan: "lookup", records: [invoices[7]!] });
        expect(same.appended).toEqual([]);
        expect(probe.counts).toEqual({ idsLookedUp: 1, largestLookup: 1, knownIdsCalls: 0, commits: 1, rowsWritten: 1, rowsRead: 0 });
        expect(await mirror.version(organization.id)).toBe(version);

        // A field the provider changed without a new updatedAt (no new version, so no event) still reaches the mirror.
        const relabelled = { ...invoices[7]!, reference: "changed without a new updatedAt" };
        const quiet = await recorder.record({ organization, entity: "Invoice", declared, scan: "full", records: [relabelled] });
        expect(quiet.appended).toEqual([]);
        expect((await mirror.getMany(organization.id, "Invoice", [relabelled.remoteId]))[0]!.record).toMatchObject({ reference: "changed without a new updatedAt" });
        expect(await mirror.version(organization.id)).toBeGreaterThan(version);
        expect(await mirror.count(organization.id, "Invoice", { includeArchived: true })).toBe(total);
      });
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxOrganization, type SandboxOrganization } from "../../connectors/xero/testing/sandbox-organization.js";
import type { Clock } from "../infra/clock.js";
import { stateOf } from "../mirror/mirror-runtime.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import { openMirrorStore } from "../mirror/open-mirror-store.js";
import { memoryStore, type KeyValueStore } from "../store/key-value-store.js";
import { createChangeRecorder } from "./change-recorder.js";
import { createEntityPoller, type EntityPoller, type PollStep } from "./entity-poller.js";
import { eventIdOf, eventTypeOf, type NewEvent } from "./event.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import { endedStatusOf, fingerprintOf, type Observed } from "./fingerprint.js";
import { legacyPollStates, type LegacyPollState } from "./poll-state.js";
import { interruptibleAdapter } from "./testing/interruptible-adapter.js";
import { testColumnsOf } from "./testing/mirror-probe.js";
import { declaredChangesOf } from "./trigger-declarations.js";

/**
 * Gateways before the mirror kept one JSON poll state per organization and entity in the durable
 * store (`poll:<org>:<entity>` in the `triggers` namespace, every fingerprint in `seen`). The change
 * recorder imports it once: the next poll is a full listing compared with those fingerprints, so an
 * organization upgraded in place raises exactly the changes made since its last poll.
 */

const MAX_LAG_MS = 10 * 60_000;

describe("importing a poll state saved before the mirror", { timeout: 60_000 }, () => {
  let xero: SandboxOrganization;
  let mirror: MirrorStore;
  beforeAll(async () => {
    xero = await startSandboxOrganization();
    mirror = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  });
  afterAll(async () => {
    await mirror?.close();
    await xero?.sandbox.close();
  });

  let now = Date.parse("2030-01-01T12:00:00.000Z");
  const clock: Clock = { now: () => new Date(now) };

  function gateway(triggers: KeyValueStore) {
    const log = createMemoryEventLog();
    const recorder = createChangeRecorder({ log, mirror, columnsOf: testColumnsOf, clock, legacy: legacyPollStates(triggers) });
    const { adapter, lists } = interruptibleAdapter(xero.adapter);
    const poller = createEntityPoller({
      organization: xero.organization, entity: "Invoice", declared: declaredChangesOf(adapter.capabilities, "Invoice"), adapter: () => adapter, recorder, clock,
      reconcileIntervalMs: 15 * 60_000,
    });
    return { log, recorder, lists, poller };
  }

  async function pollToEnd(poller: EntityPoller): Promise<PollStep> {
    for (;;) {
      const step = await poller.step();
      if (step.done) return step;
    }
  }

  it("the next poll is a full listing: unchanged records raise nothing, a changed one UPDATED, a new one CREATED, a vanished one DELETED", async () => {
    const listed = (await xero.adapter.list("Invoice", { first: 1000, offset: 0, filter: { includeArchived: true } })).items as Observed[];
    const live = listed.filter((r) => !endedStatusOf(r));
    const [changed, created, vanished] = [live[0]!, live[1]!, live[2]!];

    // The old gateway's state: every invoice as it last saw it, except that it saw an older version of
    // one, never saw another (created since), and saw a third the provider has deleted since.
    const seen = Object.fromEntries(listed.map((r) => [r.remoteId, fingerprintOf(r)]));
    const ended = Object.fromEntries(listed.flatMap((r) => (endedStatusOf(r) ? [[r.remoteId, endedStatusOf(r)!]] : [])));
    seen[changed.remoteId] = "u:2020-01-01T00:00:00.000Z";
    delete seen[created.remoteId];
    const triggers = memoryStore().namespace("triggers");
    const old: LegacyPollState = {
      baselineAt: "2029-12-01T00:00:00.000Z", cursor: "2029-12-31T23:00:00.000Z", lastFullScanAt: "2029-12-31T23:00:00.000Z", lastRunAt: "2029-12-31T23:59:00.000Z",
      seen, ended, eventsEmitted: 12,
    };
    await triggers.set(`poll:${xero.organization.id}:Invoice`, old);
    const books = xero.sandbox.books.invoices;
    books.splice(books.findIndex((i) => i.InvoiceID === vanished.remoteId), 1);

    const { log, recorder, lists, poller } = gateway(triggers);
    expect(await recorder.state(xero.organization.id, "Invoice")).toMatchObject({ baselineAt: old.baselineAt, importing: true });
    const step = await pollToEnd(poller);
    expect(step).toMatchObject({ scan: "full", appended: 3 });
    // A full listing, not an incremental read from the old cursor.
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((l) => l.filter.updatedSince === undefined)).toBe(true);

    const events = await log.readAfter(undefined, 100);
    expect(events.map((e) => `${e.type} ${e.remoteId}`).sort()).toEqual([
      `INVOICE_CREATED ${created.remoteId}`, `INVOICE_DELETED ${vanished.remoteId}`, `INVOICE_UPDATED ${changed.remoteId}`,
    ].sort());
    expect(events.find((e) => e.change === "DELETED")!.record).toBeNull();

    // The mirror now holds every record the provider has, and the import is over.
    const kept = listed.filter((r) => r.remoteId !== vanished.remoteId).map((r) => r.remoteId).sort();
    expect(await mirror.knownIds(xero.organization.id, "Invoice")).toEqual(kept);
    const state = await recorder.state(xero.organization.id, "Invoice");
    expect(state).toMatchObject({ baselineAt: old.baselineAt, importing: false, eventsEmitted: 15 });
    const sync = await mirror.loadSync(xero.organization.id, "Invoice");
    expect(JSON.stringify(sync)).not.toContain(listed[5]!.remoteId);
    expect(stateOf(sync, now, MAX_LAG_MS)).toBe("IN_SYNC");

    // The poll after it reads from the cursor and finds nothing new.
    now += 60_000;
    lists.length = 0;
    expect(await pollToEnd(poller)).toMatchObject({ scan: "incremental", appended: 0 });
    expect(lists.map((l) => l.filter.updatedSince)).toEqual([state.cursor]);
    expect(await log.readAfter(undefined, 100)).toHaveLength(3);
  });

  it("events an old gateway computed but may not have appended (its write-ahead `pending`) reach the log once", async () => {
    const organizationId = "org-legacy-pending";
    const detectedAt = "2029-12-31T23:59:00.000Z";
    const event: NewEvent = {
      id: eventIdOf({ organizationId, entity: "Contact", remoteId: "c-1", change: "CREATED", fingerprint: "u:2029-12-31T23:58:00.000Z" }),
      type: eventTypeOf("Contact", "CREATED"), entity: "Contact", change: "CREATED", organizationId, provider: xero.organization.provider,
      remoteId: "c-1", occurredAt: "2029-12-31T23:58:00.000Z", detectedAt, record: { remoteId: "c-1", updatedAt: "2029-12-31T23:58:00.000Z", name: "Acme" },
    };
    const next = { baselineAt: "2029-12-01T00:00:00.000Z", seen: { "c-1": "u:2029-12-31T23:58:00.000Z" }, ended: {}, eventsEmitted: 1 };
    const triggers = memoryStore().namespace("triggers");
    await triggers.set(`poll:${organizationId}:Contact`, { baselineAt: next.baselineAt, seen: {}, ended: {}, eventsEmitted: 0, pending: { events: [event], next } });

    const log = createMemoryEventLog();
    const recorder = createChangeRecorder({ log, mirror, columnsOf: testColumnsOf, clock, legacy: legacyPollStates(triggers) });
    const organization = { ...xero.organization, id: organizationId };
    const sighting = {
      organization, entity: "Contact" as const, declared: ["CREATED", "UPDATED"] as const, scan: "page" as const, records: [{ remoteId: "c-1", updatedAt: "2029-12-31T23:58:00.000Z" }],
    };
    expect((await recorder.record(sighting)).appended).toEqual([]);
    expect((await recorder.record(sighting)).appended).toEqual([]);
    expect((await log.readAfter(undefined, 10)).map((e) => e.id)).toEqual([event.id]);
    expect((await mirror.loadSync(organizationId, "Contact"))?.pending).toBeUndefined();
    expect(await mirror.knownIds(organizationId, "Contact")).toEqual(["c-1"]);
  });
});

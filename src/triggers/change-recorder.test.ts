import { describe, expect, it } from "vitest";
import { createChangeRecorder } from "./change-recorder.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import { createPollStateStore, type PollStateStore } from "./poll-state.js";
import type { EventLog } from "./event-log/event-log.js";
import type { Observed } from "./fingerprint.js";
import { memoryStore } from "../store/key-value-store.js";
import { Provider } from "../../schema/common/provider.enum.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";

const organization: OrganizationRecord = { id: "org_1", provider: Provider.CLIENTARY, name: "Books", settings: {}, createdAt: "2026-01-01T00:00:00.000Z" };
const at = (iso: string) => ({ now: () => new Date(iso) });

describe("change recorder cursor", () => {
  it("follows the newest updatedAt seen, less the overlap", async () => {
    const recorder = createChangeRecorder({ log: createMemoryEventLog(), states: createPollStateStore(memoryStore()), clock: at("2026-11-22T12:00:00.000Z"), cursorOverlapMs: 5_000 });
    const { state } = await recorder.record({
      organization, entity: "Invoice", declared: ["CREATED"], scan: "baseline", listedFrom: new Date("2026-11-22T11:59:59.000Z"),
      records: [{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z" }, { remoteId: "2", updatedAt: "2026-11-22T11:30:00.000Z" }],
    });
    expect(state.cursor).toBe("2026-11-22T11:29:55.000Z");
  });

  it("never passes the moment the listing started, however far ahead a record is stamped, so later changes are still found", async () => {
    const log = createMemoryEventLog();
    const states = createPollStateStore(memoryStore());
    const recorder = createChangeRecorder({ log, states, clock: at("2026-11-22T09:00:00.000Z"), cursorOverlapMs: 5_000 });
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
    expect((await states.load("org_1", "Invoice")).cursor).toBe("2026-11-22T09:00:25.000Z");
  });
});

/** A poll-state store whose `failAt`-th save from now throws, as if the process died there. */
function crashingStates(inner: PollStateStore) {
  let saves = 0;
  let failAt = Number.POSITIVE_INFINITY;
  const store: PollStateStore = {
    load: (o, e) => inner.load(o, e),
    save: async (o, e, state) => {
      if (++saves === failAt) throw new Error("killed");
      return inner.save(o, e, state);
    },
  };
  return { store, crashAtSave: (n: number) => ((saves = 0), (failAt = n)) };
}

describe("change recorder after a crash", () => {
  const declared = ["CREATED", "UPDATED"] as const;
  const sighting = (scan: "baseline" | "incremental", records: Array<{ remoteId: string; updatedAt: string }>) =>
    ({ organization, entity: "Invoice" as const, declared, scan, records, listedFrom: new Date("2026-11-22T12:00:00.000Z") });

  async function typesIn(log: EventLog) {
    return (await log.readAfter(undefined, 100)).map((e) => `${e.type} ${e.remoteId} ${(e.record as { updatedAt?: string } | null)?.updatedAt}`);
  }

  it("a record that changed again while the gateway was down after logging its creation is UPDATED, never CREATED twice", async () => {
    const log = createMemoryEventLog();
    const { store, crashAtSave } = crashingStates(createPollStateStore(memoryStore()));
    const recorder = createChangeRecorder({ log, states: store, clock: at("2026-11-22T12:00:00.000Z") });
    await recorder.record(sighting("baseline", []));
    // Saves: 1 = write-ahead, 2 = the new state. Die at 2: the CREATED is in the log, the state is not.
    crashAtSave(2);
    await expect(recorder.record(sighting("incremental", [{ remoteId: "7", updatedAt: "2026-11-22T11:00:00.000Z" }]))).rejects.toThrow("killed");
    crashAtSave(Number.POSITIVE_INFINITY);
    const restarted = createChangeRecorder({ log, states: store, clock: at("2026-11-22T12:05:00.000Z") });
    await restarted.record(sighting("incremental", [{ remoteId: "7", updatedAt: "2026-11-22T11:30:00.000Z" }]));
    expect(await typesIn(log)).toEqual(["INVOICE_CREATED 7 2026-11-22T11:00:00.000Z", "INVOICE_UPDATED 7 2026-11-22T11:30:00.000Z"]);
  });

  it("events written ahead but never appended reach the log on the next run", async () => {
    const inner = createMemoryEventLog();
    let failAppend = true;
    const log: EventLog = { ...inner, append: async (events) => (failAppend ? Promise.reject(new Error("killed")) : inner.append(events)) };
    const states = createPollStateStore(memoryStore());
    const recorder = createChangeRecorder({ log, states, clock: at("2026-11-22T12:00:00.000Z") });
    failAppend = false;
    await recorder.record(sighting("baseline", []));
    failAppend = true;
    await expect(recorder.record(sighting("incremental", [{ remoteId: "8", updatedAt: "2026-11-22T11:00:00.000Z" }]))).rejects.toThrow("killed");
    failAppend = false;
    // The next run finishes the interrupted one; the same sighting adds nothing.
    await recorder.record(sighting("incremental", [{ remoteId: "8", updatedAt: "2026-11-22T11:00:00.000Z" }]));
    expect(await typesIn(inner)).toEqual(["INVOICE_CREATED 8 2026-11-22T11:00:00.000Z"]);
  });
});

describe("what the event log stores", () => {
  it("the unified record without the provider's raw payload, in the log and in the write-ahead state", async () => {
    const log = createMemoryEventLog();
    const saved: unknown[] = [];
    const inner = createPollStateStore(memoryStore());
    const states: PollStateStore = { load: (o, e) => inner.load(o, e), save: async (o, e, s) => (saved.push(JSON.parse(JSON.stringify(s))), inner.save(o, e, s)) };
    const recorder = createChangeRecorder({ log, states, clock: at("2026-11-22T12:00:00.000Z") });
    const secretPayload = { InvoiceID: "1", Notes: "door code 4711", Contact: { EmailAddress: "owner@example.com" } };
    await recorder.record({ organization, entity: "Invoice", declared: ["CREATED"], scan: "baseline", records: [] });
    const { appended } = await recorder.record({
      organization, entity: "Invoice", declared: ["CREATED"], scan: "incremental",
      records: [{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1", raw: () => secretPayload } as Observed],
    });
    expect(appended).toHaveLength(1);
    expect(appended[0]!.record).toEqual({ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1" });
    const stored = await log.readAfter(undefined, 10);
    expect(JSON.stringify(stored)).not.toContain("door code");
    expect(JSON.stringify(saved)).not.toContain("door code");
    expect(stored.map((e) => e.record)).toEqual([{ remoteId: "1", updatedAt: "2026-11-22T11:00:00.000Z", number: "INV-1" }]);
  });
});

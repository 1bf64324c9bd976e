import { describe, expect, it } from "vitest";
import { createChangeRecorder } from "./change-recorder.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import { createPollStateStore } from "./poll-state.js";
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

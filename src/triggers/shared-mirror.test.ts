import { afterAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { createChangeRecorder } from "./change-recorder.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import type { Observed } from "./fingerprint.js";
import { mirrorBackends } from "./testing/mirror-backends.js";
import { testColumnsOf } from "./testing/mirror-probe.js";

const clock = { now: () => new Date("2026-11-22T12:00:00.000Z") };
const organization: OrganizationRecord = { id: "org_shared", provider: Provider.CLIENTARY, name: "Books", settings: {}, createdAt: "2026-01-01T00:00:00.000Z" };
const invoice = (remoteId: string, updatedAt: string) => ({ remoteId, updatedAt }) as Observed;

const backends = await mirrorBackends("shared_mirror_test");
afterAll(async () => {
  for (const backend of backends) await backend.dispose();
});

describe.each(backends)("two instances sharing one mirror ($name)", (backend) => {
  it.runIf(backend.available)("a detection that read the state before the other instance committed runs again: nothing it wrote is lost, no event twice", async () => {
    const store = await backend.open();
    try {
      const log = createMemoryEventLog();
      // Instance B's commits land late (a busy network or pool): it read the state before A's baseline ended.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let held = true;
      const late: MirrorStore = { ...store, commit: async (o, e, c) => { if (held) await gate; return store.commit(o, e, c); } };
      const a = createChangeRecorder({ log, mirror: store, columnsOf: testColumnsOf, clock });
      const b = createChangeRecorder({ log, mirror: late, columnsOf: testColumnsOf, clock });
      await a.backfill({ organization, entity: "Invoice", records: [invoice("1", "2026-11-22T10:00:00.000Z")], nextOffset: 1, startedAt: new Date("2026-11-22T11:00:00.000Z") });
      const lookup = b.record({
        organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "lookup",
        records: [invoice("9", "2026-11-22T11:59:00.000Z")], hints: new Map([["9", { change: "CREATED" as const }]]),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await a.record({ organization, entity: "Invoice", declared: ["CREATED", "UPDATED"], scan: "baseline", records: [invoice("2", "2026-11-22T10:30:00.000Z")], listedFrom: new Date("2026-11-22T11:00:00.000Z") });
      held = false;
      release();
      await lookup;

      const after = await store.loadSync(organization.id, "Invoice");
      expect(after?.baselineAt, "A's finished baseline survives B's commit").toBe("2026-11-22T12:00:00.000Z");
      expect(after?.backfill).toBeUndefined();
      expect((await store.knownIds(organization.id, "Invoice")).sort()).toEqual(["1", "2", "9"]);
      // B ran again on A's state: after the baseline, a record never seen is CREATED, once.
      expect((await log.readAfter(undefined, 10)).map((e) => `${e.type} ${e.remoteId}`)).toEqual(["INVOICE_CREATED 9"]);
    } finally {
      await store.close();
    }
  });
});

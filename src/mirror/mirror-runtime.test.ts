import { afterAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import type { CapabilityDeclaration } from "../connector/capabilities.js";
import type { Clock } from "../infra/clock.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import { createChangeRecorder } from "../triggers/change-recorder.js";
import { createMemoryEventLog } from "../triggers/event-log/memory-event-log.js";
import { testColumnsOf } from "../triggers/testing/mirror-probe.js";
import { createMirrorRuntime } from "./mirror-runtime.js";
import { openMirrorStore } from "./open-mirror-store.js";

/** An entity's state as reads see it, when the scheduler spaces its polls further apart than the lag allowed (a daily budget). */

const MINUTE = 60_000;
const organization = { id: "org_rt", provider: Provider.XERO, name: "Runtime", settings: {} } as unknown as OrganizationRecord;
const capabilities = { entities: { Account: { operations: ["list"] } }, reports: {} } as unknown as CapabilityDeclaration;

describe("mirror entity state with a planned poll period", () => {
  const stores: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  async function runtimeAfterOneBaseline(planned: number | undefined) {
    let now = Date.parse("2030-01-01T12:00:00.000Z");
    const clock: Clock = { now: () => new Date(now) };
    const store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
    stores.push(store);
    const recorder = createChangeRecorder({ log: createMemoryEventLog(), mirror: store, columnsOf: testColumnsOf, clock });
    await recorder.record({ organization, entity: "Account", declared: [], scan: "baseline", records: [{ remoteId: "a1", updatedAt: "2029-12-01T00:00:00.000Z" }], listedFrom: clock.now() });
    const runtime = createMirrorRuntime({
      store, recorder, clock, maxLagMs: 10 * MINUTE, stateTtlMs: 0,
      capabilitiesOf: () => capabilities,
      organization: async (id) => (id === organization.id ? organization : undefined),
      ...(planned === undefined ? {} : { plannedPeriodMs: () => planned }),
    });
    return { runtime, advance: (ms: number) => (now += ms) };
  }

  it("is STALE past the maximum lag when no period is planned", async () => {
    const { runtime, advance } = await runtimeAfterOneBaseline(undefined);
    expect((await runtime.entityState(organization.id, "Account")).state).toBe("IN_SYNC");
    advance(11 * MINUTE);
    expect((await runtime.entityState(organization.id, "Account")).state).toBe("STALE");
  });

  it("stays IN_SYNC while it waits for a planned poll 38 minutes apart, and is STALE once a poll is overdue (twice the period)", async () => {
    const { runtime, advance } = await runtimeAfterOneBaseline(38 * MINUTE);
    advance(40 * MINUTE);
    expect((await runtime.entityState(organization.id, "Account")).state).toBe("IN_SYNC");
    expect((await runtime.status(organization.id)).find((e) => e.entity === "Account")).toMatchObject({ state: "IN_SYNC", lagSeconds: 40 * 60 });
    advance(37 * MINUTE);
    expect((await runtime.entityState(organization.id, "Account")).state).toBe("STALE");
    expect((await runtime.status(organization.id)).find((e) => e.entity === "Account")?.state).toBe("STALE");
  });

  it("never allows less lag than the maximum, however short the period", async () => {
    const { runtime, advance } = await runtimeAfterOneBaseline(1_000);
    advance(9 * MINUTE);
    expect((await runtime.entityState(organization.id, "Account")).state).toBe("IN_SYNC");
  });
});

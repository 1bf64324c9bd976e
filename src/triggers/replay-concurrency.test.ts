import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Provider } from "../../schema/common/provider.enum.js";
import { systemClock } from "../infra/clock.js";
import { silentLogger } from "../infra/logger.js";
import { createOrganizationRepository } from "../organizations/organization-repository.js";
import type { MirrorStore } from "../mirror/mirror-store.js";
import { openMirrorStore } from "../mirror/open-mirror-store.js";
import { memoryStore } from "../store/key-value-store.js";
import type { NewEvent, StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";
import { createMemoryEventLog } from "./event-log/memory-event-log.js";
import { openEventStream } from "./event-stream.js";
import { createReplayGate, DEFAULT_REPLAY_PERMITS } from "./replay-gate.js";
import { testColumnsOf } from "./testing/mirror-probe.js";
import { createTriggerRuntime } from "./trigger-runtime.js";

const NOW = new Date().toISOString();
const event = (n: number): NewEvent => ({
  id: `evt_${n}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: "org_1", provider: Provider.XERO,
  remoteId: `inv-${n}`, occurredAt: NOW, detectedAt: NOW, record: null,
});

/** A real in-memory log whose reads take a few milliseconds, counting how many run at once and in all. */
function countingLog(inner: EventLog) {
  const counts = { inFlight: 0, maxInFlight: 0, reads: 0 };
  const log: EventLog = {
    ...inner,
    async readAfter(cursor, limit) {
      counts.reads++;
      counts.inFlight++;
      counts.maxInFlight = Math.max(counts.maxInFlight, counts.inFlight);
      try {
        await sleep(15);
        return await inner.readAfter(cursor, limit);
      } finally {
        counts.inFlight--;
      }
    },
  };
  return { log, counts };
}

async function logWith(events: number) {
  const memory = createMemoryEventLog();
  await memory.append(Array.from({ length: events }, (_, i) => event(i)));
  const [first] = await memory.readAfter(undefined, 1);
  return { ...countingLog(memory), first: first!.cursor };
}

let mirror: MirrorStore;
beforeAll(async () => {
  mirror = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
});
afterAll(() => mirror?.close());

function runtimeOver(log: EventLog, replayConcurrency?: number) {
  const store = memoryStore();
  return createTriggerRuntime({
    log, store, mirror, columnsOf: testColumnsOf, organizations: createOrganizationRepository(store, () => new Date()),
    adapterFor: () => { throw new Error("no adapter in this test"); },
    clock: systemClock, logger: silentLogger, retentionMs: 86_400_000, mode: "manual",
    defaults: { budgetPerMinute: {}, share: 0.5, minIntervalMs: 1000, reconcileIntervalMs: 60_000 },
    ...(replayConcurrency === undefined ? {} : { replayConcurrency }),
  });
}

/** `subscribers` replays from `after` at once; each takes the stored events, then waits for live ones. */
async function replayAll(runtime: ReturnType<typeof runtimeOver>, after: string, subscribers: number, expected: number): Promise<string[][]> {
  const streams: Array<AsyncIterableIterator<StoredEvent>> = [];
  try {
    return await Promise.all(Array.from({ length: subscribers }, async () => {
      const stream = await runtime.access.events({ after, accept: () => true });
      streams.push(stream);
      const ids: string[] = [];
      while (ids.length < expected) ids.push((await stream.next()).value!.id);
      // Used up: the next call hands the permit back, then waits for an append that never comes.
      void stream.next();
      return ids;
    }));
  } finally {
    for (const stream of streams) await stream.return!();
  }
}

describe("replay concurrency (the replay gate's permits)", () => {
  it("replayConcurrency: Infinity lets every replay read the log at once", async () => {
    const { log, counts, first } = await logWith(4);
    const received = await replayAll(runtimeOver(log, Infinity), first, 8, 3);
    expect(counts.maxInFlight).toBe(8);
    expect(received).toEqual(Array.from({ length: 8 }, () => ["evt_1", "evt_2", "evt_3"]));
  });

  it("replayConcurrency: 1 makes replays take turns, and each still gets every event in order", async () => {
    const { log, counts, first } = await logWith(4);
    const received = await replayAll(runtimeOver(log, 1), first, 8, 3);
    expect(counts.maxInFlight).toBe(1);
    expect(counts.reads).toBe(8);
    expect(received).toEqual(Array.from({ length: 8 }, () => ["evt_1", "evt_2", "evt_3"]));
  });

  it("without replayConcurrency, replays share the process's gate of 4", async () => {
    const { log, counts, first } = await logWith(4);
    await replayAll(runtimeOver(log), first, 8, 3);
    expect(counts.maxInFlight).toBe(DEFAULT_REPLAY_PERMITS);
  });

  it("refuses a replayConcurrency that is not a whole number ≥ 1 or Infinity, naming the option", () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) {
      expect(() => runtimeOver(createMemoryEventLog(), bad)).toThrow(/replayConcurrency .* must be a whole number of at least 1, or Infinity/);
    }
  });
});

describe("a stalled replay", () => {
  it("gives its batch back behind a bounded gate when another replay waits, and keeps it otherwise", async () => {
    // Bounded gate, another replay waiting: the stalled one gives its permit and batch back, and re-reads.
    {
      const gate = createReplayGate(1);
      const a = await logWith(4);
      const stream = await openEventStream({ log: a.log, after: a.first, accept: () => true, replayGate: gate, stallMs: 5 });
      expect((await stream.next()).value!.id).toBe("evt_1");
      const readsBefore = a.counts.reads;
      const b = await logWith(4);
      const other = await openEventStream({ log: b.log, after: b.first, accept: () => true, replayGate: gate, stallMs: 5 });
      const waiting = other.next();
      await sleep(60);
      expect((await waiting).value!.id).toBe("evt_1");
      await other.return!();
      expect((await stream.next()).value!.id).toBe("evt_2");
      expect(a.counts.reads - readsBefore, "permits 1, another waiting").toBe(1);
      await stream.return!();
    }
    // Nobody waiting (bounded or unbounded gate): the slow reader keeps its batch and reads nothing again.
    for (const permits of [1, Infinity]) {
      const { log, counts, first } = await logWith(4);
      const stream = await openEventStream({ log, after: first, accept: () => true, replayGate: createReplayGate(permits), stallMs: 5 });
      expect((await stream.next()).value!.id).toBe("evt_1");
      const readsBefore = counts.reads;
      await sleep(60);
      expect((await stream.next()).value!.id).toBe("evt_2");
      expect(counts.reads - readsBefore, `permits ${permits}`).toBe(0);
      await stream.return!();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { laterUpdatedAt } from "../../src/webhooks/webhook-types.js";
import { replayEvents } from "../../src/webhooks/webhook-replay.js";
import { until } from "../support/until.js";
import { harness, recordEvent, startReceiver, type Harness, type Receiver } from "./dispatcher-harness.js";

/**
 * What the dispatcher keeps right around its edges: replays never overtake the consumer, the owner's
 * grants as they are at send time, a null cursor, a 410 resumed, and a disabled event raised after a crash.
 */

let h: Harness;
let receiver: Receiver;
beforeEach(async () => {
  h = await harness();
  receiver = await startReceiver();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

const WAIT = 8_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const remoteIds = (r: Receiver) => r.accepted().map((x) => x.event.remoteId);

describe("webhook dispatcher edges", () => {
  it("a replay covers only what the consumer took, so each organization's events still go out once, in log order", async () => {
    const key = h.addKey("*");
    // Nothing taken yet (null cursor): a replay queues nothing; the consumer delivers all three, in order.
    const fresh = await h.addEndpoint(key, receiver.url);
    const [e1] = await h.append(recordEvent("org-a", 1), recordEvent("org-a", 2), recordEvent("org-a", 3));
    const principal = h.keys.get(key)!;
    const nothing = await replayEvents(h.store, h.log, { endpoint: fresh, principal, predicate: () => true, afterCursor: e1!.cursor, now: h.clock.now() });
    expect(nothing).toEqual({ queued: 0, complete: true, continueAfter: null });
    // Taken up to inv-3 (its cursor), then inv-4 and inv-5 appended: a replay from the start stops at inv-3.
    const behind = await startReceiver();
    try {
      const taken = await h.addEndpoint(key, behind.url);
      const later = await h.append(recordEvent("org-a", 4), recordEvent("org-a", 5));
      // Asked to start past what the consumer took (inv-4 > inv-3): nothing, or inv-5 would overtake inv-4.
      const ahead = await replayEvents(h.store, h.log, { endpoint: taken, principal, predicate: () => true, afterCursor: later[0]!.cursor, now: h.clock.now() });
      expect(ahead).toEqual({ queued: 0, complete: true, continueAfter: null });
      const replayed = await replayEvents(h.store, h.log, { endpoint: taken, principal, predicate: () => true, now: h.clock.now() });
      expect(replayed).toEqual({ queued: 3, complete: true, continueAfter: null });

      h.dispatcher();
      await until(async () => [receiver.accepted().length, behind.accepted().length], ([a, b]) => a! >= 5 && b! >= 5, WAIT, "both endpoints delivered");
      await settle();
      expect(remoteIds(receiver)).toEqual(["inv-1", "inv-2", "inv-3", "inv-4", "inv-5"]);
      expect(remoteIds(behind)).toEqual(["inv-1", "inv-2", "inv-3", "inv-4", "inv-5"]);
    } finally {
      await behind.close();
    }
  });

  it("re-checks the owner's grants before each attempt: a queued delivery of an organization no longer granted is FAILED unsent", async () => {
    const key = h.addKey(["org-a", "org-b"]);
    const endpoint = await h.addEndpoint(key, receiver.url);
    let down = true;
    receiver.respond = () => (down ? 503 : 204);
    h.dispatcher();
    await h.append(recordEvent("org-b", 1), recordEvent("org-b", 2), recordEvent("org-a", 3));
    await until(async () => receiver.requests.filter((r) => r.event.organizationId === "org-b").length, (n) => n >= 1, WAIT, "the first org-b attempt");
    // The key loses org-b while its rows wait for their retry.
    h.keys.set(key, { ...h.keys.get(key)!, organizationIds: ["org-a"] });
    down = false;
    h.clock.advance(6_000);
    await until(async () => h.store.pendingCount(endpoint.id), (n) => n === 0, WAIT, "the queue settled");
    await settle();
    expect(receiver.accepted().map((r) => r.event.organizationId)).toEqual(["org-a"]);
    expect(receiver.requests.filter((r) => r.event.organizationId === "org-b").map((r) => r.event.remoteId)).toEqual(["inv-1"]);
    const rows = (await h.store.deliveries({ endpointId: endpoint.id, limit: 10 })).filter((r) => r.organizationId === "org-b").reverse();
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "FAILED"]);
    const unsent = rows.map((r) => r.attempts.at(-1)!);
    expect(unsent.every((a) => a.statusCode === null && a.error === "not sent: organization org-b is no longer granted to the API key")).toBe(true);
    expect(rows[1]!.attempts).toHaveLength(1);
    expect((await h.store.getEndpoint(endpoint.id))!.status).toBe("ACTIVE");
  });

  it("an endpoint created on an empty log (null cursor) reads from the log's start, even an event detected before its creation", async () => {
    const key = h.addKey("*");
    const endpoint = await h.addEndpoint(key, receiver.url);
    expect(endpoint.cursor).toBeNull();
    const detected = new Date(h.clock.now().getTime() - 2_000).toISOString();
    const [event] = await h.append({ ...recordEvent("org-a", 1), detectedAt: detected, occurredAt: detected });
    h.dispatcher();
    await until(async () => receiver.accepted().length, (n) => n >= 1, WAIT, "the early event delivered");
    expect(receiver.accepted().map((r) => r.event.id)).toEqual([event!.id]);
  });

  it("after a 410 and a resume, the event that got the 410 is sent again first", async () => {
    const key = h.addKey("*");
    const endpoint = await h.addEndpoint(key, receiver.url);
    let gone = true;
    receiver.respond = () => (gone ? 410 : 204);
    const dispatcher = h.dispatcher();
    await h.append(recordEvent("org-a", 1), recordEvent("org-a", 2));
    await until(async () => (await h.store.getEndpoint(endpoint.id))?.status, (s) => s === "DISABLED", WAIT, "disabled by the 410");
    // The owner fixes the receiver and resumes it (as the service does: status ACTIVE, then resetEndpoint).
    gone = false;
    const stored = (await h.store.getEndpoint(endpoint.id))!;
    const resumed = { ...stored, status: "ACTIVE" as const, disabledReason: null, disabledAt: null, disabledEventPending: false, updatedAt: laterUpdatedAt(stored.updatedAt, h.clock.now()) };
    expect(await h.store.updateEndpoint(resumed, stored.updatedAt)).toBe(true);
    await h.store.resetEndpoint(endpoint.id, h.clock.now().getTime());
    dispatcher.wake(endpoint.id);
    await until(async () => receiver.accepted().length, (n) => n >= 2, WAIT, "both delivered after the resume");
    expect(receiver.requests.map((r) => [r.event.remoteId, r.status])).toEqual([["inv-1", 410], ["inv-1", 204], ["inv-2", 204]]);
  });

  it("raises the WEBHOOK_ENDPOINT_DISABLED event of an endpoint stored DISABLED with its event pending (a crash in between), once", async () => {
    const key = h.addKey("*");
    const disabledAt = new Date(h.clock.now().getTime() - 1_000).toISOString();
    const crashed = await h.addEndpoint(key, "https://hooks.example.com/gone", { status: "DISABLED", disabledReason: "answered 410 Gone", disabledAt, disabledEventPending: true, updatedAt: disabledAt });
    const watching = await h.addEndpoint(key, receiver.url, { eventTypes: ["WEBHOOK_ENDPOINT_DISABLED"] });
    const disabledEvents = async () => (await h.log.readAfter(undefined, 100)).filter((e) => e.type === "WEBHOOK_ENDPOINT_DISABLED");

    const first = h.dispatcher();
    await until(async () => (await h.store.getEndpoint(crashed.id))?.disabledEventPending, (pending) => pending === false, WAIT, "the pending event raised");
    await until(async () => receiver.accepted().length, (n) => n >= 1, WAIT, "the watcher told");
    await first.stop();
    // A later dispatcher (the flag cleared) raises nothing more; the event is in the log once.
    h.dispatcher();
    await settle();
    const events = await disabledEvents();
    expect(events.map((e) => [e.remoteId, e.occurredAt])).toEqual([[crashed.id, disabledAt]]);
    expect(receiver.accepted().map((r) => r.event.remoteId)).toEqual([crashed.id]);
    expect((await h.store.getEndpoint(watching.id))!.status).toBe("ACTIVE");
  });
});

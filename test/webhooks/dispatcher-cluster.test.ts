import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../src/triggers/event.js";
import type { WebhookEndpointRecord } from "../../src/webhooks/webhook-types.js";
import { recordingLogger, type LogEntry } from "../support/recording-logger.js";
import { until } from "../support/until.js";
import { harness, recordEvent, startReceiver, type Harness, type Receiver } from "./dispatcher-harness.js";

/** Several dispatchers ("instances") sharing one store, log and leases: one deliverer per endpoint, takeover without loss. */

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

const WAIT = 10_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** Event ids each endpoint accepted, by endpoint id (the endpoint's URL carries `?ep=<id>`). */
function acceptedBy(endpointId: string): string[] {
  return receiver.accepted().filter((r) => r.path.endsWith(`?ep=${endpointId}`)).map((r) => r.event.id);
}
const attemptsLoggedBy = (logs: LogEntry[]) => new Set(logs.filter((l) => l.msg === "webhook attempt").map((l) => String(l.data.endpointId)));

describe("webhook dispatchers of a cluster", () => {
  it("deliver each endpoint from exactly one instance, and one takes over from another that stops, losing nothing", async () => {
    const key = h.addKey("*");
    const logs1: LogEntry[] = [];
    const logs2: LogEntry[] = [];
    const one = h.dispatcher({ logger: recordingLogger(logs1), refreshMs: 1_000 });
    const two = h.dispatcher({ logger: recordingLogger(logs2), refreshMs: 1_000 });
    await settle();
    // Endpoints created on either instance (which wakes its own dispatcher, as the service does).
    const endpoints: WebhookEndpointRecord[] = [];
    for (let n = 0; n < 6; n++) {
      const id = `whep_cluster${n}`;
      const endpoint = await h.addEndpoint(key, `${receiver.url}?ep=${id}`, { id });
      (n % 2 === 0 ? one : two).wake(endpoint.id);
      endpoints.push(endpoint);
    }
    await until(async () => [...one.held(), ...two.held()].sort(), (held) => held.length === 6, WAIT, "every endpoint held");
    expect(new Set([...one.held(), ...two.held()]).size).toBe(6);
    expect(one.held().length).toBeGreaterThan(0);
    expect(two.held().length).toBeGreaterThan(0);

    const appended: StoredEvent[] = [];
    for (let n = 0; n < 10; n++) appended.push(...(await h.append(recordEvent(`org-${n % 3}`, n))));
    await until(async () => endpoints.every((e) => acceptedBy(e.id).length >= 10), (done) => done, WAIT, "the first events delivered everywhere");
    const [seen1, seen2] = [attemptsLoggedBy(logs1), attemptsLoggedBy(logs2)];
    expect([...seen1].filter((id) => seen2.has(id))).toEqual([]);
    expect(seen1.size + seen2.size).toBe(6);
    expect([...seen1].sort()).toEqual([...one.held()].sort());

    // Instance one stops while events keep coming; two takes its endpoints over.
    const appending = (async () => {
      for (let n = 10; n < 30; n++) {
        appended.push(...(await h.append(recordEvent(`org-${n % 3}`, n))));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await one.stop();
    await appending;
    await until(async () => two.held().length, (n) => n === 6, WAIT, "instance two holds every endpoint");
    await until(async () => endpoints.every((e) => new Set(acceptedBy(e.id)).size === 30), (done) => done, WAIT, "every event delivered to every endpoint");

    for (const r of receiver.requests) expect(r.headers["webhook-id"]).toBe(r.event.id);
    for (const endpoint of endpoints) {
      const received = acceptedBy(endpoint.id);
      expect(new Set(received)).toEqual(new Set(appended.map((e) => e.id)));
      for (const org of ["org-0", "org-1", "org-2"]) {
        const inLog = appended.filter((e) => e.organizationId === org).map((e) => e.id);
        const firstSeen = [...new Set(received.filter((id) => inLog.includes(id)))];
        expect(firstSeen).toEqual(inLog);
      }
    }
  });

  it("after stop() with attempts in flight, records them, and a new dispatcher resumes with nothing lost", async () => {
    const key = h.addKey("*");
    const endpoint = await h.addEndpoint(key, receiver.url);
    receiver.delayMs = 400;
    const first = h.dispatcher();
    const appended = await h.append(recordEvent("org-a", 1), recordEvent("org-b", 2), recordEvent("org-a", 3), recordEvent("org-b", 4));
    await until(async () => receiver.arrivals, (n) => n >= 2, WAIT, "two attempts in flight");
    await first.stop();
    expect(first.held()).toEqual([]);
    const afterStop = await h.store.deliveries({ endpointId: endpoint.id, limit: 10 });
    const answered = receiver.accepted().map((r) => r.event.id);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const id of answered) expect(afterStop.find((d) => d.eventId === id)?.status).toBe("DELIVERED");
    const arrivedAtStop = receiver.arrivals;
    await settle();
    expect(receiver.arrivals).toBe(arrivedAtStop);

    receiver.delayMs = 0;
    const second = h.dispatcher();
    await until(async () => new Set(receiver.accepted().map((r) => r.event.id)).size, (n) => n === 4, WAIT, "every event delivered");
    expect(second.held()).toEqual([endpoint.id]);
    const received = receiver.accepted().map((r) => r.event.id);
    expect(new Set(received)).toEqual(new Set(appended.map((e) => e.id)));
    for (const r of receiver.requests) expect(r.headers["webhook-id"]).toBe(r.event.id);
    const deliveries = await h.store.deliveries({ endpointId: endpoint.id, limit: 10 });
    expect(deliveries.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
  });

  it("reads the log once for many endpoints at the same cursor", async () => {
    const key = h.addKey("*");
    await h.append(recordEvent("org-a", 0));
    const start = await h.log.head();
    const endpoints = await Promise.all(Array.from({ length: 100 }, () => h.addEndpoint(key, receiver.url)));
    const dispatcher = h.dispatcher({ refreshMs: 60_000, principalTtlMs: 5_000 });
    await until(async () => dispatcher.held().length, (n) => n === 100, WAIT, "every endpoint held");
    await settle();
    h.log.reads.length = 0;

    const [event] = await h.append(recordEvent("org-a", 1));
    await until(async () => receiver.accepted().length, (n) => n >= 100, WAIT, "the event delivered to every endpoint");
    expect(receiver.accepted().every((r) => r.event.id === event!.id)).toBe(true);
    expect(h.log.reads.filter((cursor) => cursor === start)).toHaveLength(1);
    for (const e of endpoints.slice(0, 3)) expect((await h.store.getEndpoint(e.id))?.cursor).toBe(event!.cursor);
  });
});

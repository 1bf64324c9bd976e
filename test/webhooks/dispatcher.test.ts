import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Scope } from "../../src/auth/scopes.js";
import { until } from "../support/until.js";
import { FIVE_DAYS_MS, harness, recordEvent, startReceiver, type Harness, type Receiver } from "./dispatcher-harness.js";

/** Delivery semantics of one dispatcher: order, retries, failures, disabling, who receives what. */

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
const idsOf = (requests: Receiver["requests"], organizationId?: string) => requests.filter((r) => organizationId === undefined || r.event.organizationId === organizationId).map((r) => r.event.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("webhook dispatcher", () => {
  it("delivers each organization's events in log order, signed, with the same webhook-id on every attempt, and never an organization the key is not granted", async () => {
    const key = h.addKey(["org-a", "org-b"]);
    const endpoint = await h.addEndpoint(key, receiver.url);
    // The first event of org-a fails twice (500) before it is accepted; the rest are accepted at once.
    receiver.respond = (event, index) => (event.remoteId === "inv-1" && index < 2 ? 500 : 204);
    h.dispatcher({ settings: { timeoutMs: 2_000, scheduleMs: [0, 0, 0], disableAfterMs: FIVE_DAYS_MS, policy: { allowLoopback: true } } });
    const stored = await h.append(
      recordEvent("org-a", 1), recordEvent("org-b", 2), recordEvent("org-c", 3), recordEvent("org-a", 4), recordEvent("org-b", 5), recordEvent("org-a", 6),
    );
    await until(async () => receiver.accepted().length, (n) => n >= 5, WAIT, "the five granted events accepted");
    await settle();

    const log = (org: string) => stored.filter((e) => e.organizationId === org).map((e) => e.id);
    expect(idsOf(receiver.accepted(), "org-a")).toEqual(log("org-a"));
    expect(idsOf(receiver.accepted(), "org-b")).toEqual(log("org-b"));
    expect(receiver.requests.some((r) => r.event.organizationId === "org-c")).toBe(false);

    const first = receiver.requests.filter((r) => r.event.remoteId === "inv-1");
    expect(first.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(new Set(first.map((r) => r.headers["webhook-id"]))).toEqual(new Set([stored[0]!.id]));
    expect(new Set(first.map((r) => r.body)).size).toBe(1);
    const verifier = new Webhook(endpoint.secret);
    for (const request of receiver.requests) expect(() => verifier.verify(request.body, request.headers)).not.toThrow();

    const deliveries = await h.store.deliveries({ endpointId: endpoint.id, limit: 50 });
    expect(deliveries.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(deliveries.find((d) => d.eventId === stored[0]!.id)?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    expect((await h.store.getEndpoint(endpoint.id))?.cursor).toBe(stored[5]!.cursor);
  });

  it("carries only the organizations, types and records the endpoint asked for, moving its cursor past the rest", async () => {
    const key = h.addKey("*");
    const endpoint = await h.addEndpoint(key, receiver.url, { organizationIds: ["org-b"], eventTypes: ["INVOICE_UPDATED"], filter: [{ field: "status", eq: "PAID" }] });
    const paid = (event: ReturnType<typeof recordEvent>) => ({ ...event, record: { ...event.record, status: "PAID" } });
    h.dispatcher({ predicateOf: (e) => (event) => e.filter?.[0]?.eq === event.record?.status });
    const stored = await h.append(
      paid(recordEvent("org-a", 1, "INVOICE_UPDATED")), paid(recordEvent("org-b", 2, "INVOICE_CREATED")), recordEvent("org-b", 3, "INVOICE_UPDATED"), paid(recordEvent("org-b", 4, "INVOICE_UPDATED")),
    );
    await until(async () => (await h.store.getEndpoint(endpoint.id))?.cursor, (cursor) => cursor === stored[3]!.cursor, WAIT, "the cursor past every event");
    await until(async () => receiver.accepted().length, (n) => n >= 1, WAIT, "the matching event delivered");
    await settle();
    expect(receiver.requests.map((r) => r.event.id)).toEqual([stored[3]!.id]);
  });

  it("keeps retrying a failing head per the schedule (by the clock), without holding up other organizations, then gives up and goes on", async () => {
    const key = h.addKey("*");
    const endpoint = await h.addEndpoint(key, receiver.url);
    receiver.respond = (event) => (event.remoteId === "inv-1" ? 500 : 204);
    h.dispatcher({ random: Math.random });
    const [a1, b2, a3] = await h.append(recordEvent("org-a", 1), recordEvent("org-b", 2), recordEvent("org-a", 3));

    await until(async () => idsOf(receiver.accepted()), (ids) => ids.includes(b2!.id), WAIT, "org-b delivered while org-a's head fails");
    const attemptsOfA1 = () => idsOf(receiver.requests).filter((id) => id === a1!.id).length;
    await settle();
    expect(attemptsOfA1()).toBe(1);
    expect(idsOf(receiver.requests)).not.toContain(a3!.id);

    // Attempt 2 waits 5 s ± 20 %: not at +3.9 s, surely by +6.1 s.
    h.clock.advance(3_900);
    await settle();
    expect(attemptsOfA1()).toBe(1);
    h.clock.advance(2_200);
    await until(async () => attemptsOfA1(), (n) => n === 2, WAIT, "attempt 2 after the 5 s delay");
    // Attempt 3 waits 5 min ± 20 %.
    h.clock.advance(230_000);
    await settle();
    expect(attemptsOfA1()).toBe(2);
    h.clock.advance(140_000);
    await until(async () => attemptsOfA1(), (n) => n === 3, WAIT, "attempt 3 after the 5 min delay");

    // The schedule has three attempts: a1 is FAILED and a3, behind it, goes out.
    await until(async () => idsOf(receiver.accepted()), (ids) => ids.includes(a3!.id), WAIT, "the next event of org-a after a1 was given up");
    const deliveries = await h.store.deliveries({ endpointId: endpoint.id, limit: 10 });
    expect(deliveries.find((d) => d.eventId === a1!.id)).toMatchObject({ status: "FAILED", attemptCount: 3 });
    expect((await h.store.getEndpoint(endpoint.id))?.status).toBe("ACTIVE");
  });

  it("disables an endpoint answering 410 at once and tells the key's other endpoints that asked, not another key's", async () => {
    const key = h.addKey("*");
    const other = h.addKey("*");
    const watcher = await startReceiver();
    const stranger = await startReceiver();
    try {
      const gone = await h.addEndpoint(key, receiver.url);
      const told = await h.addEndpoint(key, watcher.url, { eventTypes: ["WEBHOOK_ENDPOINT_DISABLED"] });
      await h.addEndpoint(other, stranger.url, { eventTypes: ["WEBHOOK_ENDPOINT_DISABLED", "INVOICE_CREATED"] });
      receiver.respond = () => 410;
      h.dispatcher();
      const [event] = await h.append(recordEvent("org-a", 1), recordEvent("org-a", 2));

      await until(async () => watcher.accepted(), (r) => r.length >= 1, WAIT, "WEBHOOK_ENDPOINT_DISABLED at the other endpoint");
      const disabled = await h.store.getEndpoint(gone.id);
      expect(disabled).toMatchObject({ status: "DISABLED" });
      expect(disabled?.disabledReason).toMatch(/^answered 410 Gone at /);
      expect(receiver.requests.map((r) => r.event.id)).toEqual([event!.id]);

      const notice = watcher.accepted()[0]!.event;
      expect(notice).toMatchObject({ type: "WEBHOOK_ENDPOINT_DISABLED", organizationId: null, remoteId: gone.id });
      expect(notice.webhookEndpoint).toMatchObject({ id: gone.id, url: gone.url, status: "DISABLED", disabledReason: disabled?.disabledReason });
      expect(JSON.stringify(notice)).not.toMatch(/secret|sealed/);
      expect(watcher.requests.map((r) => r.event.type)).toEqual(["WEBHOOK_ENDPOINT_DISABLED"]);
      expect(h.logs.some((l) => l.level === "info" && l.msg.includes("disabled") && l.data.endpointId === gone.id)).toBe(true);
      // The notice is about the gone endpoint and reached only the endpoint that named its type: queued once there, never at the gone one.
      const toldRows = await h.store.deliveries({ endpointId: told.id, limit: 10 });
      expect(toldRows.map((r) => [r.eventType, (JSON.parse(r.payload) as { remoteId: string }).remoteId])).toEqual([["WEBHOOK_ENDPOINT_DISABLED", gone.id]]);
      expect(receiver.requests.some((r) => r.event.type === "WEBHOOK_ENDPOINT_DISABLED")).toBe(false);
      // The 410 delivery stays PENDING (sent first once the endpoint is resumed), its attempt counted.
      const goneRows = (await h.store.deliveries({ endpointId: gone.id, limit: 10 })).reverse();
      expect(goneRows.map((r) => [r.eventId, r.status, r.attemptCount, r.attempts.map((a) => a.statusCode)])).toEqual([[event!.id, "PENDING", 1, [410]], [goneRows[1]!.eventId, "PENDING", 0, []]]);

      await until(async () => stranger.accepted().length, (n) => n >= 2, WAIT, "the other key's endpoint gets its record events");
      await settle();
      expect(stranger.requests.map((r) => r.event.type)).toEqual(["INVOICE_CREATED", "INVOICE_CREATED"]);
    } finally {
      await watcher.close();
      await stranger.close();
    }
  });

  it("disables an endpoint failing for disableAfterMs (the clock moved 5 days), raising the event", async () => {
    const key = h.addKey("*");
    const watcher = await startReceiver();
    try {
      const failing = await h.addEndpoint(key, receiver.url);
      await h.addEndpoint(key, watcher.url, { eventTypes: ["WEBHOOK_ENDPOINT_DISABLED"] });
      receiver.respond = () => 503;
      h.dispatcher({ settings: { timeoutMs: 2_000, scheduleMs: [0, 60_000, 86_400_000, 86_400_000, 86_400_000], disableAfterMs: FIVE_DAYS_MS, policy: { allowLoopback: true } } });
      await h.append(recordEvent("org-a", 1));
      await until(async () => receiver.requests.length, (n) => n >= 1, WAIT, "the first attempt");
      await until(async () => (await h.store.getEndpoint(failing.id))?.failingSince, (since) => since !== null, WAIT, "failingSince set");
      expect((await h.store.getEndpoint(failing.id))?.status).toBe("ACTIVE");

      h.clock.advance(FIVE_DAYS_MS + 60_000);
      await until(async () => (await h.store.getEndpoint(failing.id))?.status, (status) => status === "DISABLED", WAIT, "disabled after 5 days of failures");
      expect((await h.store.getEndpoint(failing.id))?.disabledReason).toMatch(/^failing for 120 hours since /);
      await until(async () => watcher.accepted().map((r) => r.event.remoteId), (ids) => ids.includes(failing.id), WAIT, "the disabled event delivered");
    } finally {
      await watcher.close();
    }
  });

  it("disables an endpoint whose key was revoked, or lost SUBSCRIBE, and delivers nothing more for it", async () => {
    const revoked = h.addKey("*");
    const narrowed = h.addKey("*");
    const a = await h.addEndpoint(revoked, receiver.url);
    const b = await h.addEndpoint(narrowed, receiver.url);
    const dispatcher = h.dispatcher();
    await h.append(recordEvent("org-a", 1));
    await until(async () => receiver.accepted().length, (n) => n >= 2, WAIT, "both endpoints deliver first");

    h.keys.set(revoked, null);
    h.keys.set(narrowed, { ...h.keys.get(narrowed)!, scopes: [Scope.READ] });
    await h.append(recordEvent("org-a", 2));
    await until(async () => Promise.all([h.store.getEndpoint(a.id), h.store.getEndpoint(b.id)]), (e) => e.every((x) => x?.status === "DISABLED"), WAIT, "both disabled");
    expect((await h.store.getEndpoint(a.id))?.disabledReason).toBe("its API key was revoked");
    expect((await h.store.getEndpoint(b.id))?.disabledReason).toMatch(/SUBSCRIBE/);
    await settle();
    expect(receiver.requests.map((r) => r.event.remoteId)).toEqual(["inv-1", "inv-1"]);
    await until(async () => dispatcher.held(), (held) => held.length === 0, WAIT, "their workers stopped");
  });
});

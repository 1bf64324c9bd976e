import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { NewEvent } from "../../src/triggers/event.js";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const EVENT_IDS = `subscription($after: String) { events(filter: { after: $after }) { id } }`;
/** `remoteId` is 4 KB in these events: each message a subscriber does not read weighs that much. */
const EVENT_PAYLOADS = `subscription($after: String) { events(filter: { after: $after }) { id remoteId } }`;
const EVENTS = 2000;

function bigEvent(n: number, organizationId: string): NewEvent {
  const now = new Date().toISOString();
  return { id: `evt_bp_${n}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId, provider: "XERO" as NewEvent["provider"], remoteId: `r${n}_${"x".repeat(4096)}`, occurredAt: now, detectedAt: now, record: null };
}

function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** A raw graphql-ws client that subscribes `count` times replaying from `after`, then stops reading its socket. */
async function stalledReader(wsUrl: string, key: string, after: string, count: number): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, "graphql-transport-ws");
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } }));
  await new Promise((resolve) => socket.once("message", resolve));
  for (let i = 0; i < count; i++) socket.send(JSON.stringify({ id: `s${i}`, type: "subscribe", payload: { query: EVENT_PAYLOADS, variables: { after } } }));
  // Read nothing more: the gateway's writes pile up in the kernel's buffers, then in its own.
  (socket as unknown as { _socket: { pause(): void } })._socket.pause();
  return socket;
}

describe("replay under back-pressure", () => {
  let t: TriggerLedgerline;
  let first: string;
  let expected: string[];
  beforeAll(async () => {
    t = await startTriggerLedgerline();
    for (let i = 0; i < EVENTS; i += 200) await t.runtime.log.append(Array.from({ length: 200 }, (_, j) => bigEvent(i + j, t.organizationId)));
    const all = await t.allEvents();
    first = all[0]!.cursor;
    expected = all.slice(1).map((e) => e.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a client that stops reading does not grow the gateway's heap beyond a bound, while another receives every event in order", async () => {
    const before = heapAfterGc();
    const stalled = await Promise.all(Array.from({ length: 5 }, () => stalledReader(t.app.wsUrl, t.app.localApiKey!, first, 20)));
    const reader = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), EVENT_IDS, { after: first }, "events");
    const received = await reader.waitFor(expected.length);
    expect(received.map((e) => e.id)).toEqual(expected);
    // 100 stalled replays of 2,000 × 4 KB events: 800 MB if buffered, ~80 MB if each held one batch.
    const grown = heapAfterGc() - before;
    expect(grown).toBeLessThan(24 * 1024 * 1024);
    await reader.stop();
    for (const socket of stalled) socket.terminate();
  });

  it("a storm of subscriptions replaying from the first cursor all receive every event, in order", async () => {
    const clients = Array.from({ length: 5 }, () => wsClient(t.app.wsUrl, t.app.localApiKey!));
    const subscribers = clients.flatMap((client) => Array.from({ length: 10 }, () => subscribe(client, EVENT_IDS, { after: first }, "events")));
    // More replays than the gate has permits: they take turns, none is starved.
    await expect.poll(() => subscribers.every((s) => s.received.length >= expected.length || s.errors.length > 0), { timeout: 110_000, interval: 500 }).toBe(true);
    for (const subscriber of subscribers) {
      expect(subscriber.errors).toEqual([]);
      expect(subscriber.received.map((e) => e.id)).toEqual(expected);
    }
    await Promise.all(subscribers.map((s) => s.stop()));
  }, 120_000);
});

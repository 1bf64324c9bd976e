import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTriggerLedgerline, type TriggerLedgerline } from "./support.js";
import { subscribe, wsClient } from "./ws-subscriber.js";

const EVENT_IDS = `subscription { events { cursor id } }`;

// The WebSocket limits come from the environment (LEDGERLINE_WS_*) through startLedgerline.
describe("WebSocket limits set by environment variables", () => {
  let t: TriggerLedgerline;
  let key: string;
  beforeAll(async () => {
    t = await startTriggerLedgerline({ env: { LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION: "1", LEDGERLINE_WS_INIT_TIMEOUT_MS: "300" } });
    key = (await t.app.services.apiKeys.create({ name: "ws limits", organizationIds: "*" })).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("LEDGERLINE_WS_SUBSCRIPTIONS_PER_CONNECTION=1: the second subscription on a connection gets LIMIT_EXCEEDED", async () => {
    const client = wsClient(t.app.wsUrl, key);
    const first = subscribe(client, EVENT_IDS, {}, "events");
    // The first subscription is running once it delivers an event.
    await expect.poll(async () => {
      const now = new Date().toISOString();
      await t.runtime.log.append([{ id: `evt_ws_config_${Date.now()}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: t.organizationId, provider: "XERO" as never, remoteId: "r1", occurredAt: now, detectedAt: now, record: null }]);
      return first.received.length;
    }, { timeout: 10_000 }).toBeGreaterThan(0);
    const second = subscribe(client, EVENT_IDS, {}, "events");
    await expect.poll(() => second.errors.length, { timeout: 10_000 }).toBe(1);
    expect(second.errors[0]).toMatchObject([{ message: expect.stringContaining("limit 1 per connection"), extensions: { code: "LIMIT_EXCEEDED" } }]);
    expect(first.errors).toEqual([]);
    await client.dispose();
  });

  it("subscriptions sent all at once are counted one by one: with a limit of 1, four of five are refused", async () => {
    const client = wsClient(t.app.wsUrl, key);
    const all = Array.from({ length: 5 }, () => subscribe(client, EVENT_IDS, {}, "events"));
    await expect.poll(() => all.filter((s) => s.errors.length > 0).length, { timeout: 10_000 }).toBe(4);
    await expect.poll(async () => {
      const now = new Date().toISOString();
      await t.runtime.log.append([{ id: `evt_ws_burst_${Date.now()}`, type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: t.organizationId, provider: "XERO" as never, remoteId: "r2", occurredAt: now, detectedAt: now, record: null }]);
      return all.filter((s) => s.received.length > 0).length;
    }, { timeout: 10_000 }).toBe(1);
    await client.dispose();
  });

  it("LEDGERLINE_WS_INIT_TIMEOUT_MS=300: a connection that never sends connection_init is closed with 4408", async () => {
    const socket = new WebSocket(t.app.wsUrl, "graphql-transport-ws");
    const code = await new Promise<number>((resolve) => socket.on("close", (c) => resolve(c)));
    expect(code).toBe(4408);
  });
});

import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKeyService } from "../src/auth/index.js";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway.js";

const TICKS = `subscription { ticks(count: 1000000) }`;

/** A raw graphql-ws socket (no client library), to send what a client library never would. */
function rawSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url, "graphql-transport-ws");
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
}

function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once("message", (data) => resolve(JSON.parse(String(data)))));
}

/** A full GC (switched on at run time), then the heap in use. */
function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** One long-running subscription through the graphql-ws client: ticks received, errors, and how it ended. */
function ticking(gateway: TestGateway, client = gateway.wsClient()) {
  const state = { ticks: 0, errors: [] as unknown[], completed: false, client };
  state.client.subscribe({ query: TICKS }, {
    next: (result) => (result.errors ? state.errors.push(...result.errors) : state.ticks++),
    error: (error) => state.errors.push(error),
    complete: () => (state.completed = true),
  });
  return state;
}

describe("graphql-ws limits", () => {
  const gateways: TestGateway[] = [];
  const start = async (...args: Parameters<typeof startTestGateway>) => {
    const gateway = await startTestGateway(...args);
    gateways.push(gateway);
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.stop()));
  });

  it("a connection_init over the body limit (2 MB > 1 MB) closes the socket with 1009 before it is parsed, and the heap does not keep it", async () => {
    const gateway = await start();
    const before = heapAfterGc();
    /** Six senders of a 2 MB connection_init at once (12 MB if the gateway buffered them). */
    const sendOversize = async () => {
      const senders = await Promise.all(Array.from({ length: 6 }, () => rawSocket(gateway.wsUrl)));
      const closes = senders.map(closeOf);
      const message = JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${gateway.key}`, padding: "x".repeat(2 * 1024 * 1024) } });
      for (const socket of senders) socket.send(message);
      return (await Promise.all(closes)).map((c) => c.code);
    };
    expect(await sendOversize()).toEqual([1009, 1009, 1009, 1009, 1009, 1009]);
    expect(gateway.logger.entries.filter((e) => e.msg.includes("over the size limit"))).toHaveLength(6);
    // Never parsed: no connection was authenticated, so no operation context was ever built.
    expect(gateway.contexts).toHaveLength(0);
    expect(heapAfterGc() - before).toBeLessThan(4 * 1024 * 1024);

    // Under the limit, the same message is accepted.
    const fits = await rawSocket(gateway.wsUrl);
    fits.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${gateway.key}`, padding: "x".repeat(900 * 1024) } }));
    expect(await nextMessage(fits)).toEqual({ type: "connection_ack" });
    fits.close();
  });

  it("a connection that never sends connection_init is closed with 4408 after the init timeout", async () => {
    const gateway = await start({ webSocket: { initTimeoutMs: 200 } });
    const silent = await rawSocket(gateway.wsUrl);
    expect(await closeOf(silent)).toMatchObject({ code: 4408 });
  });

  it("the subscription over the per-connection limit gets LIMIT_EXCEEDED naming the limit; the connection and its other subscriptions go on", async () => {
    const gateway = await start({ webSocket: { subscriptionsPerConnection: 3, subscriptionsPerKey: 100 } });
    const client = gateway.wsClient();
    const running = [ticking(gateway, client), ticking(gateway, client), ticking(gateway, client)];
    await expect.poll(() => running.every((s) => s.ticks > 0)).toBe(true);
    const refused = ticking(gateway, client);
    await expect.poll(() => refused.errors.length).toBe(1);
    expect(refused.errors[0]).toMatchObject([{ message: expect.stringContaining("limit 3 per connection"), extensions: { code: "LIMIT_EXCEEDED" } }]);
    const seen = running.map((s) => s.ticks);
    await expect.poll(() => running.every((s, i) => s.ticks > seen[i]! && s.errors.length === 0)).toBe(true);
    await client.dispose();
  });

  it("the per-key limit counts across connections, and a completed subscription frees its place", async () => {
    const gateway = await start({ webSocket: { subscriptionsPerConnection: 10, subscriptionsPerKey: 3 } });
    const first = gateway.wsClient();
    const second = gateway.wsClient();
    const running = [ticking(gateway, first), ticking(gateway, first), ticking(gateway, second)];
    await expect.poll(() => running.every((s) => s.ticks > 0)).toBe(true);
    const refused = ticking(gateway, second);
    await expect.poll(() => refused.errors.length).toBe(1);
    expect(refused.errors[0]).toMatchObject([{ message: expect.stringContaining("limit 3 per API key"), extensions: { code: "LIMIT_EXCEEDED" } }]);

    await first.dispose();
    // The gateway counts the closed connection's two subscriptions out once it sees the close.
    let after = ticking(gateway, second);
    await expect.poll(() => {
      if (after.errors.length > 0) after = ticking(gateway, second);
      return after.ticks;
    }, { timeout: 5000 }).toBeGreaterThan(0);
    expect(after.errors).toEqual([]);
    await second.dispose();
  });

  it("a connection over the per-key connection limit is closed with 4429 naming the limit", async () => {
    const gateway = await start({ webSocket: { connectionsPerKey: 2 } });
    const open = [ticking(gateway), ticking(gateway)];
    await expect.poll(() => open.every((s) => s.ticks > 0)).toBe(true);
    const third = ticking(gateway);
    await expect.poll(() => third.errors.length).toBe(1);
    expect(third.errors[0]).toMatchObject({ code: 4429, reason: expect.stringContaining("limit 2") });
    await Promise.all(open.map((s) => s.client.dispose()));
  });

  it("revoking a key closes its open sockets with 4401 at once, without waiting for an event", async () => {
    const gateway = await start();
    const { id, key } = await gateway.apiKeys.create({ name: "revoked while subscribed", organizationIds: "*" });
    const sub = ticking(gateway, gateway.wsClient(`Bearer ${key}`));
    await expect.poll(() => sub.ticks).toBeGreaterThan(0);
    await gateway.apiKeys.revoke(id);
    await expect.poll(() => sub.errors.length).toBe(1);
    expect(sub.errors[0]).toMatchObject({ code: 4401, reason: expect.stringContaining("revoked") });
    const ticks = sub.ticks;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sub.ticks).toBe(ticks);
  });

  it("a key revoked by another instance sharing the store closes this instance's sockets with 4401 at its next re-check", async () => {
    const first = await start();
    // A second instance: its own key service over the same store, as two gateways sharing Redis have.
    const second = await start({ apiKeys: createApiKeyService(first.store), webSocket: { keyRecheckMs: 200 } });
    const { id, key } = await first.apiKeys.create({ name: "revoked elsewhere", organizationIds: "*" });
    const sub = ticking(second, second.wsClient(`Bearer ${key}`));
    await expect.poll(() => sub.ticks).toBeGreaterThan(0);
    await first.apiKeys.revoke(id);
    await expect.poll(() => sub.errors.length, { timeout: 5000 }).toBe(1);
    expect(sub.errors[0]).toMatchObject({ code: 4401 });
  });
});

import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { ExecutionResult } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { guardStream } from "./guarded-stream.js";
import { drained } from "./socket-drain.js";
import { defaultWebSocketLimits, resolveWebSocketLimits } from "./websocket-limits.js";

/** The server side of a real loopback socket whose client has stopped reading, with bytes piled up unsent. */
async function cloggedSocket(): Promise<{ server: WebSocket; client: WebSocket; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => wss.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => wss.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  await new Promise((resolve, reject) => (client.once("open", resolve), client.once("error", reject)));
  const server = await accepted;
  (client as unknown as { _socket: { pause(): void } })._socket.pause();
  const chunk = Buffer.alloc(256 * 1024);
  while (server.bufferedAmount < 4 * 1024 * 1024) {
    server.send(chunk);
    await sleep(1);
  }
  return {
    server, client,
    async close() {
      client.terminate();
      server.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

/** One result, ready at once: the guarded stream alone decides when it is handed over. */
function oneResult(): AsyncIterator<ExecutionResult> {
  return { next: async () => ({ done: false, value: { data: { n: 1 } } }) };
}

describe("sendHighWaterMark", () => {
  let socket: Awaited<ReturnType<typeof cloggedSocket>> | undefined;
  afterEach(async () => {
    await socket?.close();
    socket = undefined;
  });

  it("with the default mark, a subscription on a clogged socket waits until it drains", async () => {
    socket = await cloggedSocket();
    const { server, client } = socket;
    const stream = guardStream(oneResult(), () => drained(server, defaultWebSocketLimits.sendHighWaterMark));
    let handed = false;
    const next = stream.next().then((r) => ((handed = true), r));
    await sleep(50);
    expect(handed).toBe(false);
    (client as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await next).value).toEqual({ data: { n: 1 } });
  });

  it("Infinity turns back-pressure off: the same subscription takes its next result at once", async () => {
    socket = await cloggedSocket();
    const { server } = socket;
    expect(server.bufferedAmount).toBeGreaterThan(defaultWebSocketLimits.sendHighWaterMark);
    const mark = resolveWebSocketLimits({ sendHighWaterMark: Infinity }).sendHighWaterMark;
    expect(drained(server, mark)).toBeUndefined();
    const stream = guardStream(oneResult(), () => drained(server, mark));
    expect((await stream.next()).value).toEqual({ data: { n: 1 } });
  });

  it("unset, it keeps its default; a mark that is not a byte count ≥ 0 is refused, naming the option", () => {
    expect(resolveWebSocketLimits({}).sendHighWaterMark).toBe(1024 * 1024);
    for (const bad of [-1, Number.NaN, "1mb" as unknown as number]) {
      expect(() => resolveWebSocketLimits({ sendHighWaterMark: bad })).toThrow(/webSocket\.sendHighWaterMark must be a number of bytes of at least 0, or Infinity/);
    }
  });
});

import { performance } from "node:perf_hooks";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * The subscriber side of the fan-out benchmark, in its own process so the clients never share the
 * gateway's event loop. Driven over IPC by bench/fan-out.ts:
 *
 *   → { op: "init", wsUrl, apiKey, query }      ← nothing
 *   → { op: "grow", to, batch }                  ← { op: "grown", total, ms, failed }
 *   (every event reaching all subscribers)       ← { op: "all", id, times }   (epoch ms, sub-ms precision)
 *   → { op: "flush", id }                        ← { op: "partial", id, times }
 *   → { op: "close" }                            exits once every client is disposed
 */
export type ParentMessage =
  | { op: "init"; wsUrl: string; apiKey: string; query: string }
  | { op: "grow"; to: number; batch: number }
  | { op: "flush"; id: string }
  | { op: "close" };
export type ChildMessage =
  | { op: "grown"; total: number; ms: number; failed: number }
  | { op: "all"; id: string; times: number[] }
  | { op: "partial"; id: string; times: number[] };

const now = () => performance.timeOrigin + performance.now();
const send = (message: ChildMessage) => process.send!(message);
const clients: Array<{ client: Client; stop(): void }> = [];
const receipts = new Map<string, number[]>();
let init: Extract<ParentMessage, { op: "init" }>;

function receive(id: string) {
  const at = now();
  const times = receipts.get(id) ?? [];
  times.push(at);
  receipts.set(id, times);
  if (times.length === clients.length) {
    receipts.delete(id);
    send({ op: "all", id, times });
  }
}

/** One partner app: its own WebSocket, one subscription to every event. Resolves once the server acknowledged it. */
function subscriber(): Promise<boolean> {
  return new Promise((resolve) => {
    const client = createClient({
      url: init.wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${init.apiKey}` },
      on: { connected: () => resolve(true), closed: () => resolve(false), error: () => resolve(false) },
    });
    const stop = client.subscribe<{ events: { id: string } }>({ query: init.query }, {
      next: ({ data }) => data && receive(data.events.id),
      error: () => resolve(false),
      complete: () => undefined,
    });
    clients.push({ client, stop });
  });
}

async function grow(to: number, batch: number) {
  const started = now();
  let failed = 0;
  while (clients.length < to) {
    const opened = await Promise.all(Array.from({ length: Math.min(batch, to - clients.length) }, subscriber));
    failed += opened.filter((ok) => !ok).length;
  }
  send({ op: "grown", total: clients.length, ms: now() - started, failed });
}

process.on("message", (message: ParentMessage) => {
  switch (message.op) {
    case "init":
      init = message;
      break;
    case "grow":
      void grow(message.to, message.batch);
      break;
    case "flush":
      send({ op: "partial", id: message.id, times: receipts.get(message.id) ?? [] });
      receipts.delete(message.id);
      break;
    case "close":
      for (const c of clients) c.stop();
      void Promise.all(clients.map((c) => c.client.dispose())).finally(() => process.exit(0));
      break;
  }
});

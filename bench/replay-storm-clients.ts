import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * The client side of the replay-storm benchmark, in its own process so the clients never share the
 * gateway's event loop. Driven over IPC by bench/replay-storm.ts:
 *
 *   → { op: "start", wsUrl, apiKeys, query, after, perConnection, expectedIds }   (one connection per key)
 *   ← { op: "progress", received, complete, errors, closes }   (every 500 ms)
 *   → { op: "close" }                                          exits once every client is disposed
 *
 * Each subscription counts the events it received and checks them against the expected ids, in order.
 */
export type StormParentMessage =
  | { op: "start"; wsUrl: string; apiKeys: string[]; query: string; after: string; perConnection: number; expectedIds: string[] }
  | { op: "close" };
export interface StormProgress {
  op: "progress";
  /** Events received over all subscriptions. */
  received: number;
  /** Subscriptions that received every expected event, in order. */
  complete: number;
  /** Subscriptions that saw an event out of order or twice. */
  disordered: number;
  /** Subscriptions that ended with an error. */
  errors: number;
  /** Close codes of connections that closed, with how often. */
  closes: Record<string, number>;
}

const clients: Client[] = [];
const closes: Record<string, number> = {};
let received = 0;
let complete = 0;
let disordered = 0;
let errors = 0;

function start(message: Extract<StormParentMessage, { op: "start" }>) {
  for (const apiKey of message.apiKeys) {
    const client = createClient({
      url: message.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true,
      connectionParams: { authorization: `Bearer ${apiKey}` },
      on: { closed: (event) => {
        const code = String((event as { code?: number }).code ?? "unknown");
        closes[code] = (closes[code] ?? 0) + 1;
      } },
    });
    clients.push(client);
    for (let s = 0; s < message.perConnection; s++) {
      let next = 0;
      let broken = false;
      client.subscribe<{ events: { id: string } }>({ query: message.query, variables: { after: message.after } }, {
        next: ({ data }) => {
          if (!data) return;
          received++;
          if (data.events.id !== message.expectedIds[next]) broken = true;
          next++;
          if (next === message.expectedIds.length) (broken ? disordered++ : complete++);
        },
        error: () => errors++,
        complete: () => undefined,
      });
    }
  }
}

const timer = setInterval(() => process.send!({ op: "progress", received, complete, disordered, errors, closes: { ...closes } } satisfies StormProgress), 500);

// The gateway's process died (out of memory, say): nobody is left to report to.
process.once("disconnect", () => process.exit(0));

process.on("message", (message: StormParentMessage) => {
  if (message.op === "start") start(message);
  if (message.op === "close") {
    clearInterval(timer);
    void Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
  }
});

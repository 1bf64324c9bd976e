import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A webhook receiver on 127.0.0.1 that fails a share of the requests it gets, drawn from a seeded
 * random source: each failure is, a third each, a 500, a hang past the sender's timeout (then the
 * connection is closed without an answer), or a TCP reset. Every other request is answered 204 and
 * recorded, in arrival order, with its headers and exact body.
 */

/** How one request was answered. */
export type ReceiverOutcome = "accepted" | "status-500" | "hang" | "reset";

/** A request the receiver answered 2xx. */
export interface AcceptedRequest {
  /** Arrival order among every request (accepted or not), from 0. */
  arrival: number;
  receivedAt: number;
  headers: Record<string, string>;
  body: string;
}

export interface FlakyReceiverOptions {
  /** Draws in [0, 1): whether a request fails, and how. */
  random: () => number;
  /** Share of requests that fail. @default 0.2 */
  failureRate?: number;
  /** How long a hanging request is held before its connection is closed; longer than the sender's timeout. @default 1000 */
  hangMs?: number;
}

export interface FlakyReceiver {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  /** Requests answered 2xx, in arrival order. */
  accepted: AcceptedRequest[];
  /** How many requests ended each way. */
  counts: Record<ReceiverOutcome, number>;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return headers;
}

/** Starts the receiver on a free loopback port. */
export async function startFlakyReceiver({ random, failureRate = 0.2, hangMs = 1000 }: FlakyReceiverOptions): Promise<FlakyReceiver> {
  const accepted: AcceptedRequest[] = [];
  const counts: Record<ReceiverOutcome, number> = { accepted: 0, "status-500": 0, hang: 0, reset: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let arrivals = 0;

  const handle = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const arrival = arrivals++;
    const fails = random() < failureRate;
    const how: ReceiverOutcome = !fails ? "accepted" : (["status-500", "hang", "reset"] as const)[Math.min(2, Math.floor(random() * 3))]!;
    counts[how]++;
    if (how === "accepted") {
      accepted.push({ arrival, receivedAt: Date.now(), headers: headersOf(request), body });
      response.writeHead(204).end();
    } else if (how === "status-500") {
      response.writeHead(500, { "content-type": "text/plain" }).end("flaky receiver: failing on purpose");
    } else if (how === "hang") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        request.socket.destroy();
      }, hangMs);
      timers.add(timer);
    } else {
      request.socket.resetAndDestroy();
    }
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => handle(request, response, Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => undefined);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    accepted,
    counts,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

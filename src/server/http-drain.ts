import type { Server } from "node:http";
import type { Socket } from "node:net";

export interface DrainOutcome {
  /** Requests still running at the deadline, whose connections were closed under them. */
  cut: number;
}

/**
 * Tracks the HTTP connections of `server` and how many requests each is serving, so a stop can let
 * the running ones finish. `drain` stops accepting connections, closes idle keep-alive ones at once
 * and each busy one as soon as its last response is sent (responses started while draining say
 * `Connection: close`), and destroys whatever is left at the deadline. Upgraded sockets (graphql-ws)
 * are not HTTP connections any more: the WebSocket server closes them.
 */
export function trackHttpConnections(server: Server) {
  const requests = new Map<Socket, number>();
  let draining = false;
  let settled: (() => void) | undefined;
  const inFlight = () => {
    let total = 0;
    for (const count of requests.values()) total += count;
    return total;
  };
  const settleIfDone = () => {
    if (draining && requests.size === 0) settled?.();
  };

  server.on("connection", (socket: Socket) => {
    requests.set(socket, 0);
    socket.once("close", () => {
      requests.delete(socket);
      settleIfDone();
    });
  });
  server.on("upgrade", (_req, socket: Socket) => {
    requests.delete(socket);
    settleIfDone();
  });
  server.on("request", (req, res) => {
    const socket = req.socket;
    requests.set(socket, (requests.get(socket) ?? 0) + 1);
    if (draining && !res.headersSent) res.setHeader("Connection", "close");
    res.once("close", () => {
      if (!requests.has(socket)) return;
      const left = Math.max(0, requests.get(socket)! - 1);
      requests.set(socket, left);
      if (draining && left === 0) socket.end();
    });
  });

  return {
    /** Requests being served right now. */
    inFlight,
    /** Stops accepting connections and waits (at most `deadlineMs`) for the running requests to finish. */
    async drain(deadlineMs: number): Promise<DrainOutcome> {
      draining = true;
      // The callback waits for upgraded sockets too; the WebSocket server closes those separately.
      if (server.listening) server.close();
      for (const [socket, count] of requests) if (count === 0) socket.end();
      let timer: NodeJS.Timeout | undefined;
      const done = new Promise<void>((resolve) => {
        settled = resolve;
        settleIfDone();
      });
      const lapsed = new Promise<"lapsed">((resolve) => (timer = setTimeout(() => resolve("lapsed"), deadlineMs)));
      const outcome = await Promise.race([done, lapsed]);
      clearTimeout(timer);
      if (outcome !== "lapsed") return { cut: 0 };
      const cut = inFlight();
      for (const socket of requests.keys()) socket.destroy();
      return { cut };
    },
  };
}

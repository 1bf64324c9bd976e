import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the gate does with a request: pass it to the provider, hold it until `release`, or never answer (a paused provider). */
export type GateMode = "pass" | "hold" | "hang";

/** One request the gate passed on, with when it arrived and the provider's HTTP status. */
export interface GateAnswer {
  /** "GET /api.xro/2.0/Invoices", as in `seen`. */
  line: string;
  /** When the request arrived (Date.now()). */
  at: number;
  /** The provider's status code; 0 when it could not be reached. */
  status: number;
}

/**
 * A loopback stand-in between the gateway and a provider sandbox: it forwards requests to `target`,
 * or holds them, or leaves them unanswered, and records each one that arrives ("GET /api.xro/2.0/Invoices").
 */
export async function startUpstreamGate(target: string) {
  let mode: GateMode = "pass";
  const seen: string[] = [];
  const answered: GateAnswer[] = [];
  let held: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    const line = `${req.method} ${new URL(req.url ?? "/", "http://gate").pathname}`;
    const arrivedAt = Date.now();
    seen.push(line);
    if (mode === "hang") return;
    if (mode === "hold") await new Promise<void>((resolve) => held.push(resolve));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))) as Record<string, string>;
    const withBody = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD";
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: withBody ? Buffer.concat(chunks) : undefined }).catch(() => undefined);
    answered.push({ line, at: arrivedAt, status: answer?.status ?? 0 });
    if (!answer) {
      if (!res.destroyed) res.writeHead(502).end();
      return;
    }
    const body = Buffer.from(await answer.arrayBuffer());
    const back: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)) back[name] = value;
    });
    if (!res.destroyed) res.writeHead(answer.status, back).end(body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Requests that arrived, in order, as "METHOD /path". */
    seen,
    /** Requests passed on to the provider, in the order they were answered, with arrival time and status. */
    answered,
    /** Requests being held right now. */
    held: () => held.length,
    /** Connections the gateway holds open to the gate right now. */
    openConnections: () => sockets.size,
    set(next: GateMode) {
      mode = next;
    },
    /** Lets every held request through to the provider. */
    release() {
      const waiting = held;
      held = [];
      for (const resolve of waiting) resolve();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
export type UpstreamGate = Awaited<ReturnType<typeof startUpstreamGate>>;

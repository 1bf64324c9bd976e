import http from "node:http";
import net from "node:net";
import type { AddressInfo, Socket } from "node:net";

/** One backend as the balancer sees it. */
interface Backend {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Whether its last `/readyz` probe answered 200 (a backend starts out of rotation until it does). */
  ready: boolean;
}

export interface BalancerOptions {
  /** Origins of the backends, e.g. `http://127.0.0.1:4001`; more can be added later. */
  backends?: string[];
  /** How often each backend's `GET /readyz` is asked. @default 200 */
  probeEveryMs?: number;
  /** Tries per request (one backend each) before the client gets 502. @default 6 */
  attempts?: number;
}

/** What the balancer did, for reports. */
export interface BalancerStats {
  /** HTTP requests answered by a backend. */
  forwarded: number;
  /** Tries that found a backend refusing or dropping the connection before any answer, and went to the next one. */
  retried: number;
  /** Requests answered 502 because no backend answered within `attempts` tries. */
  failed: number;
  /** WebSocket upgrades passed through. */
  upgrades: number;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

/**
 * A small round-robin HTTP load balancer on 127.0.0.1, as one would put in front of several gateway
 * instances: it probes each backend's `GET /readyz` every `probeEveryMs` and sends requests only to
 * ready ones (a draining instance answers 503 there during `LEDGERLINE_STOP_DELAY_SECONDS`, so it is
 * taken out before it refuses connections). A try whose connection is refused, or closed before any
 * answer, is sent again to the next backend, as real balancers retry a backend that went away; so a
 * rolling restart loses no request. WebSocket upgrades are passed through to a ready backend as raw
 * TCP, so graphql-ws clients connect through it. Request bodies are buffered (GraphQL bodies are small)
 * so they can be sent again.
 */
export async function startBalancer({ backends: origins = [], probeEveryMs = 200, attempts = 6 }: BalancerOptions = {}) {
  const backends: Backend[] = origins.map((origin) => ({ origin, ready: false }));
  const stats: BalancerStats = { forwarded: 0, retried: 0, failed: 0, upgrades: 0 };
  const sockets = new Set<Socket>();
  let next = 0;
  let closed = false;

  /** The backends to try for one request, ready ones first from the round-robin position, then the rest. */
  function order(): Backend[] {
    const start = next++;
    const rotated = backends.map((_, i) => backends[(start + i) % backends.length]!);
    return [...rotated.filter((b) => b.ready), ...rotated.filter((b) => !b.ready)];
  }

  async function probe(backend: Backend): Promise<void> {
    const ready = await fetch(`${backend.origin}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      async (r) => {
        await r.arrayBuffer().catch(() => undefined);
        return r.status === 200;
      },
      () => false,
    );
    backend.ready = ready;
  }
  const prober = setInterval(() => {
    for (const backend of backends) void probe(backend);
  }, probeEveryMs);

  /** Sends one try to `backend`; rejects with `retry: true` when the backend gave no answer at all. */
  function forward(backend: Backend, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = new URL(backend.origin);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      const upstream = http.request(
        { host: url.hostname, port: Number(url.port), method: req.method, path: req.url, headers: { ...headers, "content-length": String(body.length), connection: "close" }, agent: false },
        (answer) => {
          const back = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
          res.writeHead(answer.statusCode ?? 502, back as http.OutgoingHttpHeaders);
          answer.pipe(res);
          answer.on("end", () => resolve());
          answer.on("error", () => {
            res.destroy();
            resolve();
          });
        },
      );
      upstream.on("error", (error) => reject(Object.assign(error, { retry: !res.headersSent })));
      upstream.end(body);
    });
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const tries = order();
    for (let i = 0; i < attempts && tries.length > 0; i++) {
      const backend = tries[i % tries.length]!;
      try {
        await forward(backend, req, body, res);
        stats.forwarded++;
        return;
      } catch (error) {
        if (!(error as { retry?: boolean }).retry) {
          res.destroy();
          return;
        }
        backend.ready = false;
        stats.retried++;
        if (i >= tries.length - 1) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    stats.failed++;
    res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: "no backend answered" }));
  });

  server.on("upgrade", (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const tries = order();
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    const preamble = Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), head]);
    const attempt = (i: number) => {
      const backend = tries[i];
      if (!backend || client.destroyed) {
        stats.failed++;
        client.destroy();
        return;
      }
      const url = new URL(backend.origin);
      const upstream = net.connect({ host: url.hostname, port: Number(url.port) });
      sockets.add(upstream);
      upstream.once("error", () => {
        sockets.delete(upstream);
        backend.ready = false;
        stats.retried++;
        attempt(i + 1);
      });
      upstream.once("connect", () => {
        stats.upgrades++;
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("close", () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on("close", () => upstream.destroy());
        upstream.write(preamble);
        upstream.pipe(client);
        client.pipe(upstream);
      });
    };
    attempt(0);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** `http://127.0.0.1:<port>`: point clients (and XERO_REDIRECT_URI) here. */
    origin,
    url: `${origin}/graphql`,
    wsUrl: `${origin.replace(/^http/, "ws")}/graphql`,
    stats,
    /** Adds a backend; it takes requests once its `/readyz` answers 200. */
    add(backendOrigin: string) {
      if (!backends.some((b) => b.origin === backendOrigin)) backends.push({ origin: backendOrigin, ready: false });
    },
    /** Probes every backend now (instead of waiting for the next round). */
    probeNow: () => Promise.all(backends.map(probe)).then(() => undefined),
    /** Origins currently in rotation. */
    ready: () => backends.filter((b) => b.ready).map((b) => b.origin),
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        clearInterval(prober);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
export type Balancer = Awaited<ReturnType<typeof startBalancer>>;

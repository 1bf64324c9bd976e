import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { startBalancer, type Balancer } from "./balancer.js";

/** A backend answering every request with its name (and 200 at /readyz), echoing WebSocket messages with its name. */
async function backend(name: string) {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end(`${name}:${req.method}:${body}`));
  });
  const wss = new WebSocketServer({ server });
  wss.on("connection", (socket) => socket.on("message", (data) => socket.send(`${name}:${String(data)}`)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe("the test balancer", () => {
  const closing: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it("round-robins over ready backends and sends a try whose connection is refused to the next one", async () => {
    const a = await backend("a");
    const b = await backend("b");
    closing.push(b.close);
    // Probes rarely, so the stopped backend is still in rotation when the requests come.
    const balancer: Balancer = await startBalancer({ backends: [a.origin, b.origin], probeEveryMs: 60_000 });
    closing.push(balancer.close);
    await balancer.probeNow();
    expect(balancer.ready()).toEqual([a.origin, b.origin]);
    const names = await Promise.all([1, 2, 3, 4].map(() => fetch(balancer.url, { method: "POST", body: "q" }).then((r) => r.text())));
    expect(new Set(names)).toEqual(new Set(["a:POST:q", "b:POST:q"]));

    await a.close();
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(balancer.url, { method: "POST", body: "again" }).then(async (r) => `${r.status} ${await r.text()}`)));
    expect(answers).toEqual(Array.from({ length: 10 }, () => "200 b:POST:again"));
    expect(balancer.stats.retried).toBeGreaterThan(0);
    expect(balancer.stats.failed).toBe(0);
  });

  it("answers 502 when no backend takes the connection, and passes WebSocket upgrades through", async () => {
    const a = await backend("a");
    closing.push(a.close);
    const balancer = await startBalancer({ backends: [a.origin], probeEveryMs: 100 });
    closing.push(balancer.close);
    await balancer.probeNow();
    const socket = new WebSocket(balancer.wsUrl);
    const echoed = await new Promise<string>((resolve, reject) => {
      socket.once("open", () => socket.send("hello"));
      socket.once("message", (data) => resolve(String(data)));
      socket.once("error", reject);
    });
    socket.close();
    expect(echoed).toBe("a:hello");
    expect(balancer.stats.upgrades).toBe(1);

    const nobody = await startBalancer({ backends: ["http://127.0.0.1:1"], attempts: 2 });
    closing.push(nobody.close);
    const refused = await fetch(nobody.url, { method: "POST", body: "x" });
    expect(refused.status).toBe(502);
    expect(nobody.stats.failed).toBe(1);
  });
});

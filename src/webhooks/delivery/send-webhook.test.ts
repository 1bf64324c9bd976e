import http from "node:http";
import net from "node:net";
import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { isLocalhostName } from "./endpoint-url.js";
import { RESPONSE_HEAD_BYTES, sendWebhook, type SendInput } from "./send-webhook.js";
import { generateSigningSecret, signedHeaders } from "./signing.js";

const embedded = { allowLoopback: true };
const body = JSON.stringify({ type: "INVOICE_CREATED", data: { id: "inv_1" } });
const headers = signedHeaders({ id: "evt_1", timestampSeconds: 1_700_000_000, body, secrets: [generateSigningSecret()] });

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: Array<http.Server | net.Server> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if (server instanceof http.Server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver on 127.0.0.1:0 answering with `handler`; `seen` collects every request it got. */
async function receiver(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.on("error", () => undefined);
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, seen };
}

/** A raw TCP listener that counts connections (to show nothing connected at all). */
async function tcpCounter(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, connections: () => count };
}

// The host's own name resolves through /etc/hosts; when it resolves to loopback only, it shows the connect-time guard.
const name = hostname();
const resolved = await lookup(name, { all: true }).catch(() => []);
const loopbackName = !isLocalhostName(name) && resolved.length > 0 && resolved.every((a) => a.address.startsWith("127.") || a.address === "::1");
if (!loopbackName) console.log(`skipping the DNS guard test: ${name} does not resolve to loopback only (${JSON.stringify(resolved)})`);
const send = (url: string, extra: Partial<SendInput> = {}) => sendWebhook({ url, headers, body, timeoutMs: 5_000, policy: embedded, ...extra });

describe("sendWebhook against loopback receivers", () => {
  it("POSTs the signed body and keeps only the first 1 KiB of a large 200 response", async () => {
    const big = "x".repeat(2 * 1024 * 1024);
    const { url, seen } = await receiver((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(big));
    const result = await send(`${url}/hooks/in?src=ll`);
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(result.responseHead).toBe("x".repeat(RESPONSE_HEAD_BYTES));
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/hooks/in?src=ll", body });
    expect(seen[0].headers).toMatchObject({
      "webhook-id": "evt_1",
      "webhook-timestamp": "1700000000",
      "webhook-signature": headers["webhook-signature"],
      "content-type": "application/json",
      "user-agent": "Ledgerline-Webhooks/1",
      "content-length": String(Buffer.byteLength(body)),
    });
  });

  it("keeps a multi-byte body intact when it is short", async () => {
    const { url } = await receiver((_req, res) => res.writeHead(202).end("accepté ✓"));
    expect(await send(url)).toMatchObject({ statusCode: 202, responseHead: "accepté ✓", error: null });
  });

  it.each([
    [500, "boom"],
    [410, "gone for good"],
    [404, ""],
  ])("reports a %s with its body", async (status, text) => {
    const { url } = await receiver((_req, res) => res.writeHead(status).end(text));
    expect(await send(url)).toMatchObject({ statusCode: status, responseHead: text, error: null });
  });

  it("does not follow a redirect: the 302 is the result", async () => {
    const { url, seen } = await receiver((req, res) => {
      if (req.url === "/start") res.writeHead(302, { location: "/elsewhere" }).end("moved");
      else res.writeHead(200).end("followed");
    });
    expect(await send(`${url}/start`)).toMatchObject({ statusCode: 302, responseHead: "moved", error: null });
    expect(seen.map((s) => s.url)).toEqual(["/start"]);
  });

  it("times out the whole attempt when the receiver never answers", async () => {
    const { url, seen } = await receiver(() => undefined);
    const result = await send(url, { timeoutMs: 300 });
    expect(result).toMatchObject({ statusCode: null, responseHead: null, error: "timed out after 300 ms" });
    expect(seen).toHaveLength(1);
  });

  it("keeps the status when the receiver answers its head but stalls the body past the timeout", async () => {
    const { url } = await receiver((_req, res) => {
      res.writeHead(200);
      res.write("partial");
    });
    expect(await send(url, { timeoutMs: 300 })).toMatchObject({ statusCode: 200, responseHead: "partial", error: null });
  });

  it("reports a reset when the receiver destroys the connection", async () => {
    const { url } = await receiver((req) => req.socket.destroy());
    expect(await send(url)).toMatchObject({ statusCode: null, responseHead: null, error: "ECONNRESET" });
  });

  it("reports a refused connection on a closed port", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    expect(await send(`http://127.0.0.1:${port}/`)).toMatchObject({ statusCode: null, responseHead: null, error: "ECONNREFUSED" });
  });
});

describe("sendWebhook refuses addresses", () => {
  // A connection attempt to 10.255.255.1 would hang until timeoutMs (or fail with a network error, not "private"):
  // the short test timeout makes an attempted connection fail the test.
  it("refuses a private IP literal before connecting", { timeout: 5_000 }, async () => {
    const result = await send("http://10.255.255.1/hook", { timeoutMs: 20_000 });
    expect(result).toMatchObject({ statusCode: null, responseHead: null });
    expect(result.error).toMatch(/^refused: 10\.255\.255\.1 is a private address/);
  });

  it("refuses an IPv4-mapped private literal", { timeout: 5_000 }, async () => {
    const result = await send("https://[::ffff:10.255.255.1]/hook", { timeoutMs: 20_000 });
    expect(result.error).toMatch(/^refused: .* is a private address/);
  });

  it("refuses loopback when it is not allowed, without connecting", async () => {
    const counter = await tcpCounter();
    for (const url of [`http://127.0.0.1:${counter.port}/`, `https://127.0.0.1:${counter.port}/`, `https://localhost:${counter.port}/`]) {
      const result = await send(url, { policy: { allowLoopback: false } });
      expect(result).toMatchObject({ statusCode: null, responseHead: null });
      expect(result.error).toMatch(/^refused: (127\.0\.0\.1|localhost) is a loopback (address|host)/);
    }
    expect(counter.connections()).toBe(0);
  });

  it("refuses a URL the endpoint check refuses (credentials)", async () => {
    const { url, seen } = await receiver((_req, res) => res.writeHead(200).end());
    const withCredentials = url.replace("http://", "http://user:pw@");
    expect((await send(withCredentials)).error).toMatch(/^refused: the URL carries a user name or password/);
    expect(seen).toHaveLength(0);
  });

  it.skipIf(!loopbackName)("refuses at connect time a name that resolves to loopback (DNS rebinding)", async () => {
    const counter = await tcpCounter();
    const result = await send(`https://${name}:${counter.port}/hook`, { policy: { allowLoopback: false } });
    expect(result).toMatchObject({ statusCode: null, responseHead: null });
    expect(result.error).toMatch(/^refused: (127\.\d+\.\d+\.\d+|::1) is a loopback address/);
    expect(counter.connections()).toBe(0);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectOrganization } from "../connectors/xero/auth/connect-organization.js";
import { runCli } from "./support/run-cli.js";

const ENTRY = "dist/src/scripts/sandboxes.js";

/** What the script prints after `SANDBOXES_READY `. */
interface Ready {
  xero: { url: string; clientId: string; clientSecret: string };
  daftra: { url: string; siteUrl: string; apiKey: string };
  clientary: { url: string; siteUrl: string; token: string };
}

interface Started {
  child: ChildProcess;
  ready: Ready;
  stdout: () => string;
}

const FREE_PORTS = ["--xero-port", "0", "--daftra-port", "0", "--clientary-port", "0"];

/** Runs the compiled script with plain Node (as `npm run sandboxes` does) until it prints its ready line. */
function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [ENTRY, ...args], { env: { ...process.env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no SANDBOXES_READY line within 45 s:\n${out}\n${err}`)), 45_000);
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("SANDBOXES_READY ") && out.includes(`${l}\n`));
      if (line) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line.slice("SANDBOXES_READY ".length)) as Ready, stdout: () => out });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before SANDBOXES_READY:\n${out}\n${err}`));
    });
  });
}

/** Runs the script to its exit (for refusals). */
function runToExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [ENTRY, ...args], { env: { ...process.env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`still running after 45 s:\n${stdout}\n${stderr}`));
    }, 45_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function xeroClientCredentialsToken(ready: Ready["xero"], secret = ready.clientSecret): Promise<Response> {
  return fetch(`${ready.url}/connect/token`, {
    method: "POST",
    headers: { authorization: basic(ready.clientId, secret), "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
}

async function createDaftraClient(ready: Ready["daftra"], name: string): Promise<number> {
  const response = await fetch(`${ready.url}/clients.json`, {
    method: "POST",
    headers: { apikey: ready.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ Client: { business_name: name, email: "cluster@example.test" } }),
  });
  expect(response.status).toBeLessThan(300);
  const id = Number(((await response.json()) as { id?: number | string }).id);
  expect(Number.isInteger(id) && id > 0).toBe(true);
  return id;
}

async function daftraClient(ready: Ready["daftra"], id: number): Promise<{ status: number; name?: string }> {
  const response = await fetch(`${ready.url}/clients/${id}.json`, { headers: { apikey: ready.apiKey } });
  const body = (await response.json()) as { data?: { Client?: { business_name?: string } } };
  return { status: response.status, name: body.data?.Client?.business_name };
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe("npm run sandboxes (compiled script under plain Node)", () => {
  it("prints working credentials for each sandbox, stops on SIGTERM with 0, and keeps the books across a restart", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    const dataDir = await temporaryDir("ll-sandboxes-");
    const first = await start(["--data-dir", dataDir, ...FREE_PORTS, "--activity-ms", "0"]);
    children.push(first.child);
    const { xero, daftra, clientary } = first.ready;
    expect(first.stdout()).toContain(`orgs connect-daftra --site ${daftra.siteUrl} --api-key ${daftra.apiKey}`);
    expect(first.stdout()).toContain(`XERO_CLIENT_SECRET=${xero.clientSecret}`);

    // Xero: the printed client id and secret get a token, and the token reads the organisation.
    const refused = await xeroClientCredentialsToken(xero, "not-the-secret");
    expect([refused.status, ((await refused.json()) as { error?: string }).error]).toEqual([400, "invalid_client"]);
    const tokenResponse = await xeroClientCredentialsToken(xero);
    expect(tokenResponse.status).toBe(200);
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
    const organisation = await fetch(`${xero.url}/api.xro/2.0/Organisation`, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
    expect(organisation.status).toBe(200);
    expect(((await organisation.json()) as { Organisations: unknown[] }).Organisations).toHaveLength(1);
    // …and, as XERO_IDENTITY_URL/XERO_API_URL/XERO_CLIENT_ID/XERO_CLIENT_SECRET, they run the gateway's own consent flow.
    const connected = await connectOrganization({
      clientId: xero.clientId, clientSecret: xero.clientSecret, redirectUri: "http://127.0.0.1/ledgerline/xero/callback", identityUrl: xero.url, apiUrl: xero.url,
    });
    expect(connected.tenants.length).toBeGreaterThan(0);

    // Daftra: the printed key is the one it accepts; a client created through its API.
    expect((await fetch(`${daftra.url}/clients.json`, { headers: { apikey: "not-the-key" } })).status).toBe(401);
    const name = `Cluster Client ${Date.now()}`;
    const clientId = await createDaftraClient(daftra, name);
    expect(await daftraClient(daftra, clientId)).toEqual({ status: 200, name });

    // Clientary: HTTP Basic with the printed token.
    expect((await fetch(`${clientary.url}/clients.json`, { headers: { authorization: basic("not-the-token", "not-the-token") } })).status).toBe(401);
    const clients = await fetch(`${clientary.url}/clients.json`, { headers: { authorization: basic(clientary.token, clientary.token), accept: "application/json" } });
    expect(clients.status).toBe(200);

    // The `ledgerline` CLI connects both with exactly the printed values, for a gateway that runs without sandboxes.
    const gatewayDir = await temporaryDir("ll-sandboxes-gateway-");
    const env = { LEDGERLINE_DATA_DIR: gatewayDir, LEDGERLINE_SANDBOX: "false", LEDGERLINE_TRIGGERS: "off" };
    const viaDaftra = await runCli(["--json", "orgs", "connect-daftra", "--site", daftra.siteUrl, "--api-key", daftra.apiKey], env);
    expect(viaDaftra.code, viaDaftra.stderr).toBe(0);
    const viaClientary = await runCli(["--json", "orgs", "connect-clientary", "--site", clientary.siteUrl, "--token", clientary.token], env);
    expect(viaClientary.code, viaClientary.stderr).toBe(0);
    expect([viaDaftra.json().provider, viaClientary.json().provider]).toEqual(["DAFTRA", "CLIENTARY"]);

    expect(await stop(first.child)).toBe(0);
    expect((await readdir(dataDir)).sort()).toEqual(["clientary-sandbox.json", "daftra-sandbox.json", "xero-sandbox.json"]);

    const second = await start(["--data-dir", dataDir, ...FREE_PORTS, "--activity-ms", "0"]);
    children.push(second.child);
    expect(await daftraClient(second.ready.daftra, clientId)).toEqual({ status: 200, name });
    expect(await stop(second.child, "SIGINT")).toBe(0);
  }, 120_000);

  it("refuses a bad option value with exit 2 and a message naming the option", async () => {
    const dataDir = await temporaryDir("ll-sandboxes-bad-");
    const badPort = await runToExit(["--data-dir", dataDir, "--daftra-port", "70000"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--daftra-port must be a port number from 0 to 65535/);
    expect(badPort.stdout).not.toContain("SANDBOXES_READY");

    const badActivity = await runToExit(["--data-dir", dataDir, ...FREE_PORTS, "--activity-ms", "soon"]);
    expect(badActivity.code).toBe(2);
    expect(badActivity.stderr).toMatch(/--activity-ms must be a whole number of milliseconds/);

    const urlWithoutKey = await runToExit(["--data-dir", dataDir, ...FREE_PORTS, "--xero-webhook-url", "http://127.0.0.1:9/webhooks/xero"]);
    expect(urlWithoutKey.code).toBe(2);
    expect(urlWithoutKey.stderr).toMatch(/--xero-webhook-url needs --xero-webhook-key/);
    const badUrl = await runToExit(["--data-dir", dataDir, ...FREE_PORTS, "--xero-webhook-url", "balancer", "--xero-webhook-key", "k"]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--xero-webhook-url must be an http\(s\) URL/);

    const unknown = await runToExit(["--data-dir", dataDir, "--xero-prot", "4010"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--xero-prot'/);
  });

  it("sends the Xero sandbox's webhooks, signed with the given key, to the given URL (a cluster's balancer)", async () => {
    const dataDir = await temporaryDir("ll-sandboxes-webhooks-");
    const key = "cluster-webhook-key";
    const received: Array<{ body: string; signature: string | undefined }> = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ body, signature: request.headers["x-xero-signature"] as string | undefined });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/xero`;
    const running = await start(["--data-dir", dataDir, ...FREE_PORTS, "--activity-ms", "100", "--seed", "5", "--xero-webhook-url", url, "--xero-webhook-key", key]);
    children.push(running.child);
    try {
      const deadline = Date.now() + 30_000;
      while (!received.some((r) => r.body.includes("\"events\":[{")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const delivery = received.find((r) => r.body.includes("\"events\":[{"));
      expect(delivery, "a webhook with events within 30 s").toBeDefined();
      expect(delivery!.signature).toBe(createHmac("sha256", key).update(delivery!.body).digest("base64"));
    } finally {
      expect(await stop(running.child)).toBe(0);
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 60_000);

  it("refuses a port already in use with exit 2 naming the option", async () => {
    const dataDir = await temporaryDir("ll-sandboxes-busy-");
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = await runToExit(["--data-dir", dataDir, ...FREE_PORTS, "--clientary-port", String(port), "--activity-ms", "0"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--clientary-port ${port}: the port is in use`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  }, 60_000);
});

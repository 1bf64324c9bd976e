import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bootGateway, type GatewayProcess } from "../triggers/gateway-process.js";
import { freePort } from "../triggers/sandbox-fleet.js";
import { wsClient } from "../triggers/ws-subscriber.js";
import { connectDaftraOrganization, type DaftraOrganization } from "./daftra-organization.js";

/**
 * A rolling restart as the orchestrator does it: SIGTERM to the compiled gateway (`node dist/src/main.js`)
 * while an HTTP request is running (held for real at a gate between the gateway and the provider
 * sandbox) and a graphql-ws client is subscribed.
 */

const ENTRY = "dist/src/main.js";
const LIVE_INVOICES = `query($id: ID!) { organization(id: $id) { invoices(first: 5, source: LIVE) { edges { node { id remoteId } } } } }`;

interface Answer {
  status: number;
  body: { data?: { organization: { invoices: { edges: unknown[] } } }; errors?: unknown[] };
}

async function post(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** Whether the gateway still accepts a new connection (any transport failure counts as refused). */
const accepts = (origin: string) => fetch(`${origin}/healthz`, { headers: { connection: "close" } }).then(() => true, () => false);

describe("SIGTERM while a request runs and a subscriber is connected", () => {
  it("refuses new connections, finishes the request with 200, then closes graphql-ws with 1012 and exits 0", async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: build first (npx tsc -p tsconfig.json)`).toBe(true);
    const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-sigterm-"));
    let organization: DaftraOrganization | undefined;
    let gateway: GatewayProcess | undefined;
    try {
      // No polling: the only call to the provider is the request under test.
      organization = await connectDaftraOrganization({ dataDir, triggers: { enabled: false } });
      const { gate, apiKey, organizationId } = organization;
      gateway = await bootGateway({ dataDir, port: await freePort(), env: { LEDGERLINE_SECRET_KEY: organization.secretKey, LEDGERLINE_TRIGGERS: "on", LOG_LEVEL: "info" } });
      const origin = new URL(gateway.url).origin;

      const client = wsClient(gateway.wsUrl, apiKey);
      const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
      let closeEvent: { code: number; reason: string } | undefined;
      const closed = new Promise<void>((resolve) => client.on("closed", (event) => {
        closeEvent = event as { code: number; reason: string };
        resolve();
      }));
      client.subscribe({ query: "subscription { events { cursor } }" }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      await connected;

      gate.set("hold");
      const answer = post(gateway.url, apiKey, LIVE_INVOICES, { id: organizationId });
      await vi.waitFor(() => expect(gate.held()).toBe(1), { timeout: 10_000 });

      gateway.child.kill("SIGTERM");
      // The stop began while the request is still held: new connections are refused, the subscriber is still open.
      await vi.waitFor(async () => expect(await accepts(origin)).toBe(false), { timeout: 10_000, interval: 50 });
      expect(gateway.output()).toContain("SIGTERM: stopping");
      expect(gate.held()).toBe(1);
      expect(closeEvent).toBeUndefined();

      gate.set("pass");
      gate.release();
      const { status, body } = await answer;
      const closedBeforeAnswer = closeEvent !== undefined;
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.organization.invoices.edges.length).toBeGreaterThan(0);
      // WebSocket clients are told to reconnect only once the running HTTP requests were answered.
      expect(closedBeforeAnswer).toBe(false);

      await closed;
      expect(closeEvent!.code).toBe(1012);
      expect(closeEvent!.reason).toMatch(/resume from your last event cursor/);
      expect(await gateway.exited, gateway.output()).toBe(0);
      expect(gateway.output()).toContain("Stopped.");
      await client.dispose();
    } finally {
      if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill("SIGKILL");
      await organization?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

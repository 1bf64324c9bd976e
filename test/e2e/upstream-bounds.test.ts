import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { startTestLedgerline, sandboxOf, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";
import { startUpstreamGate, type UpstreamGate } from "../support/upstream-gate.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import type { UpstreamGovernor } from "../../src/upstream/index.js";

const list = (organizationId: string, field: string) => `{ organization(id: "${organizationId}") { ${field}(first: 1) { edges { node { id } } } } }`;
const governorOf = async (t: TestLedgerline, organizationId: string) =>
  (t.app.services.adapters.adapterFor((await t.app.services.organizations.get(organizationId))!) as unknown as { upstream: UpstreamGovernor }).upstream;

async function post(t: TestLedgerline, query: string, key: string, signal?: AbortSignal): Promise<GraphQLBody> {
  const response = await fetch(t.app.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query }), signal });
  return (await response.json()) as GraphQLBody;
}

describe("Xero behind a provider that stops answering (upstream deadline 2 s, one call at a time)", () => {
  let t: TestLedgerline;
  let gate: UpstreamGate;
  const key = async (name: string) => (await t.app.services.apiKeys.create({ name, organizationIds: "*" })).key;

  beforeAll(async () => {
    t = await startTestLedgerline({ env: { LEDGERLINE_UPSTREAM_TIMEOUT_MS: "2000" } });
    gate = await startUpstreamGate(t.xero.url);
    // Before the organization's adapter exists: its API goes through the gate, one call at a time.
    const record = (await t.app.services.organizations.get(t.organizationId))!;
    await t.app.services.organizations.update({ ...record, settings: { ...record.settings, apiUrl: gate.url, limits: { maxConcurrent: 1, perMinute: 60 } } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await gate?.close();
  });

  it("fails a hung read and the reads queued behind it with PROVIDER_UNAVAILABLE, and drops their connections", async () => {
    gate.set("hang");
    const reader = await key("reader");
    const answers = await Promise.all(Array.from({ length: 7 }, () => post(t, list(t.organizationId, "invoices"), reader)));
    for (const answer of answers) {
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "PROVIDER_UNAVAILABLE", provider: "Xero", timeoutSeconds: 2 });
      expect(answer.errors?.[0]?.message).toBe("Xero did not answer within 2 s. Try again shortly.");
    }
    expect(gate.seen.length).toBeGreaterThan(0);
    // The gateway aborted the requests it had sent: no connection to the paused provider stays open.
    await vi.waitFor(() => expect(gate.openConnections()).toBe(0), { timeout: 5_000 });
    gate.set("pass");
    expect((await post(t, list(t.organizationId, "invoices"), reader)).errors).toBeUndefined();
  });

  it("never makes the upstream call of an HTTP request whose client left while it was queued", async () => {
    gate.set("hold");
    gate.seen.length = 0;
    const reader = await key("abort-http");
    const governor = await governorOf(t, t.organizationId);
    const before = governor.stats();
    const first = post(t, list(t.organizationId, "invoices"), reader);
    await vi.waitFor(() => expect(gate.held()).toBe(1));
    const client = new AbortController();
    const queued = post(t, list(t.organizationId, "contacts"), reader, client.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(governor.stats().waiting).toBe(1));
    client.abort();
    await queued;
    await vi.waitFor(() => expect(governor.stats()).toMatchObject({ waiting: 0, abandoned: before.abandoned + 1 }));
    gate.set("pass");
    gate.release();
    expect((await first).errors).toBeUndefined();
    expect(gate.seen.some((line) => line.includes("/Contacts"))).toBe(false);
    expect(governor.stats().calls - before.calls).toBe(gate.seen.length);
  });

  it.each([
    ["completes the operation", async (_ws: Client, complete: () => void) => complete()],
    ["closes the socket", async (ws: Client) => ws.dispose()],
  ])("never makes the upstream call of a queued graphql-ws operation when its client %s", async (_how, leave) => {
    gate.set("hold");
    gate.seen.length = 0;
    const reader = await key("abort-ws");
    const governor = await governorOf(t, t.organizationId);
    const before = governor.stats();
    const first = post(t, list(t.organizationId, "invoices"), reader);
    await vi.waitFor(() => expect(gate.held()).toBe(1));
    const ws = createClient({ url: t.app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${reader}` } });
    const complete = ws.subscribe({ query: list(t.organizationId, "contacts") }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await vi.waitFor(() => expect(governor.stats().waiting).toBe(1));
    await leave(ws, complete);
    await vi.waitFor(() => expect(governor.stats()).toMatchObject({ waiting: 0, abandoned: before.abandoned + 1 }));
    gate.set("pass");
    gate.release();
    expect((await first).errors).toBeUndefined();
    await ws.dispose();
    expect(gate.seen.some((line) => line.includes("/Contacts"))).toBe(false);
    expect(governor.stats().calls - before.calls).toBe(gate.seen.length);
  });
});

describe("one API key flooding reads of a Clientary organization (pollers keep 50%, each key is sure of 10%)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline({ env: { LEDGERLINE_TRIGGERS: "on" }, triggers: { mode: "manual" } });
  }, 120_000);
  afterAll(() => t?.close());

  it("refuses the flood over its share at once, while another key's read and a poll go through", async () => {
    const sandbox = sandboxOf(t, "CLIENTARY");
    const organizationId = sandbox.organization.id;
    const flooder = (await t.app.services.apiKeys.create({ name: "flooder", organizationIds: "*" })).key;
    const other = (await t.app.services.apiKeys.create({ name: "other", organizationIds: "*" })).key;
    const ids = (from: number) => Array.from({ length: 100 }, (_, i) => JSON.stringify(toGlobalId({ organizationId, type: "Invoice", remoteId: String(from + i) }))).join(",");
    const callsBefore = sandbox.requestCount();
    const flood = await post(t, `{ a: nodes(ids: [${ids(1)}]) { id } b: nodes(ids: [${ids(101)}]) { id } }`, flooder);
    const floodCalls = sandbox.requestCount() - callsBefore;
    const refusal = flood.errors?.find((e) => e.extensions?.code === "PROVIDER_RATE_LIMITED");
    const { keySharePerMinute, interactivePerMinute, retryAfterSeconds } = refusal?.extensions ?? {};
    expect(refusal?.extensions).toMatchObject({ budgetScope: "API_KEY", keySharePerMinute: 6, interactivePerMinute: 30 });
    expect(retryAfterSeconds).toBeGreaterThan(0);
    // The flooding key borrowed at most what leaves one share free for other keys, and none of the pollers' half.
    expect(floodCalls).toBeLessThanOrEqual(interactivePerMinute - keySharePerMinute);

    const [otherRead, poll] = await Promise.all([
      post(t, list(organizationId, "invoices"), other),
      t.app.triggers!.pollNow(organizationId, "Invoice").then(() => "polled"),
    ]);
    expect(otherRead.errors).toBeUndefined();
    expect(otherRead.data?.organization.invoices.edges.length).toBe(1);
    expect(poll).toBe("polled");
    // Flooding again within the minute: refused as before, and the key's calls stay within its share.
    const callsBeforeAgain = sandbox.requestCount();
    const again = await post(t, `{ a: nodes(ids: [${ids(201)}]) { id } }`, flooder);
    expect(again.errors?.find((e) => e.extensions?.code === "PROVIDER_RATE_LIMITED")?.extensions).toMatchObject({ budgetScope: "API_KEY" });
    expect(floodCalls + sandbox.requestCount() - callsBeforeAgain).toBeLessThanOrEqual(interactivePerMinute - keySharePerMinute);
  });
});

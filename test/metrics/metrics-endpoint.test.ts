import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { startTriggerLedgerline, type TriggerLedgerline } from "../triggers/support.js";
import { subscribe, wsClient } from "../triggers/ws-subscriber.js";
import { signXeroWebhook } from "../../src/triggers/index.js";
import { resolveSecretKey } from "../../src/config/index.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { xeroCredentialsStore } from "../../connectors/xero/auth/credentials-store.js";
import { parsePrometheusText, samplesOf, valueOf } from "./prometheus-text.js";

const LIST = `query ListInvoices($o: ID!, $first: Int) { organization(id: $o) { invoices(first: $first) { edges { node { id } } } } }`;
const BAD_PAGE = `query BadPage($o: ID!) { organization(id: $o) { invoices(first: -1) { edges { node { id } } } } }`;
const WEBHOOK_KEY = "metrics-test-webhook-key-0123456789abcdef";

async function scrape(baseUrl: string) {
  const response = await fetch(new URL("/metrics", baseUrl));
  const body = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), body, samples: response.status === 200 ? parsePrometheusText(body) : [] };
}

describe("GET /metrics on the embedded default (triggers off)", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("counts GraphQL operations by name, type and code, times them, and counts the organization's Xero calls", async () => {
    const before = (await scrape(t.app.url)).samples;
    const callsBefore = valueOf(before, "ledgerline_upstream_calls_total", { provider: "XERO", organization: t.organizationId });

    const ok = await t.post(LIST, { o: t.organizationId, first: 5 });
    expect(ok.body.errors).toBeUndefined();
    const bad = await t.post(BAD_PAGE, { o: t.organizationId });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await t.post(`{ organizations { id } }`);

    const after = await scrape(t.app.url);
    expect(after.status).toBe(200);
    expect(after.contentType).toBe(new Registry().contentType);
    const s = after.samples;
    expect(valueOf(s, "ledgerline_graphql_requests_total", { operation: "ListInvoices", type: "query", code: "OK", transport: "http" })).toBe(1);
    expect(valueOf(s, "ledgerline_graphql_requests_total", { operation: "BadPage", type: "query", code: "BAD_USER_INPUT", transport: "http" })).toBe(1);
    expect(valueOf(s, "ledgerline_graphql_requests_total", { operation: "BadPage", type: "query", code: "OK", transport: "http" })).toBe(0);
    expect(valueOf(s, "ledgerline_graphql_requests_total", { operation: "anonymous", type: "query", code: "OK", transport: "http" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(s, "ledgerline_graphql_request_duration_seconds_count", { operation: "ListInvoices", type: "query" })).toBe(1);
    expect(valueOf(s, "ledgerline_graphql_request_duration_seconds_bucket", { operation: "ListInvoices", type: "query", le: "+Inf" })).toBe(1);
    // The list was read live from the Xero sandbox: at least one upstream call for this organization.
    expect(valueOf(s, "ledgerline_upstream_calls_total", { provider: "XERO", organization: t.organizationId })).toBeGreaterThan(callsBefore);
    // The governor's remaining budget (Xero: 60 a minute, 5,000 a day), read at scrape time.
    const minute = valueOf(s, "ledgerline_budget_remaining_calls", { organization: t.organizationId, window: "minute" });
    expect(minute).toBeGreaterThanOrEqual(0);
    expect(minute).toBeLessThan(60);
    expect(valueOf(s, "ledgerline_budget_remaining_calls", { organization: t.organizationId, window: "day" })).toBeLessThan(5000);
    // Node's default process metrics are on the gateway's registry.
    expect(samplesOf(s, "process_cpu_user_seconds_total")).toHaveLength(1);
    // No triggers: no poll or mirror lag.
    expect(samplesOf(s, "ledgerline_poll_lag_seconds")).toEqual([]);
  });

  it("keeps operation labels bounded: names cut to 64 characters, and past 200 names, \"other\"", async () => {
    const long = `Op${"x".repeat(100)}`;
    await t.post(`query ${long} { organizations { id } }`);
    expect(valueOf((await scrape(t.app.url)).samples, "ledgerline_graphql_requests_total", { operation: long.slice(0, 64), transport: "http" })).toBe(1);
    for (let i = 0; i < 210; i++) await t.post(`query Many${i} { organizations { id } }`);
    const { samples } = await scrape(t.app.url);
    const names = new Set(samplesOf(samples, "ledgerline_graphql_requests_total").map((s) => s.labels.operation));
    // 200 names, "anonymous" and "other".
    expect(names.size).toBeLessThanOrEqual(202);
    expect(names.has("Many0")).toBe(true);
    expect(names.has("Many209")).toBe(false);
    expect(valueOf(samples, "ledgerline_graphql_requests_total", { operation: "other", type: "query", code: "OK", transport: "http" })).toBeGreaterThan(0);
  });

  it("holds no API key, token or secret", async () => {
    const { body } = await scrape(t.app.url);
    const credentials = await xeroCredentialsStore(organizationScope(t.app.services.connectorStore, t.organizationId), t.app.services.secrets).load(t.organizationId);
    const secrets = [t.app.localApiKey!, resolveSecretKey({ dataDir: t.dataDir }), credentials?.clientSecret, credentials?.tokenSet.accessToken, credentials?.tokenSet.refreshToken].filter((x): x is string => typeof x === "string" && x.length > 0);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body.toLowerCase()).not.toContain("bearer");
  });

  it("needs no API key, and is the same registry for every scrape (counters only grow)", async () => {
    const first = valueOf((await scrape(t.app.url)).samples, "ledgerline_graphql_requests_total", { operation: "anonymous", type: "query", code: "OK", transport: "http" });
    await t.post(`{ organizations { id } }`);
    expect(valueOf((await scrape(t.app.url)).samples, "ledgerline_graphql_requests_total", { operation: "anonymous", type: "query", code: "OK", transport: "http" })).toBe(first + 1);
  });
});

describe("LEDGERLINE_METRICS=off", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline({ env: { LEDGERLINE_METRICS: "off" } });
  });
  afterAll(() => t?.close());

  it("answers 404 at /metrics, and the API still works", async () => {
    expect((await scrape(t.app.url)).status).toBe(404);
    expect((await t.post(`{ organizations { id } }`)).body.errors).toBeUndefined();
  });
});

describe("GET /metrics with triggers on", () => {
  let t: TriggerLedgerline;
  beforeAll(async () => {
    t = await startTriggerLedgerline({ env: { XERO_WEBHOOK_KEY: WEBHOOK_KEY } });
    await t.poll("Invoice");
  });
  afterAll(() => t?.close());

  it("reports poll lag, mirror lag, budget and the event log's head for the organization", async () => {
    const { samples } = await scrape(t.app.url);
    const poll = valueOf(samples, "ledgerline_poll_lag_seconds", { organization: t.organizationId, entity: "Invoice" });
    expect(samplesOf(samples, "ledgerline_poll_lag_seconds", { organization: t.organizationId, entity: "Invoice" })).toHaveLength(1);
    expect(poll).toBeGreaterThanOrEqual(0);
    expect(poll).toBeLessThan(600);
    const mirror = samplesOf(samples, "ledgerline_mirror_lag_seconds", { organization: t.organizationId, entity: "Invoice" });
    expect(mirror).toHaveLength(1);
    expect(mirror[0]!.value).toBeGreaterThanOrEqual(0);
    expect(valueOf(samples, "ledgerline_budget_remaining_calls", { organization: t.organizationId, window: "minute" })).toBeLessThan(60);
    expect(valueOf(samples, "ledgerline_upstream_calls_total", { provider: "XERO", organization: t.organizationId })).toBeGreaterThan(0);
    const events = (await t.allEvents()).length;
    const head = samplesOf(samples, "ledgerline_event_log_head_sequence");
    expect(head).toHaveLength(1);
    expect(head[0]!.value).toBeGreaterThanOrEqual(events);
  });

  it("counts webhook deliveries by outcome", async () => {
    const url = new URL("/webhooks/xero", t.app.url);
    const payload = Buffer.from(JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "ABCDEFGHIJKLMNOPQRST" }));
    const post = (signature: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-xero-signature": signature }, body: payload });
    expect((await post(signXeroWebhook(payload, WEBHOOK_KEY))).status).toBe(200);
    expect((await post(signXeroWebhook(payload, "another-key-0123456789abcdef"))).status).toBe(401);
    const { samples } = await scrape(t.app.url);
    expect(valueOf(samples, "ledgerline_webhook_deliveries_total", { provider: "xero", outcome: "accepted" })).toBe(1);
    expect(valueOf(samples, "ledgerline_webhook_deliveries_total", { provider: "xero", outcome: "refused_signature" })).toBe(1);
  });

  it("counts open graphql-ws subscriptions, and operations over graphql-ws by transport", async () => {
    const gauge = async () => valueOf((await scrape(t.app.url)).samples, "ledgerline_subscriptions", { transport: "ws" });
    expect(await gauge()).toBe(0);
    const subscriber = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), `subscription Watch { invoiceEvents { type } }`, {}, "invoiceEvents");
    await expect.poll(gauge, { timeout: 10_000 }).toBe(1);
    await subscriber.stop();
    await expect.poll(gauge, { timeout: 10_000 }).toBe(0);

    const query = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), `query WsOrgs { organizations { id } }`, {}, "organizations");
    await query.waitFor(1);
    await query.stop();
    const bad = subscribe(wsClient(t.app.wsUrl, t.app.localApiKey!), `query WsBad($o: ID!) { organization(id: $o) { invoices(first: -1) { edges { node { id } } } } }`, { o: t.organizationId }, "organization");
    await expect.poll(() => bad.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await bad.stop();
    const { samples } = await scrape(t.app.url);
    expect(valueOf(samples, "ledgerline_graphql_requests_total", { operation: "Watch", type: "subscription", code: "OK", transport: "ws" })).toBe(1);
    expect(valueOf(samples, "ledgerline_graphql_requests_total", { operation: "WsOrgs", type: "query", code: "OK", transport: "ws" })).toBe(1);
    expect(valueOf(samples, "ledgerline_graphql_requests_total", { operation: "WsBad", type: "query", code: "BAD_USER_INPUT", transport: "ws" })).toBe(1);
    expect(samplesOf(samples, "ledgerline_graphql_request_duration_seconds_count", { operation: "WsOrgs" })).toEqual([]);
  });
});

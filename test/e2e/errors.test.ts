import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { organizationScope } from "../../src/organizations/adapter-pool.js";
import { xeroCredentialsStore } from "../../connectors/xero/auth/credentials-store.js";

const INVOICES = `query($o: ID!, $first: Int, $after: String, $f: InvoiceFilter) { organization(id: $o) { invoices(first: $first, after: $after, filter: $f) { edges { node { id } } } } }`;
const codeOf = (body: { errors?: Array<{ extensions?: Record<string, any> }> }) => body.errors?.[0]?.extensions?.code;

describe("every error code the read path produces, end to end", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("UNAUTHENTICATED (401) without a key or with a wrong one", async () => {
    for (const key of [null, "ll_not-a-real-key"]) {
      const { status, body } = await t.post("{ organizations { id } }", {}, key);
      expect(status).toBe(401);
      expect(codeOf(body)).toBe("UNAUTHENTICATED");
    }
  });

  it("NOT_FOUND for an unknown organization, and for one the key was not granted", async () => {
    expect(codeOf((await t.post(`{ organization(id: "org_missing") { id } }`)).body)).toBe("NOT_FOUND");
    const { key } = await t.app.services.apiKeys.create({ name: "partner", organizationIds: [] });
    expect((await t.post("{ organizations { id } }", {}, key)).body.data).toEqual({ organizations: [] });
    const hidden = await t.post(INVOICES, { o: t.organizationId }, key);
    expect(codeOf(hidden.body)).toBe("NOT_FOUND");
  });

  it("BAD_USER_INPUT naming the field: page size, cursor, ids, contact filter, date range", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 0 }, "first"],
      [{ first: 500 }, "first"],
      [{ after: "bm90LWEtY3Vyc29y" }, "after"],
      [{ f: { contactId: "garbage" } }, "filter.contactId"],
      [{ f: { dateFrom: "2026-02-01", dateTo: "2026-01-01" } }, "filter.dateFrom"],
    ];
    for (const [variables, field] of cases) {
      const { body } = await t.post(INVOICES, { o: t.organizationId, ...variables });
      expect(codeOf(body), JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(body.errors![0].extensions!.fields[0].field).toBe(field);
    }
    expect(codeOf((await t.post(`{ node(id: "nope") { id } }`)).body)).toBe("BAD_USER_INPUT");
  });

  it("NOT_SUPPORTED naming the provider and the operation", async () => {
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { purchaseOrders(filter: { search: "x" }) { edges { node { id } } } } }`, { o: t.organizationId });
    expect(codeOf(body)).toBe("NOT_SUPPORTED");
    expect(body.errors![0].message).toMatch(/XERO does not support filtering PurchaseOrder by search/);
    expect(body.errors![0].extensions).toMatchObject({ provider: "XERO" });
  });

  it("QUERY_TOO_COMPLEX before any upstream call", async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: invoices(first: 200) { edges { node { id lineItems { description } contact { name } } } }`).join(" ");
    const before = t.xero.stats.total;
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { ${aliases} } }`, { o: t.organizationId });
    expect(codeOf(body)).toBe("QUERY_TOO_COMPLEX");
    expect(t.xero.stats.total).toBe(before);
  });

  it("FORBIDDEN when the provider refuses the organization's tenant", async () => {
    const { organizations, connectorStore, secrets } = t.app.services;
    const original = (await organizations.get(t.organizationId))!;
    const stray = await organizations.create({ provider: original.provider, name: "Stray tenant", settings: { ...original.settings, tenantId: randomUUID() } });
    const credentials = await xeroCredentialsStore(organizationScope(connectorStore, original.id), secrets).load(original.id);
    await xeroCredentialsStore(organizationScope(connectorStore, stray.id), secrets).save(stray.id, credentials!);
    const { body } = await t.post(INVOICES, { o: stray.id });
    expect(codeOf(body)).toBe("FORBIDDEN");
  });

  it("PROVIDER_AUTH_EXPIRED when the connection was revoked at the provider", async () => {
    const { connectorStore, secrets } = t.app.services;
    const credentials = await xeroCredentialsStore(organizationScope(connectorStore, t.organizationId), secrets).load(t.organizationId);
    const basic = Buffer.from(`${t.xero.clientId}:${t.xero.clientSecret}`).toString("base64");
    const revoked = await fetch(`${t.xero.url}/connect/revocation`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: credentials!.tokenSet.refreshToken }),
    });
    expect(revoked.status).toBe(200);
    const { body } = await t.post(INVOICES, { o: t.organizationId, first: 1 });
    expect(codeOf(body)).toBe("PROVIDER_AUTH_EXPIRED");
    expect(body.errors![0].message).toMatch(/reconnect/i);
  });
});

describe("provider rate limits, end to end", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline({ sandboxLimits: { perDay: 4 } });
  });
  afterAll(() => t?.close());

  it("PROVIDER_RATE_LIMITED with the provider's Retry-After once its daily budget is spent", async () => {
    let body: Awaited<ReturnType<TestLedgerline["post"]>>["body"] = {};
    for (let i = 0; i < 6 && !body.errors; i++) body = (await t.post(INVOICES, { o: t.organizationId, first: 1, after: null })).body;
    expect(codeOf(body)).toBe("PROVIDER_RATE_LIMITED");
    expect(body.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(60);
    const paused = await t.post(INVOICES, { o: t.organizationId, first: 1 });
    expect(codeOf(paused.body), "later calls wait out the pause without spending budget").toBe("PROVIDER_RATE_LIMITED");
  });
});

describe("provider outage, end to end", () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("PROVIDER_UNAVAILABLE when the provider cannot be reached", async () => {
    await t.xero.close();
    const { body } = await t.post(INVOICES, { o: t.organizationId, first: 1 });
    expect(codeOf(body)).toBe("PROVIDER_UNAVAILABLE");
  });
});

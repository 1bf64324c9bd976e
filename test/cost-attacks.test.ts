import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import { getIntrospectionQuery } from "graphql";
import WebSocket from "ws";
import { startTestLedgerline, type TestLedgerline } from "./e2e/start-test-ledgerline.js";
import { runOverWs } from "./support/start-test-gateway.js";

/**
 * The security probe's cost attacks, replayed against the real gateway on its sandboxes with the
 * default limits: each is refused with QUERY_TOO_COMPLEX, on HTTP and graphql-ws, before a single
 * upstream call (counted by the sandboxes themselves).
 */
let t: TestLedgerline;
let ws: Client;
beforeAll(async () => {
  t = await startTestLedgerline();
  ws = createClient({ url: t.app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${t.app.localApiKey}` } });
}, 120_000);
afterAll(async () => {
  await ws?.dispose();
  await t?.close();
});

const upstreamCalls = () => t.app.sandboxes.reduce((sum, s) => sum + s.requestCount(), 0);
const times = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => field(i)).join(" ");
const PAGE = "invoices(first: 200) { edges { node { id number total contact { id name } } } }";

/** Sends `query` over HTTP and graphql-ws; both must refuse it with QUERY_TOO_COMPLEX and no upstream call. */
async function expectRefused(query: string, extensions: Record<string, unknown>) {
  const before = upstreamCalls();
  const { status, body } = await t.post(query);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", ...extensions });
  const overWs = await runOverWs(ws, { query });
  expect(overWs.results).toEqual([]);
  expect(overWs.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "QUERY_TOO_COMPLEX", ...extensions }) })]);
  expect(upstreamCalls() - before).toBe(0);
}

describe("cost attacks on the real gateway", () => {
  it("one page of 200 invoices runs; forty aliases of it are refused", async () => {
    const one = await t.post(`{ organization(id: "${t.organizationId}") { ${PAGE} } }`);
    expect(one.status).toBe(200);
    expect(one.body.data!.organization.invoices.edges.length).toBeGreaterThan(0);
    await expectRefused(`{ organization(id: "${t.organizationId}") { ${times(40, (i) => `a${i}: ${PAGE}`)} } }`, { cost: 72_041, limit: 10_000 });
  });

  it("padding the aliases with 10,000 `__typename` aliases no longer switches the limit off", async () => {
    const flood = `{ organization(id: "${t.organizationId}") { ${times(40, (i) => `a${i}: ${PAGE}`)} } ${times(10_000, (i) => `p${i}: __typename`)} }`;
    await expectRefused(flood, { selections: 10_361, maxSelections: 10_000 });
  });

  it("a hundred aliases of nodes(ids) with a hundred ids each are refused", async () => {
    const ids = `[${times(100, (i) => `"id-${i}",`)}]`;
    await expectRefused(`{ ${times(100, (i) => `n${i}: nodes(ids: ${ids}) { id }`)} }`, { cost: 10_100, limit: 10_000 });
  });

  it("five report aliases are refused; one runs", async () => {
    await expectRefused(`{ organization(id: "${t.organizationId}") { ${times(5, (i) => `r${i}: balanceSheet { balanced }`)} } }`, { cost: 10_006 });
    const one = await t.post(`{ organization(id: "${t.organizationId}") { balanceSheet { balanced } } }`);
    expect(one.body).toEqual({ data: { organization: { balanceSheet: { balanced: true } } } });
  });

  it("2,400 aliases of capabilities (no upstream call, 348 rows each) are refused; the whole matrix of every organization runs", async () => {
    const flood = `{ organizations { ${times(2_400, (i) => `c${i}: capabilities { notes operation }`)} } }`;
    await expectRefused(flood, { limit: 10_000 });
    const normal = await t.post("{ organizations { id capabilities { subject operation supported notes } } }");
    expect(normal.status).toBe(200);
    expect(normal.body.errors).toBeUndefined();
    expect(normal.body.data!.organizations.length).toBe(t.app.sandboxes.length);
    expect(normal.body.data!.organizations[0].capabilities.length).toBe(348);
  });

  it("1,100 aliases of __schema are refused naming the limit; the standard introspection query runs", async () => {
    const flood = `{ ${times(1_100, (i) => `s${i}: __schema { types { name fields { name args { name } type { name } } } }`)} }`;
    await expectRefused(flood, { code: "GRAPHQL_VALIDATION_FAILED", introspectionField: "__schema", limit: 1 });
    const { body } = await t.post(flood);
    expect(body.errors![0]!.message).toContain("selects '__schema' 1100 times");
    const standard = await t.post(getIntrospectionQuery({ descriptions: true }));
    expect(standard.status).toBe(200);
    expect(standard.body.data!.__schema.types.length).toBeGreaterThan(50);
  });

  it("organizations { … } is priced once per organization the key sees: 12 aliases of a 200-invoice page are refused, one page runs", async () => {
    const organizations = t.app.sandboxes.length;
    expect(organizations).toBeGreaterThan(1);
    const page = (i: number) => `i${i}: invoices(first: 200) { edges { node { id number } } }`;
    // 1 + organizations × 12 × (1 + 200 × 4); it was priced as one organization (9,613) and returned 7,200 invoices.
    await expectRefused(`{ organizations { ${times(12, page)} } }`, { cost: 1 + organizations * 12 * 801, limit: 10_000 });
    const one = await t.post(`{ organizations { id ${page(0)} } }`);
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data!.organizations.length).toBe(organizations);
  });
});

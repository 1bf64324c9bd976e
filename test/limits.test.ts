import { getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import type { Client } from "graphql-ws";
import { createValidationRules } from "../src/server/index.js";
import { createTestSchema } from "./support/test-schema.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runOverWs, startTestGateway, type TestGateway } from "./support/start-test-gateway.js";

// The test gateway allows depth 5 (top-level fields are depth 0) and complexity 100.
const nested = (levels: number) => `{ node { ${"child { ".repeat(levels)}name${" }".repeat(levels)} } }`;
const AT_DEPTH_LIMIT = nested(4); // name sits at depth 5
const TOO_DEEP = nested(5); // name sits at depth 6
// Each invoice costs 1 (id) + 5 (contact) + 1 (contact.id) = 7; the list multiplies by `first`.
const invoices = (first: number) => `{ invoices(first: ${first}) { id contact { id } } }`;
const COSTLY_WITH_VARIABLES = "query Costly($first: Int!) { invoices(first: $first) { id contact { id } } }";

let gateway: TestGateway;
let client: Client;
beforeAll(async () => {
  gateway = await startTestGateway({ maxDepth: 5, maxComplexity: 100 });
  client = gateway.wsClient();
});
afterAll(async () => {
  await client?.dispose();
  await gateway?.stop();
});

function expectTooComplex(error: { message: string; extensions?: Record<string, unknown> } | undefined, cost: number) {
  expect(error?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost, limit: 100 });
  expect(error?.message).toContain(`estimated cost ${cost}`);
  expect(error?.message).toContain("limit of 100");
}

describe("depth limit", () => {
  test("HTTP: a query at the limit runs", async () => {
    const { status, body } = await gateway.post({ query: AT_DEPTH_LIMIT });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test("HTTP: one level deeper is refused before execution", async () => {
    const { status, body } = await gateway.post({ query: TOO_DEEP });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", maxDepth: 5 });
    expect(body.errors![0]!.message).toContain("limit of 5 levels");
  });

  test("graphql-ws: the same query runs at the limit and is refused deeper", async () => {
    expect((await runOverWs(client, { query: AT_DEPTH_LIMIT })).results[0]!.errors).toBeUndefined();
    const refused = await runOverWs(client, { query: TOO_DEEP });
    expect(refused.results).toEqual([]);
    expect(refused.error).toMatchObject([{ extensions: { code: "GRAPHQL_VALIDATION_FAILED", maxDepth: 5 } }]);
  });

  test("graphql-ws: subscriptions are held to the depth limit too", async () => {
    const deep = `subscription { nodeChanged { ${"child { ".repeat(5)}name${" }".repeat(5)} } }`;
    const refused = await runOverWs(client, { query: deep });
    expect(refused.error).toMatchObject([{ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });
});

describe("complexity limit", () => {
  test("HTTP: a query under the limit runs", async () => {
    const { status, body } = await gateway.post({ query: invoices(10) });
    expect(status).toBe(200);
    expect((body.data as { invoices: unknown[] }).invoices).toHaveLength(10);
  });

  test("HTTP: an over-limit query is refused with QUERY_TOO_COMPLEX, its cost and the limit", async () => {
    const { status, body } = await gateway.post({ query: invoices(50) });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expectTooComplex(body.errors![0], 350);
  });

  test("HTTP: the cost follows variables", async () => {
    expect((await gateway.post({ query: COSTLY_WITH_VARIABLES, variables: { first: 14 } })).status).toBe(200);
    const { status, body } = await gateway.post({ query: COSTLY_WITH_VARIABLES, variables: { first: 15 } });
    expect(status).toBe(400);
    expectTooComplex(body.errors![0], 105);
  });

  test("graphql-ws: queries under the limit run, over-limit ones get QUERY_TOO_COMPLEX", async () => {
    expect((await runOverWs(client, { query: invoices(10) })).results[0]!.errors).toBeUndefined();
    const refused = await runOverWs(client, { query: COSTLY_WITH_VARIABLES, variables: { first: 15 } });
    expect(refused.results).toEqual([]);
    expectTooComplex((refused.error as [{ message: string; extensions: Record<string, unknown> }])[0], 105);
  });

  test("graphql-ws: subscriptions are priced before they start", async () => {
    const ok = await runOverWs(client, { query: "subscription { invoiceCreated(first: 2) { id } }" });
    expect(ok.results).toEqual([{ data: { invoiceCreated: [{ id: "inv-1" }] } }]);
    const refused = await runOverWs(client, { query: "subscription { invoiceCreated(first: 50) { id contact { id } } }" });
    expectTooComplex((refused.error as [{ message: string; extensions: Record<string, unknown> }])[0], 350);
  });
});

describe("introspection", () => {
  const MULTIPLYING = "{ __schema { types { fields { type { fields { name } } } } } }";

  test("the standard introspection query passes the shared rules, even at a small depth limit", () => {
    const rules = [...specifiedRules, ...createValidationRules({ maxDepth: 2 })];
    expect(validate(createTestSchema(), parse(getIntrospectionQuery({ descriptions: true })), rules)).toEqual([]);
  });

  test("introspection that nests a list field inside itself is refused, also through fragments", () => {
    const rules = [...specifiedRules, ...createValidationRules({ maxDepth: 10 })];
    const viaFragment = "{ __type(name: \"Query\") { ...F } } fragment F on __Type { fields { type { ofType { fields { name } } } } }";
    for (const query of [MULTIPLYING, viaFragment]) {
      expect(validate(createTestSchema(), parse(query), rules).map((e) => e.message)).toEqual([expect.stringContaining("may not nest 'fields' inside 'fields'")]);
    }
  });

  test("HTTP and graphql-ws both refuse it", async () => {
    const { status, body } = await gateway.post({ query: MULTIPLYING });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
    const refused = await runOverWs(client, { query: MULTIPLYING });
    expect(refused.error).toMatchObject([{ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });
});

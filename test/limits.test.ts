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

  test("one __schema and ten __type fit; a second __schema or an eleventh __type is refused, fragments counted wherever spread", () => {
    const rules = [...specifiedRules, ...createValidationRules({ maxDepth: 10 })];
    const check = (query: string) => validate(createTestSchema(), parse(query), rules).map((e) => [e.message, e.extensions]);
    const types = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: __type(name: "Query") { name }`).join(" ");
    expect(check(`{ __schema { queryType { name } } ${types(10)} }`)).toEqual([]);
    expect(check(`{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`)).toEqual([[expect.stringContaining("selects '__schema' 2 times"), { introspectionField: "__schema", limit: 1 }]]);
    expect(check(`{ ${types(11)} }`)).toEqual([[expect.stringContaining("the limit is 10"), { introspectionField: "__type", limit: 10 }]]);
    expect(check("{ ...F ...F } fragment F on Query { __schema { queryType { name } } }")).toEqual([[expect.stringContaining("selects '__schema' 2 times"), expect.anything()]]);
  });

  test("HTTP and graphql-ws both refuse it", async () => {
    const { status, body } = await gateway.post({ query: MULTIPLYING });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
    const refused = await runOverWs(client, { query: MULTIPLYING });
    expect(refused.error).toMatchObject([{ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });
});

describe("no operation runs unpriced", () => {
  // 40 aliases of a page that fits alone (14 × 7 = 98; 4 selections each), padded with 10,000 `__typename` aliases.
  const page = "invoices(first: 14) { id contact { id } }";
  const FLOOD = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: ${page}`).join(" ")} ${Array.from({ length: 10_000 }, (_, i) => `p${i}: __typename`).join(" ")} }`;

  test("HTTP: an alias flood too big to price is refused with QUERY_TOO_COMPLEX, not run", async () => {
    const { status, body } = await gateway.post({ query: FLOOD });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", selections: 10_160, maxSelections: 10_000 });
    expect(body.errors![0]!.message).toContain("selects 10160 fields");
  });

  test("graphql-ws: the same flood is refused the same way, with no `http` hint in the error", async () => {
    const refused = await runOverWs(client, { query: FLOOD });
    expect(refused.results).toEqual([]);
    expect(refused.error).toEqual([expect.objectContaining({ extensions: { code: "QUERY_TOO_COMPLEX", selections: 10_160, maxSelections: 10_000 } })]);
  });

  test("a fragment bomb (each fragment spreading the next twice) is counted in full and refused", async () => {
    const bomb = `{ ...B0 } ${Array.from({ length: 40 }, (_, i) => `fragment B${i} on Query { ${i === 39 ? "hello" : `...B${i + 1} ...B${i + 1}`} }`).join(" ")}`;
    const { status, body } = await gateway.post({ query: bomb });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxSelections: 10_000 });
    expect(body.errors![0]!.message).toContain("selects more than 10000 fields");
  });

  test("a variable that makes an argument unreadable refuses the whole operation, instead of running the rest unpriced", async () => {
    // `$n` is nullable with a default, so validation allows it at `first: Int!`; an explicit null cannot be priced.
    const query = "query($n: Int = 5) { a: invoices(first: $n) { id } b: invoices(first: 14) { id contact { id } } }";
    const { status, body } = await gateway.post({ query, variables: { n: null } });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(body.errors![0]!.message).toContain('Argument "first" of non-null type "Int!" must not be null');
  });

  test("a document nested too deeply for the parser answers GRAPHQL_PARSE_FAILED saying so", async () => {
    const query = `${"{a".repeat(150_000)}${"}".repeat(150_000)}`;
    const { status, body } = await gateway.post({ query });
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ message: expect.stringMatching(/^This document nests too deeply to be parsed/), extensions: { code: "GRAPHQL_PARSE_FAILED" } });
  });

  test("a negative page size cannot pay for the rest of the operation", async () => {
    const query = `{ a: invoices(first: -1000) { id contact { id } } b: invoices(first: 14) { id contact { id } } }`;
    const { status, body } = await gateway.post({ query });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(body.errors![0]!.message).toContain("Query.invoices cannot be priced with the arguments {\"first\":-1000}: a page size (first) must be a positive number");
  });

  test("variables that do not coerce, and an unknown operation name, are refused before execution on both paths", async () => {
    const badVariable = { query: COSTLY_WITH_VARIABLES, variables: { first: "ten" } };
    const http = await gateway.post(badVariable);
    expect(http.status).toBe(400);
    expect(http.body.errors![0]).toMatchObject({ message: expect.stringContaining('Variable "$first" got invalid value "ten"'), extensions: { code: "BAD_USER_INPUT" } });
    const ws = await runOverWs(client, badVariable);
    expect(ws.error).toEqual([expect.objectContaining({ message: expect.stringContaining('Variable "$first" got invalid value "ten"'), extensions: { code: "BAD_USER_INPUT" } })]);
    const unknown = await gateway.post({ query: "query A { hello } query B { hello }", operationName: "C" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.message).toContain('Unknown operation named "C". Set operationName to one of: A, B.');
    const ambiguous = await runOverWs(client, { query: "query A { hello } query B { hello }" });
    expect(ambiguous.error).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("set operationName") })]);
  });
});

describe("graphql's own validation comes first", () => {
  const CYCLE = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
  const CYCLE_MESSAGE = 'Cannot spread fragment "A" within itself via "B".';

  test("a fragment cycle gets graphql's own error alone from the shared rules", () => {
    const rules = [...specifiedRules, ...createValidationRules({ maxDepth: 5 })];
    expect(validate(createTestSchema(), parse(CYCLE), rules).map((e) => e.message)).toEqual([CYCLE_MESSAGE]);
    const unknown = validate(createTestSchema(), parse("{ ...Missing node { ...Deep } } fragment Deep on Node { child { ...Deep } }"), rules);
    expect(unknown.map((e) => e.message)).toEqual(['Unknown fragment "Missing".', 'Cannot spread fragment "Deep" within itself.']);
  });

  test("HTTP: 400 GRAPHQL_VALIDATION_FAILED naming the cycle, nothing logged, nothing printed", async () => {
    const printed: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    const logged = gateway.logger.entries.length;
    try {
      const { status, body } = await gateway.post({ query: CYCLE });
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ message: CYCLE_MESSAGE, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([]);
    expect(gateway.logger.entries.slice(logged).filter((e) => e.level !== "debug")).toEqual([]);
  });

  test("graphql-ws: the same answer", async () => {
    const refused = await runOverWs(client, { query: CYCLE });
    expect(refused.error).toEqual([expect.objectContaining({ message: CYCLE_MESSAGE, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
  });

  test("a chain of 5,000 fragments (which overflows graphql's own cycle check) is refused by the nesting limit first, on both paths", async () => {
    const chain = `{ ...H0 } ${Array.from({ length: 5000 }, (_, i) => `fragment H${i} on Query { ${i === 4999 ? "hello" : `...H${i + 1}`} }`).join(" ")}`;
    const { status, body } = await gateway.post({ query: chain });
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED", nesting: 5001, maxNesting: 200 } })]);
    expect(body.errors![0]!.message).toContain("nests selections 5001 levels deep");
    const refused = await runOverWs(client, { query: chain });
    expect(refused.error).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED", nesting: 5001, maxNesting: 200 } })]);
  });

  test("the nesting limit is 200, or twice the depth limit when that is larger", () => {
    const chain = (n: number) => parse(`{ ...H0 } ${Array.from({ length: n }, (_, i) => `fragment H${i} on Query { ${i === n - 1 ? "hello" : `...H${i + 1}`} }`).join(" ")}`);
    const errors = (n: number, maxDepth: number) => validate(createTestSchema(), chain(n), [...specifiedRules, ...createValidationRules({ maxDepth })]).map((e) => e.extensions);
    expect(errors(199, 10)).toEqual([]);
    expect(errors(200, 10)).toEqual([{ nesting: 201, maxNesting: 200 }]);
    expect(errors(299, 150)).toEqual([]);
    expect(errors(300, 150)).toEqual([{ nesting: 301, maxNesting: 300 }]);
  });

  test("depth is still counted through fragments, each fragment once", () => {
    const rules = [...specifiedRules, ...createValidationRules({ maxDepth: 5 })];
    const viaFragments = "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { child { child { name } } } } }";
    expect(validate(createTestSchema(), parse(viaFragments), rules).map((e) => e.message)).toEqual([expect.stringContaining("6 levels deep, deeper than the limit of 5 levels")]);
  });
});

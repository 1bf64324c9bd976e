import { readdir, readFile } from "node:fs/promises";
import { Kind, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../schema/build-schema.js";
import { loadConfig } from "../src/config/index.js";
import { estimateComplexity } from "../src/server/complexity-limit.js";
import { sampleVariables } from "./support/sample-values.js";

/** The default limit, as the configuration gives it. */
const DEFAULT_LIMIT = loadConfig({}).maxComplexity;
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const cost = (query: string, variables?: Record<string, unknown>) => estimateComplexity({ schema, document: parse(query), variables });
const org = (fields: string) => `{ organization(id: "org_1") { ${fields} } }`;
const times = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => field(i)).join(" ");

describe("pricing on the real schema", () => {
  it("the default limit is 10,000", () => {
    expect(DEFAULT_LIMIT).toBe(10_000);
  });

  it("nodes(ids) costs per id, like a list page: 1 + ids × what each record selects", () => {
    const ids = (n: number) => `[${times(n, (i) => `"id-${i}",`)}]`;
    expect(cost(`{ nodes(ids: ${ids(1)}) { id } }`)).toBe(2);
    expect(cost(`{ nodes(ids: ${ids(100)}) { id } }`)).toBe(101);
    expect(cost(`{ nodes(ids: ${ids(100)}) { id updatedAt } }`)).toBe(201);
    expect(cost("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: 50 }, (_, i) => `id-${i}`) })).toBe(51);
    // The probe's 100 aliases × 100 ids cost 200 before; now they are over the default limit.
    expect(cost(`{ ${times(100, (i) => `n${i}: nodes(ids: ${ids(100)}) { id }`)} }`)).toBeGreaterThan(DEFAULT_LIMIT);
  });

  it("a report is priced by the upstream calls it may make: four fit under the default limit, five do not", () => {
    const report = (i: number) => (i % 2 ? `r${i}: profitAndLoss { balanced }` : `r${i}: balanceSheet { balanced }`);
    // organization 1 + (10 upstream calls × 200 + balanced 1)
    expect(cost(org(report(0)))).toBe(1 + 2_000 + 1);
    expect(cost(org(times(4, report)))).toBeLessThanOrEqual(DEFAULT_LIMIT);
    expect(cost(org(times(5, report)))).toBeGreaterThan(DEFAULT_LIMIT);
  });

  it("a cash summary is priced by its columns: Xero makes one BankSummary call per column, plus the chart and profile", () => {
    // organization 1 + (max(10, periods + 3) upstream calls × 200 + balanced 1)
    expect(cost(org("cashSummary { balanced }"))).toBe(1 + 2_000 + 1);
    expect(cost(org("cashSummary(periods: 7) { balanced }"))).toBe(1 + 2_000 + 1);
    expect(cost(org("cashSummary(periods: 11) { balanced }"))).toBe(1 + 14 * 200 + 1);
  });

  it("lists keep their price: page size times what each record selects", () => {
    // organization 1 + (1 + first × (edges 1 + node 1 + id 1))
    expect(cost(org("invoices(first: 50) { edges { node { id } } }"))).toBe(1 + 1 + 50 * 3);
    expect(cost(org("invoices { edges { node { id } } }"))).toBe(1 + 1 + 20 * 3);
  });

  it("every GraphQL example in the README and every operation in schema/operations fits under the default limit", async () => {
    const readme = await readFile("README.md", "utf8");
    const documents = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    for (const file of await readdir("schema/operations")) documents.push(await readFile(`schema/operations/${file}`, "utf8"));
    let priced = 0;
    for (const text of documents) {
      const document = parse(text);
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        const price = estimateComplexity({ schema, document, operationName: operation.name?.value, variables: sampleVariables(schema, operation) });
        expect(price, operation.name?.value ?? text).toBeLessThanOrEqual(DEFAULT_LIMIT);
        priced++;
      }
    }
    expect(priced).toBeGreaterThan(20);
  });

  it("capabilities is priced by its 348 rows: a dozen aliases fit, 2,400 do not", () => {
    // organization 1 + (1 + 348 rows × (notes 1 + operation 1))
    expect(cost(org("capabilities { notes operation }"))).toBe(1 + 1 + 348 * 2);
    expect(cost(org("capabilities { subject operation supported notes }"))).toBe(1 + 1 + 348 * 4);
    expect(cost(org(times(14, (i) => `c${i}: capabilities { notes operation }`)))).toBeLessThanOrEqual(DEFAULT_LIMIT);
    expect(cost(`{ organizations { ${times(2_400, (i) => `c${i}: capabilities { notes operation }`)} } }`)).toBeGreaterThan(DEFAULT_LIMIT);
  });

  it("triggers is priced as up to one poller per entity kind (18)", () => {
    expect(cost(org("triggers { entity }"))).toBe(1 + 1 + 18 * 1);
  });

  it("organizations multiplies its children by the organizations the key sees (at least one)", () => {
    const query = `{ organizations { ${times(12, (i) => `i${i}: invoices(first: 200) { edges { node { id number } } }`)} } }`;
    const priced = (organizationCount?: number) => estimateComplexity({ schema, document: parse(query), organizationCount });
    expect(priced()).toBe(1 + 12 * 801);
    expect(priced(0)).toBe(1 + 12 * 801);
    expect(priced(1)).toBe(1 + 12 * 801);
    expect(priced(3)).toBe(1 + 3 * 12 * 801);
    expect(priced(3)).toBeGreaterThan(DEFAULT_LIMIT);
    // Only Query.organizations: organization(id) still runs its selection once.
    expect(estimateComplexity({ schema, document: parse(org("id")), organizationCount: 50 })).toBe(2);
  });

  it("a parsed document repeated is priced again for other variables or another organization count, and a refusal is never remembered", () => {
    const document = parse(`query L($n: Int!) { organizations { invoices(first: $n) { edges { node { id number } } } } }`);
    const priced = (n: unknown, organizationCount = 1) => estimateComplexity({ schema, document, variables: { n }, organizationCount });
    expect(priced(10)).toBe(1 + 41);
    expect(priced(10)).toBe(1 + 41);
    expect(priced(200)).toBe(1 + 801);
    expect(priced(10, 3)).toBe(1 + 3 * 41);
    expect(() => priced("ten")).toThrow(/Int/);
    expect(() => priced("ten")).toThrow(/Int/);
    expect(() => priced(-5)).toThrow(/cannot be priced/);
    expect(priced(10)).toBe(1 + 41);
  });
});

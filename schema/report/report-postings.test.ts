import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import type { MirrorStore } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import { fillMirrorFromLive } from "../../src/mirror/reports/testing/fill-mirror.js";
import { reportMirrorAccess } from "../../src/mirror/reports/testing/mirror-access.js";
import { mirroredEntities } from "../../src/mirror/mirror-runtime.js";
import { LEDGER_ENTITIES } from "../../src/mirror/reports/serve-report.js";
import { parse } from "graphql";
import { loadConfig } from "../../src/config/index.js";
import { estimateComplexity } from "../../src/server/complexity-limit.js";
import { MAX_POSTINGS_PER_REQUEST } from "./postings.complexity.js";
import { startSandboxOrganization as startClientary } from "../../connectors/clientary/testing/sandbox-organization.js";
import { startSandboxOrganization as startDaftra } from "../../connectors/daftra/testing/sandbox-organization.js";
import { TEST_NOW } from "../../connectors/daftra/sandbox/test/harness.js";
import { schemaContext } from "../../test/support/schema-context.js";

/** `ReportLine.postings` through the schema: the postings behind each computed line sum to it, paging, documents, bad input. */
const NOW = new Date("2026-11-15T12:00:00Z");

interface Subject {
  organization: OrganizationRecord;
  adapter: ConnectorAdapter;
  close(): Promise<void>;
  store: MirrorStore;
  mirror: MirrorAccess;
}

async function withMirror(org: { organization: OrganizationRecord; adapter: ConnectorAdapter; sandbox: { close(): Promise<void> } }, entities: string[]): Promise<Subject> {
  const store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  const mirror = reportMirrorAccess(store, org.adapter.capabilities, { now: () => new Date() });
  await fillMirrorFromLive(store, org.organization.id, org.adapter, entities as never);
  return { organization: org.organization, adapter: org.adapter, store, mirror, close: async () => { await store.close(); await org.sandbox.close(); } };
}

let schema: GraphQLSchema;
const subjects: Record<string, Subject> = {};

beforeAll(async () => {
  schema = await buildGatewaySchema();
  subjects.CLIENTARY = await withMirror(await startClientary({ sandbox: { now: () => NOW }, clock: { now: () => NOW } }), ["Invoice", "Payment", "Expense"]);
  const daftra = await startDaftra({ sandbox: { now: TEST_NOW }, clock: { now: TEST_NOW } });
  // The documents cash reports read, and every ledger entity: AUTO then keeps the journal behind accrual reports in the report cache.
  const cash = daftra.adapter.reportInputs!("ProfitAndLoss", "CASH" as never);
  const listed = new Set(mirroredEntities(daftra.adapter.capabilities));
  const entities = new Set([...(cash.kind === "BOOKS" ? cash.entities : []), ...LEDGER_ENTITIES.filter((e) => listed.has(e))]);
  subjects.DAFTRA = await withMirror(daftra, [...entities]);
});
afterAll(async () => {
  for (const s of Object.values(subjects)) await s.close();
});

function context(s: Subject): GatewayContext & { mirror?: MirrorAccess } {
  return schemaContext(s, { mirror: s.mirror });
}

type Result = { data?: any; errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, any> }> };

async function run(s: Subject, source: string, variables: Record<string, unknown> = {}): Promise<Result> {
  return (await graphql({ schema, source, variableValues: { id: s.organization.id, ...variables }, contextValue: context(s) })) as Result;
}

const LINE = /* GraphQL */ `
  fragment Line on ReportLine {
    name accountRemoteId amounts
    p0: postings(period: 0, first: 200) { totalCount edges { node { lineAmount amount date } } }
    p1: postings(period: 1, first: 200) { totalCount edges { node { lineAmount amount date } } }
  }
  fragment Section on ReportSection { key lines { ...Line } sections { key lines { ...Line } } }
`;

const PNL = /* GraphQL */ `
  ${LINE}
  query Pnl($id: ID!, $basis: ReportBasis!) {
    organization(id: $id) {
      profitAndLoss(fromDate: "2026-10-01", toDate: "2026-10-31", periods: 1, timeframe: MONTH, basis: $basis) { periods { fromDate toDate } sections { ...Section } }
    }
  }
`;
const BS = /* GraphQL */ `
  ${LINE}
  query Bs($id: ID!, $basis: ReportBasis!) {
    organization(id: $id) {
      balanceSheet(date: "2026-10-31", periods: 1, timeframe: MONTH, basis: $basis) { periods { fromDate toDate } sections { ...Section } }
    }
  }
`;

const BS_PAGE = /* GraphQL */ `
  fragment PageLine on ReportLine {
    accountRemoteId
    postings(period: $period, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { lineAmount amount date sourceType sourceId } } }
  }
  query BsPage($id: ID!, $basis: ReportBasis!, $period: Int!, $first: Int, $after: String) {
    organization(id: $id) {
      balanceSheet(date: "2026-10-31", periods: 1, timeframe: MONTH, basis: $basis) {
        sections { lines { ...PageLine } sections { lines { ...PageLine } } }
      }
    }
  }
`;

/** Every posting of one balance-sheet line in one column, page by page (`first`/`after`). */
async function pageThrough(s: Subject, basis: string, account: string, period: number, first: number) {
  const edges: any[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result = await run(s, BS_PAGE, { basis, period, first, after });
    expect(result.errors).toBeUndefined();
    const page = linesOf(result.data.organization.balanceSheet.sections).find((l) => l.accountRemoteId === account)!.postings;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    edges.push(...page.edges);
    pages++;
    if (!page.pageInfo.hasNextPage) return { edges, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

interface Line { name: string; accountRemoteId: string | null; amounts: string[]; p0: any; p1: any; postings?: any }
const linesOf = (sections: any[]): Line[] => sections.flatMap((s) => [...s.lines, ...linesOf(s.sections ?? [])]);
const sum = (edges: Array<{ node: { lineAmount: string } }>) => edges.reduce((t, e) => t.plus(e.node.lineAmount), new Decimal(0)).toFixed(2);

/** Retained earnings on an account: the line also carries earlier years' profit, which no posting of the account holds. */
const RETAINED = new Set(["retained"]);

describe.each([
  ["CLIENTARY", "ACCRUAL"],
  ["CLIENTARY", "CASH"],
  ["DAFTRA", "ACCRUAL"],
  ["DAFTRA", "CASH"],
])("%s %s: a computed line's postings sum to its amount in each column", (provider, basis) => {
  it("profit and loss (each column its own period)", async () => {
    const result = await run(subjects[provider]!, PNL, { basis });
    expect(result.errors).toBeUndefined();
    const report = result.data.organization.profitAndLoss;
    const lines = linesOf(report.sections);
    expect(lines.length).toBeGreaterThan(0);
    let counted = 0;
    for (const line of lines) {
      expect(line.accountRemoteId).not.toBeNull();
      [line.p0, line.p1].forEach((page, i) => {
        expect(page.totalCount).toBe(page.edges.length);
        expect({ line: line.name, i, sum: sum(page.edges) }).toEqual({ line: line.name, i, sum: line.amounts[i] });
        for (const e of page.edges) expect(e.node.date >= report.periods[i].fromDate && e.node.date <= report.periods[i].toDate).toBe(true);
        counted += page.totalCount;
      });
    }
    expect(counted).toBeGreaterThan(0);
  });

  it("balance sheet (a column: everything up to its date, newest first); computed lines have no postings", async () => {
    const result = await run(subjects[provider]!, BS, { basis });
    expect(result.errors).toBeUndefined();
    const report = result.data.organization.balanceSheet;
    let checked = 0;
    for (const line of linesOf(report.sections)) {
      if (!line.accountRemoteId) {
        expect([line.p0.totalCount, line.p1.totalCount]).toEqual([0, 0]);
        continue;
      }
      if (RETAINED.has(line.accountRemoteId)) continue;
      for (const [i, first] of [line.p0, line.p1].entries()) {
        const page = first.totalCount > first.edges.length ? await pageThrough(subjects[provider]!, basis, line.accountRemoteId, i, 200) : first;
        expect(page.edges.length).toBe(page.totalCount);
        expect({ line: line.name, i, sum: sum(page.edges) }).toEqual({ line: line.name, i, sum: line.amounts[i] });
        const dates = page.edges.map((e: any) => e.node.date);
        expect(dates).toEqual([...dates].sort().reverse());
        expect(dates.every((d: string) => d <= report.periods[i].toDate)).toBe(true);
        checked += page.totalCount;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 240_000);
});

const DOCS = /* GraphQL */ `
  query Docs($id: ID!, $basis: ReportBasis!) {
    organization(id: $id) {
      profitAndLoss(fromDate: "2026-07-01", toDate: "2026-10-31", basis: $basis) {
        sections { key lines { name postings(first: 200) { edges { node { sourceType sourceId
          document { __typename id remoteId ... on Invoice { number total } ... on Payment { amount } ... on Expense { total } } } } } } }
      }
    }
  }
`;

async function documents(provider: string, basis: string) {
  const result = await run(subjects[provider]!, DOCS, { basis });
  expect(result.errors).toBeUndefined();
  const income = result.data.organization.profitAndLoss.sections.find((s: any) => s.key === "INCOME");
  return income.lines.flatMap((l: any) => l.postings.edges.map((e: any) => e.node));
}

describe("document: the record behind a posting, through the request's loaders", () => {
  it("Clientary accrual: sales postings are their Invoice (the engine's INVOICE source)", async () => {
    const nodes = await documents("CLIENTARY", "ACCRUAL");
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.sourceType).toBe("INVOICE");
      expect(n.document).toMatchObject({ __typename: "Invoice", remoteId: n.sourceId, number: expect.any(String), total: expect.any(String) });
    }
  });

  it("Clientary cash: sales are recognised by the Payment that settled the invoice", async () => {
    const nodes = await documents("CLIENTARY", "CASH");
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes.filter((n: any) => n.sourceType === "Payment")) expect(n.document).toMatchObject({ __typename: "Payment", remoteId: n.sourceId });
    expect(nodes.some((n: any) => n.document?.__typename === "Payment")).toBe(true);
  });

  it("Daftra accrual: a sales journal (entity_type invoice) is the Invoice it was posted for (entity_id)", async () => {
    const nodes = await documents("DAFTRA", "ACCRUAL");
    const invoices = nodes.filter((n: any) => n.sourceType === "invoice");
    expect(invoices.length).toBeGreaterThan(0);
    for (const n of invoices) expect(n.document).toMatchObject({ __typename: "Invoice", number: expect.any(String) });
  });

  it("Daftra cash: sales recognised by a payment journal are that Payment", async () => {
    const nodes = await documents("DAFTRA", "CASH");
    const paid = nodes.filter((n: any) => n.sourceType === "invoice_payment");
    expect(paid.length).toBeGreaterThan(0);
    for (const n of paid) expect(n.document).toMatchObject({ __typename: "Payment", amount: expect.any(String) });
  });
});

describe("bad input and limits", () => {
  const ONE = (args: string) => /* GraphQL */ `
    query One($id: ID!) {
      organization(id: $id) {
        profitAndLoss(fromDate: "2026-10-01", toDate: "2026-10-31", periods: 1) { sections { lines { postings(${args}) { totalCount } } } }
      }
    }
  `;

  it("period outside the report's columns (0..1 here) is BAD_USER_INPUT naming period", async () => {
    for (const period of [2, -1]) {
      const result = await run(subjects.CLIENTARY!, ONE(`period: ${period}`));
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "period", message: `must be a column of the report, 0 to 1; got ${period}.` }] });
    }
  });

  it("first outside 1..200 is BAD_USER_INPUT naming first; a foreign cursor, naming after", async () => {
    const big = await run(subjects.CLIENTARY!, ONE("first: 201"));
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "first" }] });
    const cursor = await run(subjects.CLIENTARY!, ONE(`after: "nope"`));
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
  });

  it("postings on every line are priced for 25 lines: 100 with documents is refused, 20 plain ones fit", () => {
    const limit = loadConfig({}).maxComplexity;
    const query = (first: number, node: string) => `{ organization(id: "org_1") { profitAndLoss { sections { lines { postings(first: ${first}) { edges { node { ${node} } } } } } } } }`;
    const cost = (q: string) => estimateComplexity({ schema, document: parse(q) });
    expect(cost(query(100, "date amount document { id ... on Invoice { number total } }"))).toBeGreaterThan(limit);
    expect(cost(query(20, "date amount"))).toBeLessThanOrEqual(limit);
  });

  it(`a request that would answer more than ${MAX_POSTINGS_PER_REQUEST} postings is stopped with QUERY_TOO_COMPLEX`, async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: postings(first: 200) { totalCount edges { cursor } }`).join(" ");
    const result = await run(subjects.CLIENTARY!, /* GraphQL */ `
      query Many($id: ID!) {
        organization(id: $id) { balanceSheet(date: "2026-10-31") { sections { sections { lines { ${aliases} } } } } }
      }
    `);
    expect(result.errors?.some((e) => e.extensions?.code === "QUERY_TOO_COMPLEX")).toBe(true);
  });
});

const TB = /* GraphQL */ `
  query Tb($id: ID!, $basis: ReportBasis!) {
    organization(id: $id) {
      trialBalance(date: "2026-10-20", basis: $basis) {
        periods { fromDate toDate }
        lines { name class accountRemoteId debit credit ytdDebit ytdCredit
          p0: postings(period: 0, first: 200) { totalCount edges { node { amount date } } }
          p1: postings(period: 1, first: 200) { totalCount edges { node { amount date } } } }
      }
    }
  }
`;
const TB_LINE = /* GraphQL */ `
  query TbLine($id: ID!, $basis: ReportBasis!, $after: String) {
    organization(id: $id) {
      trialBalance(date: "2026-10-20", basis: $basis) { lines { accountRemoteId p1: postings(period: 1, first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { amount } } } } }
    }
  }
`;
const net = (edges: Array<{ node: { amount: string } }>) => edges.reduce((t, e) => t.plus(e.node.amount), new Decimal(0)).toFixed(2);

describe.each([
  ["CLIENTARY", "ACCRUAL"],
  ["CLIENTARY", "CASH"],
  ["DAFTRA", "ACCRUAL"],
])("%s %s trial balance: an account's postings net to debit − credit (month) and ytdDebit − ytdCredit (year)", (provider, basis) => {
  it("every account line, both columns", async () => {
    const s = subjects[provider]!;
    const result = await run(s, TB, { basis });
    expect(result.errors).toBeUndefined();
    const report = result.data.organization.trialBalance;
    const lines = report.lines.filter((l: any) => !RETAINED.has(l.accountRemoteId) && !l.accountRemoteId.startsWith("computed:"));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect({ line: line.name, month: net(line.p0.edges) }).toEqual({ line: line.name, month: new Decimal(line.debit).minus(line.credit).toFixed(2) });
      for (const e of line.p0.edges) expect(e.node.date >= report.periods[0].fromDate).toBe(true);
      let edges = line.p1.edges;
      if (line.p1.totalCount > edges.length) {
        edges = [];
        for (let after: string | null = null; ;) {
          const r = await run(s, TB_LINE, { basis, after });
          const page = r.data.organization.trialBalance.lines.find((l: any) => l.accountRemoteId === line.accountRemoteId).p1;
          edges.push(...page.edges);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
      }
      expect({ line: line.name, ytd: net(edges) }).toEqual({ line: line.name, ytd: new Decimal(line.ytdDebit).minus(line.ytdCredit).toFixed(2) });
    }
  }, 240_000);
});

describe("consolidated report lines", () => {
  it("answer NOT_SUPPORTED: their amounts are converted and merged across organizations; drill into each organization's report", async () => {
    const s = subjects.CLIENTARY!;
    const currency = (await run(s, `query C($id: ID!) { organization(id: $id) { profitAndLoss(toDate: "2026-10-31") { currency } } }`)).data.organization.profitAndLoss.currency;
    const result = await run(s, /* GraphQL */ `
      query Cons($id: ID!, $currency: String!) {
        consolidatedProfitAndLoss(organizationIds: [$id], reportingCurrency: $currency, rates: [{ currency: $currency, rate: "1" }], toDate: "2026-10-31") {
          sections { lines { name postings(first: 1) { totalCount } } }
        }
      }
    `, { currency });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors![0]!.extensions).toMatchObject({ code: "NOT_SUPPORTED" });
    expect(result.errors![0]!.message).toMatch(/drill into each organization's report/);
  });
});

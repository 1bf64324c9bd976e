import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import type { MirrorStore } from "../../src/mirror/mirror-store.js";
import { openMirrorStore } from "../../src/mirror/open-mirror-store.js";
import { mirroredEntities } from "../../src/mirror/mirror-runtime.js";
import { LEDGER_ENTITIES } from "../../src/mirror/reports/serve-report.js";
import { fillMirrorFromLive } from "../../src/mirror/reports/testing/fill-mirror.js";
import { reportMirrorAccess } from "../../src/mirror/reports/testing/mirror-access.js";
import { startSandboxOrganization, type SandboxOrganization } from "../../connectors/xero/testing/sandbox-organization.js";
import { schemaContext } from "../../test/support/schema-context.js";

/**
 * Xero's native report lines drill into the account's journal lines (GET /Journals): they sum to the
 * native line (the sandbox's journal is the one its reports are made from), page without gaps or
 * duplicates from one cached journal, and name their documents.
 */
let schema: GraphQLSchema;
let org: SandboxOrganization;
let store: MirrorStore;
let mirror: MirrorAccess;
const JOURNALS = "/api.xro/2.0/Journals";

beforeAll(async () => {
  schema = await buildGatewaySchema();
  org = await startSandboxOrganization({ sandbox: { today: "2026-11-22" } });
  store = await openMirrorStore({ kind: "sqlite", file: ":memory:" });
  mirror = reportMirrorAccess(store, org.adapter.capabilities, { now: () => new Date() });
  const listed = new Set(mirroredEntities(org.adapter.capabilities));
  await fillMirrorFromLive(store, org.organization.id, org.adapter, LEDGER_ENTITIES.filter((e) => listed.has(e)) as never);
});
afterAll(async () => {
  await store?.close();
  await org?.sandbox.close();
});

function context(): GatewayContext & { mirror?: MirrorAccess } {
  return schemaContext(org, { mirror });
}

type Result = { data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> };
const run = async (source: string, variables: Record<string, unknown> = {}) =>
  (await graphql({ schema, source, variableValues: { id: org.organization.id, ...variables }, contextValue: context() })) as Result;

const linesOf = (sections: any[]): any[] => sections.flatMap((s) => [...s.lines, ...linesOf(s.sections ?? [])]);
const sum = (edges: Array<{ node: { lineAmount: string } }>) => edges.reduce((t, e) => t.plus(e.node.lineAmount), new Decimal(0)).toFixed(2);

const PNL = /* GraphQL */ `
  fragment Line on ReportLine {
    name accountRemoteId amounts
    p0: postings(period: 0, first: 200) { totalCount edges { node { lineAmount amount date accountRemoteId sourceType } } }
    p1: postings(period: 1, first: 200) { totalCount edges { node { lineAmount amount date accountRemoteId sourceType } } }
  }
  query Pnl($id: ID!, $basis: ReportBasis!) {
    organization(id: $id) {
      profitAndLoss(fromDate: "2026-07-01", toDate: "2026-09-30", periods: 1, timeframe: QUARTER, basis: $basis) {
        source periods { fromDate toDate } sections { lines { ...Line } sections { lines { ...Line } } }
      }
    }
  }
`;

describe.each(["ACCRUAL", "CASH"])("Xero native profit and loss (%s)", (basis) => {
  it("each account line's journal lines sum to the native line, in each column", async () => {
    const result = await run(PNL, { basis });
    expect(result.errors).toBeUndefined();
    const report = result.data.organization.profitAndLoss;
    expect(report.source).toBe("NATIVE");
    const lines = linesOf(report.sections).filter((l) => l.accountRemoteId);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      for (const [i, page] of [line.p0, line.p1].entries()) {
        expect(page.totalCount).toBe(page.edges.length);
        expect({ line: line.name, i, sum: sum(page.edges) }).toEqual({ line: line.name, i, sum: line.amounts[i] });
        for (const { node } of page.edges) {
          expect(node.accountRemoteId).toBe(line.accountRemoteId);
          expect(node.date >= report.periods[i].fromDate && node.date <= report.periods[i].toDate).toBe(true);
        }
      }
    }
  });
});

const BS_PAGE = /* GraphQL */ `
  fragment PageLine on ReportLine {
    name accountRemoteId amounts
    postings(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { date lineAmount sourceType sourceId } } }
  }
  query BsPage($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      balanceSheet(date: "2026-10-31", basis: ACCRUAL) {
        sections { key lines { ...PageLine } sections { key lines { ...PageLine } } }
      }
    }
  }
`;

describe("paging a balance-sheet line's postings", () => {
  const linesIn = (r: Result) => linesOf(r.data.organization.balanceSheet.sections).filter((l) => l.accountRemoteId);

  async function walk(account: string, first: number) {
    const seen: any[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const page: any = linesIn(await run(BS_PAGE, { first, after })).find((l) => l.accountRemoteId === account).postings;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      seen.push(...page.edges);
      totalCount = page.totalCount;
      if (!page.pageInfo.hasNextPage) return { seen, totalCount };
      after = page.pageInfo.endCursor;
    }
  }

  it("first/after walks every posting once, newest first, from one read of the journal", async () => {
    const lines = linesIn(await run(BS_PAGE, { first: 200 }));
    const small = lines.find((l) => l.postings.totalCount > 7 && l.postings.totalCount <= 200)!;
    const big = lines.reduce((a, b) => (b.postings.totalCount > a.postings.totalCount ? b : a));
    expect(big.postings.totalCount).toBeGreaterThan(400);

    org.sandbox.stats.reset();
    const pagedSmall = await walk(small.accountRemoteId, 7);
    expect(pagedSmall.seen.map((e) => e.node)).toEqual(small.postings.edges.map((e: any) => e.node));
    expect(new Set(pagedSmall.seen.map((e) => e.cursor)).size).toBe(pagedSmall.seen.length);

    const pagedBig = await walk(big.accountRemoteId, 200);
    expect(pagedBig.seen.length).toBe(big.postings.totalCount);
    expect(new Set(pagedBig.seen.map((e) => e.cursor)).size).toBe(pagedBig.seen.length);
    expect(sum(pagedBig.seen)).toBe(big.amounts[0]);
    const dates = pagedBig.seen.map((e) => e.node.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // The journal and the report were cached at the first read: paging asks Xero for neither again.
    expect(org.sandbox.stats.byPath[JOURNALS] ?? 0).toBe(0);
  });
});

describe("a LIVE report's postings", () => {
  it("come from the cached journal while it is current: a fresh report, not a crawl of the whole journal per request", async () => {
    const LIVE_PAGE = BS_PAGE.replace('balanceSheet(date: "2026-10-31", basis: ACCRUAL)', 'balanceSheet(date: "2026-10-31", basis: ACCRUAL, source: LIVE)');
    await run(LIVE_PAGE, { first: 5 });
    org.sandbox.stats.reset();
    for (let i = 0; i < 3; i++) expect((await run(LIVE_PAGE, { first: 5 })).errors).toBeUndefined();
    expect(org.sandbox.stats.byPath[JOURNALS] ?? 0).toBe(0);
    // The report itself was fetched anew each time.
    expect(org.sandbox.stats.byPath["/api.xro/2.0/Reports/BalanceSheet"]).toBe(3);
  });
});

const DOCS = /* GraphQL */ `
  query Docs($id: ID!, $basis: ReportBasis = ACCRUAL) {
    organization(id: $id) {
      profitAndLoss(fromDate: "2026-07-01", toDate: "2026-09-30", basis: $basis) {
        sections { key lines { accountRemoteId postings(first: 50) { edges { node { sourceType sourceId
          document { __typename id remoteId ... on Invoice { number total } ... on Bill { number total } ... on BankTransaction { total } ... on Payment { amount } } } } } } }
      }
    }
  }
`;

describe("document", () => {
  it("is the Invoice, Bill or BankTransaction the journal names (SourceID); null for what the schema has no record of", async () => {
    const result = await run(DOCS);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.organization.profitAndLoss.sections.flatMap((s: any) => s.lines.flatMap((l: any) => l.postings.edges.map((e: any) => e.node)));
    const byType = (t: string) => nodes.filter((n: any) => n.sourceType === t);
    expect(byType("ACCREC").length).toBeGreaterThan(0);
    for (const n of byType("ACCREC")) expect(n.document).toMatchObject({ __typename: "Invoice", remoteId: n.sourceId, number: expect.any(String) });
    for (const n of byType("ACCPAY")) expect(n.document).toMatchObject({ __typename: "Bill", remoteId: n.sourceId });
    for (const n of [...byType("CASHREC"), ...byType("CASHPAID")]) expect(n.document).toMatchObject({ __typename: "BankTransaction", remoteId: n.sourceId });
    for (const n of byType("TRANSFER")) expect(n.document).toBeNull();
  });

  it("on the cash basis, income is recognised by the Payment (ACCRECPAYMENT) that settled the invoice", async () => {
    const result = await run(DOCS, { basis: "CASH" });
    expect(result.errors).toBeUndefined();
    const nodes = result.data.organization.profitAndLoss.sections.flatMap((s: any) => s.lines.flatMap((l: any) => l.postings.edges.map((e: any) => e.node)));
    const paid = nodes.filter((n: any) => n.sourceType === "ACCRECPAYMENT" || n.sourceType === "ACCPAYPAYMENT");
    expect(paid.length).toBeGreaterThan(0);
    for (const n of paid) expect(n.document).toMatchObject({ __typename: "Payment", remoteId: n.sourceId, amount: expect.any(String) });
  });
});

const TB = /* GraphQL */ `
  query Tb($id: ID!) {
    organization(id: $id) {
      trialBalance(date: "2026-10-20") {
        source
        lines { name class accountRemoteId debit credit ytdDebit ytdCredit
          p0: postings(period: 0, first: 200) { totalCount edges { node { amount } } } }
      }
    }
  }
`;

describe("Xero native trial balance", () => {
  it("an account's journal lines for the month net to its debit − credit", async () => {
    const result = await run(TB);
    expect(result.errors).toBeUndefined();
    const report = result.data.organization.trialBalance;
    expect(report.source).toBe("NATIVE");
    const lines = report.lines.filter((l: any) => l.p0.totalCount <= 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const month = line.p0.edges.reduce((t: Decimal, e: any) => t.plus(e.node.amount), new Decimal(0)).toFixed(2);
      expect({ line: line.name, month }).toEqual({ line: line.name, month: new Decimal(line.debit).minus(line.credit).toFixed(2) });
    }
  });
});

import { Decimal } from "decimal.js";
import { graphql, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../build-schema.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { listAll } from "../../src/connector/list-all.js";
import { fromGlobalId, toGlobalId } from "../../src/ids/global-id.js";
import { ExpenseKind } from "../expense/expense.type.js";
import { startSandboxOrganization as startClientary } from "../../connectors/clientary/testing/sandbox-organization.js";
import { startSandboxOrganization as startXero } from "../../connectors/xero/testing/sandbox-organization.js";
import { startSandboxOrganization as startDaftra } from "../../connectors/daftra/testing/sandbox-organization.js";
import { schemaContext } from "../../test/support/schema-context.js";

/** `profitAndLoss` / `balanceSheet` by tracking category or project through the schema, for the three providers. */
const NOW = new Date("2026-11-15T12:00:00Z");
let schema: GraphQLSchema;
let clientary: Awaited<ReturnType<typeof startClientary>>;
let xero: Awaited<ReturnType<typeof startXero>>;
let daftra: Awaited<ReturnType<typeof startDaftra>>;
let orgs: Map<string, { organization: OrganizationRecord; adapter: ConnectorAdapter }>;

beforeAll(async () => {
  schema = await buildGatewaySchema();
  [clientary, xero, daftra] = await Promise.all([
    startClientary({ sandbox: { now: () => NOW }, clock: { now: () => NOW } }),
    startXero({ sandbox: { today: "2026-03-15" } }),
    startDaftra(),
  ]);
  orgs = new Map([clientary, xero, daftra].map((o) => [o.organization.id, o]));
});
afterAll(async () => {
  await Promise.all([clientary.sandbox.close(), xero.sandbox.close(), daftra.sandbox.close()]);
});

function context(): GatewayContext {
  return schemaContext([...orgs.values()]);
}

const COLUMNS = "periods { label fromDate toDate trackingOption { id name } } balanced checks { name passed difference message }";
const PNL = /* GraphQL */ `
  query PnL($id: ID!, $from: Date!, $to: Date!, $category: ID, $byProject: Boolean, $periods: Int, $basis: ReportBasis = ACCRUAL) {
    organization(id: $id) {
      profitAndLoss(fromDate: $from, toDate: $to, basis: $basis, source: LIVE, trackingCategoryId: $category, byProject: $byProject, periods: $periods) {
        ${COLUMNS} totalIncome totalExpenses netProfit sections { key total }
      }
    }
  }
`;
const BS = /* GraphQL */ `
  query BS($id: ID!, $date: Date!, $category: ID, $byProject: Boolean) {
    organization(id: $id) {
      balanceSheet(date: $date, basis: ACCRUAL, source: LIVE, trackingCategoryId: $category, byProject: $byProject) {
        ${COLUMNS} totalAssets totalLiabilities totalEquity
      }
    }
  }
`;

async function run(query: string, variables: Record<string, unknown>) {
  const result = await graphql({ schema, source: query, variableValues: variables, contextValue: context() });
  return result as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string }> } }> };
}
const fieldsOf = (r: Awaited<ReturnType<typeof run>>) => r.errors?.[0]?.extensions?.fields?.map((f) => f.field);
const sumOf = (amounts: string[]) => amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
const POSTED = new Set(["AUTHORISED", "PARTIALLY_PAID", "PAID"]);

describe("Clientary by project", () => {
  it("P&L: a column per project, Unassigned and Total; each project's income and expenses are its invoices' and expenses' net amounts", async () => {
    const from = "2026-01-01";
    const to = "2026-10-31";
    const r = await run(PNL, { id: clientary.organization.id, from, to, byProject: true });
    expect(r.errors).toBeUndefined();
    const pnl = r.data.organization.profitAndLoss;
    const plain = (await run(PNL, { id: clientary.organization.id, from, to })).data.organization.profitAndLoss;
    const projects = await listAll(clientary.adapter, "Project", { includeArchived: true });
    expect(pnl.periods.map((p: any) => p.label)).toEqual([...projects.map((p) => p.name), "Unassigned", "Total"]);
    expect(pnl.periods.map((p: any) => p.trackingOption?.id ?? null)).toEqual([...projects.map((p) => p.remoteId), null, null]);
    expect(pnl.periods.every((p: any) => p.fromDate === from && p.toDate === to)).toBe(true);
    expect(pnl.netProfit.at(-1)).toBe(plain.netProfit[0]);
    expect(pnl.totalIncome.at(-1)).toBe(plain.totalIncome[0]);
    expect(sumOf(pnl.netProfit.slice(0, -1))).toBe(pnl.netProfit.at(-1));
    expect(pnl.checks.find((c: any) => c.name === "TRACKING_COLUMNS_SUM_TO_TOTAL").passed).toBe(true);
    expect(pnl.balanced).toBe(true);

    // The oracle: the documents themselves, by project (invoices' subtotals; expenses' amounts net of tax).
    const invoices = await listAll(clientary.adapter, "Invoice");
    const expenses = await listAll(clientary.adapter, "Expense", { dateFrom: "2000-01-01", dateTo: to });
    const projectOf = (id: string | null | undefined) => (id ? fromGlobalId(id).remoteId : null);
    const income = (project: string | null) => sumOf(invoices
      .filter((i) => POSTED.has(i.status) && i.issueDate! >= from && i.issueDate! <= to && projectOf(i.projectId) === project)
      .map((i) => i.subTotal));
    const spent = (project: string | null) => sumOf(expenses
      .filter((e) => e.date && e.date >= from && e.date <= to && projectOf(e.projectId) === project)
      .map((e) => new Decimal(e.subTotal).times(e.kind === ExpenseKind.INCOME ? -1 : 1).toFixed(2)));
    const columns = [...projects.map((p) => p.remoteId), null];
    expect(pnl.totalIncome.slice(0, -1)).toEqual(columns.map(income));
    expect(pnl.totalExpenses.slice(0, -1)).toEqual(columns.map(spent));
    expect(pnl.totalIncome.slice(0, -2).some((v: string) => v !== "0.00")).toBe(true);
    expect(pnl.totalExpenses.slice(0, -2).some((v: string) => v !== "0.00")).toBe(true);
  });

  it("drill-down: an option's or Unassigned column is refused naming period (not split by option yet); the Total column's postings add up to the line", async () => {
    const DRILL = /* GraphQL */ `
      query($id: ID!, $period: Int!) {
        organization(id: $id) {
          profitAndLoss(fromDate: "2026-01-01", toDate: "2026-10-31", byProject: true) {
            periods { label }
            sections { key lines { name amounts postings(period: $period, first: 200) { totalCount edges { node { lineAmount } } } } }
          }
        }
      }`;
    const labels = (await run(PNL, { id: clientary.organization.id, from: "2026-01-01", to: "2026-10-31", byProject: true })).data.organization.profitAndLoss.periods;
    const total = labels.length - 1;
    for (const period of [0, total - 1]) {
      const refused = await run(DRILL, { id: clientary.organization.id, period });
      expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(fieldsOf(refused)).toContain("period");
      expect(refused.errors?.[0]?.message).toContain(`Drill into the Total column (period: ${total})`);
    }
    const drilled = await run(DRILL, { id: clientary.organization.id, period: total });
    expect(drilled.errors).toBeUndefined();
    // Lines with one page of postings (the longer ones are paged in report-postings.test.ts).
    const lines = drilled.data.organization.profitAndLoss.sections.flatMap((s: any) => s.lines).filter((l: any) => l.postings.totalCount > 0 && l.postings.totalCount <= 200);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(sumOf(line.postings.edges.map((e: any) => e.node.lineAmount))).toBe(line.amounts[total]);
    }
  });

  it("cash basis: the columns add up to the plain cash P&L, and its books checks hold on the Total column", async () => {
    const args = { id: clientary.organization.id, from: "2026-01-01", to: "2026-10-31", basis: "CASH" };
    const pnl = (await run(PNL, { ...args, byProject: true })).data.organization.profitAndLoss;
    const plain = (await run(PNL, args)).data.organization.profitAndLoss;
    expect(pnl.netProfit.at(-1)).toBe(plain.netProfit[0]);
    expect(sumOf(pnl.netProfit.slice(0, -1))).toBe(pnl.netProfit.at(-1));
    expect(pnl.checks.map((c: any) => c.name)).toEqual([...plain.checks.map((c: any) => c.name), "TRACKING_COLUMNS_SUM_TO_TOTAL"]);
    expect(pnl.balanced).toBe(true);
  });

  it("balance sheet: projects hold their profit to date in equity; the columns add up to Total, the plain balance sheet", async () => {
    const r = await run(BS, { id: clientary.organization.id, date: "2026-10-31", byProject: true });
    expect(r.errors).toBeUndefined();
    const bs = r.data.organization.balanceSheet;
    const plain = (await run(BS, { id: clientary.organization.id, date: "2026-10-31" })).data.organization.balanceSheet;
    expect(bs.totalEquity.at(-1)).toBe(plain.totalEquity[0]);
    expect(bs.totalAssets.at(-1)).toBe(plain.totalAssets[0]);
    expect(sumOf(bs.totalEquity.slice(0, -1))).toBe(bs.totalEquity.at(-1));
    expect(bs.totalAssets.slice(0, -2).every((v: string) => v === "0.00")).toBe(true);
    expect(bs.balanced).toBe(true);
  });

  it("refuses a tracking category (Clientary has none) and comparison periods", async () => {
    const category = toGlobalId({ organizationId: clientary.organization.id, type: "TrackingCategory", remoteId: "REGION" });
    const r = await run(PNL, { id: clientary.organization.id, from: "2026-01-01", to: "2026-10-31", category });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toContain("Clientary has no tracking categories; break its reports down by project with byProject: true.");
    const periods = await run(PNL, { id: clientary.organization.id, from: "2026-10-01", to: "2026-10-31", byProject: true, periods: 2 });
    expect(periods.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(periods)).toEqual(["periods"]);
  });
});

describe("Xero by tracking category", () => {
  const categories = async () => (await listAll(xero.adapter, "TrackingCategory")).filter((c) => c.options.length > 0);

  it("P&L: Xero's option columns mapped to periods with their options; they add up to Total, the plain P&L", async () => {
    const [region] = await categories();
    const args = { id: xero.organization.id, from: "2025-10-01", to: "2026-03-15" };
    const r = await run(PNL, { ...args, category: region!.id });
    expect(r.errors).toBeUndefined();
    const pnl = r.data.organization.profitAndLoss;
    const plain = (await run(PNL, args)).data.organization.profitAndLoss;
    expect(pnl.periods.map((p: any) => [p.label, p.trackingOption?.id ?? null])).toEqual([
      ...region!.options.map((o) => [o.name, o.remoteId]), ["Unassigned", null], ["Total", null],
    ]);
    expect(pnl.periods[region!.options.length].trackingOption).toEqual({ id: null, name: "Unassigned" });
    expect(pnl.netProfit.at(-1)).toBe(plain.netProfit[0]);
    expect(sumOf(pnl.netProfit.slice(0, -1))).toBe(pnl.netProfit.at(-1));
    expect(pnl.netProfit.slice(0, -2).every((v: string) => v !== "0.00")).toBe(true);
    expect(pnl.balanced).toBe(true);
  });

  it("balance sheet: one Xero call per option (trackingOptionID1); Unassigned is Total less the options", async () => {
    const [region] = await categories();
    const r = await run(BS, { id: xero.organization.id, date: "2026-02-28", category: region!.id });
    expect(r.errors).toBeUndefined();
    const bs = r.data.organization.balanceSheet;
    const plain = (await run(BS, { id: xero.organization.id, date: "2026-02-28" })).data.organization.balanceSheet;
    expect(bs.periods.map((p: any) => p.label)).toEqual([...region!.options.map((o) => o.name), "Unassigned", "Total"]);
    expect(bs.totalEquity.at(-1)).toBe(plain.totalEquity[0]);
    expect(bs.totalAssets.slice(0, -2).every((v: string) => v === "0.00")).toBe(true);
    expect(bs.totalEquity.slice(0, -2).every((v: string) => v !== "0.00")).toBe(true);
    expect(bs.balanced).toBe(true);
  });

  it("refuses a foreign, unknown or mistyped id, byProject, and comparison periods", async () => {
    const [region] = await categories();
    const base = { id: xero.organization.id, from: "2026-01-01", to: "2026-01-31" };
    const foreign = toGlobalId({ organizationId: clientary.organization.id, type: "TrackingCategory", remoteId: region!.remoteId });
    const unknown = toGlobalId({ organizationId: xero.organization.id, type: "TrackingCategory", remoteId: "00000000-0000-0000-0000-0000000000cc" });
    const invoiceId = toGlobalId({ organizationId: xero.organization.id, type: "Invoice", remoteId: region!.remoteId });
    for (const category of [foreign, unknown, invoiceId, "not-an-id"]) {
      const r = await run(PNL, { ...base, category });
      expect(r.errors?.[0]?.extensions?.code, category).toBe("BAD_USER_INPUT");
      expect(fieldsOf(r), category).toEqual(["trackingCategoryId"]);
    }
    const byProject = await run(PNL, { ...base, byProject: true });
    expect(byProject.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(byProject)).toEqual(["byProject"]);
    const both = await run(PNL, { ...base, byProject: true, category: region!.id });
    expect(fieldsOf(both)).toEqual(["byProject"]);
    const periods = await run(PNL, { ...base, category: region!.id, periods: 1 });
    expect(periods.errors?.[0]?.message).toContain("periods: must be 0 when a tracking category is given (got 1)");
  });
});

describe("Daftra", () => {
  it("refuses a breakdown with NOT_SUPPORTED, saying why", async () => {
    const r = await run(PNL, { id: daftra.organization.id, from: "2026-01-01", to: "2026-01-31", byProject: true });
    expect(r.errors?.[0]?.extensions?.code).toBe("NOT_SUPPORTED");
    expect(r.errors?.[0]?.message).toContain("Daftra's cost centers are set on invoices, but its API does not state them on the journal entries and accounts its reports come from.");
  });
});

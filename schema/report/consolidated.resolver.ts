import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { OrganizationRecord } from "../../src/organizations/organization-record.js";
import { GatewayError, isGatewayError } from "../../src/errors/index.js";
import {
  consolidateBalanceSheet,
  consolidateProfitAndLoss,
  consolidationProblems,
  missingRates,
  rateTable,
  type ReportToConsolidate,
} from "../../src/reports/consolidate.js";
import type { Organization } from "../organization/organization.type.js";
import type { BalanceSheet, ProfitAndLoss } from "./report.type.js";
import { ReportResolver } from "./report.resolver.js";
import { checkPeriods, throwIfProblems, type BalanceSheetArgs, type ProfitAndLossArgs } from "./report.args.js";
import { REPORT_UPSTREAM_CALLS, UPSTREAM_CALL_COST } from "./report.complexity.js";
import { ConsolidatedBalanceSheetArgs, ConsolidatedProfitAndLossArgs } from "./consolidated.args.js";
import { ConsolidatedBalanceSheet, ConsolidatedProfitAndLoss, type ConsolidatedOrganization } from "./consolidated.type.js";

/** Each organization costs what one `profitAndLoss`/`balanceSheet` does (its upstream calls); the selection is paid once. */
export const consolidatedComplexity = ({ args, childComplexity }: { args: { organizationIds?: unknown }; childComplexity: number }) =>
  Math.max(1, Array.isArray(args.organizationIds) ? args.organizationIds.length : 1) * REPORT_UPSTREAM_CALLS * UPSTREAM_CALL_COST + childComplexity;

/** Organizations' reports fetched at most this many at a time. */
const CONCURRENCY = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type Served = (BalanceSheet | ProfitAndLoss) & Required<Pick<BalanceSheet, "servedFrom" | "generatedAt">>;

interface Fetched<R extends Served> {
  parts: Array<ReportToConsolidate & { report: R }>;
  organizations: ConsolidatedOrganization[];
}

/**
 * Checks the arguments, resolves every organization (NOT_FOUND for one the key may not read) and its
 * rate (BAD_USER_INPUT on `rates` when missing) before any report is fetched, then fetches each
 * organization's report through the per-organization resolver, so it is served exactly as
 * `organization(id) { profitAndLoss / balanceSheet }` would serve it.
 */
async function fetchReports<R extends Served>(
  ctx: GatewayContext,
  args: { organizationIds: string[]; reportingCurrency: string; rates: Array<{ currency: string; rate: string }>; periods: number },
  report: (organization: Organization) => Promise<R>,
): Promise<Fetched<R>> {
  const problems = checkPeriods(args.periods, consolidationProblems(args.organizationIds, args.reportingCurrency, args.rates));
  throwIfProblems(problems);
  const rates = rateTable(args.reportingCurrency, args.rates);
  const records: OrganizationRecord[] = await Promise.all(args.organizationIds.map((id) => ctx.organizations.get(id)));
  const currencies = await Promise.all(records.map(async (r) => (await (await ctx.organizations.adapter(r.id)).profile()).baseCurrency.toUpperCase()));
  const unrated = (currency: string, r: OrganizationRecord) => (rates.has(currency) ? [] : [{ currency, organization: `'${r.name}' (${r.id})` }]);
  missingRates(args.reportingCurrency, records.flatMap((r, i) => unrated(currencies[i]!, r)));

  const reports = await mapLimited(records, CONCURRENCY, (r) => report({ id: r.id, name: r.name, provider: r.provider, createdAt: r.createdAt }).catch((error: unknown) => {
    throw forOrganization(error, r);
  }));
  // The report states its own currency; it is the profile's, but the report's is what its amounts are in.
  missingRates(args.reportingCurrency, records.flatMap((r, i) => unrated(reports[i]!.currency.toUpperCase(), r)));
  const parts = records.map((r, i) => ({ organizationId: r.id, name: r.name, rate: rates.get(reports[i]!.currency.toUpperCase())!, report: reports[i]! }));
  const organizations = parts.map(({ organizationId, name, rate, report: served }) => ({
    organizationId, name, rate, provider: served.provider, currency: served.currency.toUpperCase(),
    source: served.source, servedFrom: served.servedFrom, generatedAt: served.generatedAt, balanced: served.balanced,
  }));
  return { parts, organizations };
}

/** One organization's failure, saying which organization it was (same code and details, plus `organizationId`). */
function forOrganization(error: unknown, r: OrganizationRecord): unknown {
  if (!isGatewayError(error)) return error;
  return new GatewayError(error.code, `Organization '${r.name}' (${r.id}): ${error.message}`, {
    details: { ...error.extensions, organizationId: r.id },
    cause: error,
  });
}

/** The arguments of each organization's own report: the consolidated ones, with no tracking breakdown. */
function ownArgs(args: ConsolidatedProfitAndLossArgs): ProfitAndLossArgs;
function ownArgs(args: ConsolidatedBalanceSheetArgs): BalanceSheetArgs;
function ownArgs(args: ConsolidatedProfitAndLossArgs | ConsolidatedBalanceSheetArgs): ProfitAndLossArgs | BalanceSheetArgs {
  const { organizationIds: _ids, reportingCurrency: _currency, rates: _rates, ...own } = args;
  return { ...own, trackingCategoryId: null, byProject: false };
}

/**
 * `consolidatedProfitAndLoss` and `consolidatedBalanceSheet`: root fields, beside `organization(id)`, because
 * they span several organizations and belong to none; each organization's report is the one its own
 * `organization(id)` field serves (the same resolver, source and checks).
 */
@Resolver()
export class ConsolidatedReportResolver {
  private readonly reports = new ReportResolver();

  @Query(() => ConsolidatedProfitAndLoss, {
    complexity: consolidatedComplexity,
    description: "Several organizations' profit and loss in one reporting currency, at the rates given (see `rates`), with the rate used for each organization.",
  })
  async consolidatedProfitAndLoss(@Args() args: ConsolidatedProfitAndLossArgs, @Ctx() ctx: GatewayContext): Promise<ConsolidatedProfitAndLoss> {
    const { parts, organizations } = await fetchReports(ctx, args, (org) => this.reports.profitAndLoss(org, ownArgs(args), ctx) as Promise<ProfitAndLoss & Served>);
    const { periods, sections, figures, checks, balanced } = consolidateProfitAndLoss(parts, args.reportingCurrency);
    const first = parts[0]!.report;
    return {
      title: "Consolidated Profit and Loss", reportingCurrency: args.reportingCurrency, basis: first.basis, fromDate: first.fromDate, toDate: first.toDate,
      periods, sections, balanced, checks, organizations,
      totalIncome: figures.totalIncome, grossProfit: figures.grossProfit, totalExpenses: figures.totalExpenses, netProfit: figures.netProfit,
    };
  }

  @Query(() => ConsolidatedBalanceSheet, {
    complexity: consolidatedComplexity,
    description: "Several organizations' balance sheets in one reporting currency, at the rates given (see `rates`), with the rate used for each organization.",
  })
  async consolidatedBalanceSheet(@Args() args: ConsolidatedBalanceSheetArgs, @Ctx() ctx: GatewayContext): Promise<ConsolidatedBalanceSheet> {
    const { parts, organizations } = await fetchReports(ctx, args, (org) => this.reports.balanceSheet(org, ownArgs(args), ctx) as Promise<BalanceSheet & Served>);
    const { periods, sections, figures, checks, balanced } = consolidateBalanceSheet(parts, args.reportingCurrency);
    const first = parts[0]!.report;
    return {
      title: "Consolidated Balance Sheet", reportingCurrency: args.reportingCurrency, basis: first.basis, date: first.date,
      periods, sections, balanced, checks, organizations,
      totalAssets: figures.totalAssets, totalLiabilities: figures.totalLiabilities, netAssets: figures.netAssets, totalEquity: figures.totalEquity,
    };
  }
}

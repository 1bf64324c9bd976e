import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../src/connector/adapter.js";
import { serveReport } from "../../src/mirror/reports/serve-report.js";
import { Organization } from "../organization/organization.type.js";
import { BalanceSheet, ProfitAndLoss } from "./report.type.js";
import { BalanceSheetArgs, ProfitAndLossArgs, checkPeriods, throwIfProblems, trackingParams } from "./report.args.js";
import { reportComplexity } from "./report.complexity.js";
import { answer, today, type ReportContext } from "./served-answer.js";
import { drillColumns, lastDay, withDrillContexts } from "./drill-context.js";

/**
 * `organization { balanceSheet profitAndLoss }`: native where the provider has them, computed
 * otherwise; served from the source asked for (`serveReport`). Every line gets its drill context
 * (`withDrillContexts`: copies, the served report may be a shared cached one) for `postings`.
 */
@Resolver(() => Organization)
export class ReportResolver {
  @FieldResolver(() => BalanceSheet, { complexity: reportComplexity })
  async balanceSheet(@Root() org: Organization, @Args() args: BalanceSheetArgs, @Ctx() ctx: ReportContext): Promise<BalanceSheet> {
    const problems = checkPeriods(args.periods);
    const tracking = trackingParams(args, org.id, problems);
    throwIfProblems(problems);
    const adapter = await ctx.organizations.adapter(org.id);
    const params: BalanceSheetParams = { date: args.date ?? today(), periods: args.periods, timeframe: args.timeframe, basis: args.basis, ...tracking };
    const served = await serveReport({
      mirror: ctx.mirror,
      adapter,
      organizationId: org.id,
      report: "BalanceSheet",
      params,
      source: args.source,
      run: (p) => adapter.balanceSheet(p),
    });
    const report = answer(served);
    const base = { organizationId: org.id, report: "BalanceSheet" as const, basis: args.basis, source: args.source, toDate: lastDay(report.periods, params.date), columns: drillColumns(report.periods, true) };
    return withDrillContexts(report, base);
  }

  @FieldResolver(() => ProfitAndLoss, { complexity: reportComplexity })
  async profitAndLoss(@Root() org: Organization, @Args() args: ProfitAndLossArgs, @Ctx() ctx: ReportContext): Promise<ProfitAndLoss> {
    const toDate = args.toDate ?? today();
    const fromDate = args.fromDate ?? `${toDate.slice(0, 8)}01`;
    const problems = checkPeriods(args.periods);
    if (fromDate > toDate) problems.push({ field: "fromDate", message: `(${fromDate}) is after toDate (${toDate}); swap them.` });
    const tracking = trackingParams(args, org.id, problems);
    throwIfProblems(problems);
    const adapter = await ctx.organizations.adapter(org.id);
    const params: ProfitAndLossParams = { fromDate, toDate, periods: args.periods, timeframe: args.timeframe, basis: args.basis, ...tracking };
    const served = await serveReport({
      mirror: ctx.mirror,
      adapter,
      organizationId: org.id,
      report: "ProfitAndLoss",
      params,
      source: args.source,
      run: (p) => adapter.profitAndLoss(p),
    });
    const report = answer(served);
    const base = { organizationId: org.id, report: "ProfitAndLoss" as const, basis: args.basis, source: args.source, toDate: lastDay(report.periods, toDate), columns: drillColumns(report.periods, false) };
    return withDrillContexts(report, base);
  }
}

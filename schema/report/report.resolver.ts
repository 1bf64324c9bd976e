import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { BalanceSheetParams, ProfitAndLossParams } from "../../src/connector/adapter.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import { serveReport, type ServedReport } from "../../src/mirror/reports/serve-report.js";
import { Organization } from "../organization/organization.type.js";
import { BalanceSheet, ProfitAndLoss } from "./report.type.js";
import { BalanceSheetArgs, ProfitAndLossArgs, checkPeriods, throwIfProblems } from "./report.args.js";
import { reportComplexity } from "./report.complexity.js";
import { ReportServedFrom } from "./report-enums.js";

const today = () => new Date().toISOString().slice(0, 10);

/** The request context, with the mirror when the gateway keeps one. */
type ReportContext = GatewayContext & { mirror?: MirrorAccess };

/** The report as the schema answers it: with what it was made from and when. */
function answer<R extends BalanceSheet | ProfitAndLoss>({ report, servedFrom, generatedAt }: ServedReport<R>): R {
  return { ...report, servedFrom: ReportServedFrom[servedFrom], generatedAt };
}

/**
 * `organization { balanceSheet profitAndLoss }`: native where the provider has them, computed
 * otherwise; served from the source asked for (`serveReport`).
 */
@Resolver(() => Organization)
export class ReportResolver {
  @FieldResolver(() => BalanceSheet, { complexity: reportComplexity })
  async balanceSheet(@Root() org: Organization, @Args() args: BalanceSheetArgs, @Ctx() ctx: ReportContext): Promise<BalanceSheet> {
    throwIfProblems(checkPeriods(args.periods));
    const adapter = await ctx.organizations.adapter(org.id);
    const params: BalanceSheetParams = { date: args.date ?? today(), periods: args.periods, timeframe: args.timeframe, basis: args.basis };
    const served = await serveReport({
      mirror: ctx.mirror,
      adapter,
      organizationId: org.id,
      report: "BalanceSheet",
      params,
      source: args.source,
      run: (p) => adapter.balanceSheet(p),
    });
    return answer(served);
  }

  @FieldResolver(() => ProfitAndLoss, { complexity: reportComplexity })
  async profitAndLoss(@Root() org: Organization, @Args() args: ProfitAndLossArgs, @Ctx() ctx: ReportContext): Promise<ProfitAndLoss> {
    const toDate = args.toDate ?? today();
    const fromDate = args.fromDate ?? `${toDate.slice(0, 8)}01`;
    const problems = checkPeriods(args.periods);
    if (fromDate > toDate) problems.push({ field: "fromDate", message: `(${fromDate}) is after toDate (${toDate}); swap them.` });
    throwIfProblems(problems);
    const adapter = await ctx.organizations.adapter(org.id);
    const params: ProfitAndLossParams = { fromDate, toDate, periods: args.periods, timeframe: args.timeframe, basis: args.basis };
    const served = await serveReport({
      mirror: ctx.mirror,
      adapter,
      organizationId: org.id,
      report: "ProfitAndLoss",
      params,
      source: args.source,
      run: (p) => adapter.profitAndLoss(p),
    });
    return answer(served);
  }
}

import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { Organization } from "../organization/organization.type.js";
import { BalanceSheet, ProfitAndLoss } from "./report.type.js";
import { BalanceSheetArgs, ProfitAndLossArgs, checkPeriods, throwIfProblems } from "./report.args.js";
import { reportComplexity } from "./report.complexity.js";

const today = () => new Date().toISOString().slice(0, 10);

/** `organization { balanceSheet profitAndLoss }`: native where the provider has them, computed otherwise. */
@Resolver(() => Organization)
export class ReportResolver {
  @FieldResolver(() => BalanceSheet, { complexity: reportComplexity })
  async balanceSheet(@Root() org: Organization, @Args() args: BalanceSheetArgs, @Ctx() ctx: GatewayContext): Promise<BalanceSheet> {
    throwIfProblems(checkPeriods(args.periods));
    const adapter = await ctx.organizations.adapter(org.id);
    return adapter.balanceSheet({ date: args.date ?? today(), periods: args.periods, timeframe: args.timeframe, basis: args.basis });
  }

  @FieldResolver(() => ProfitAndLoss, { complexity: reportComplexity })
  async profitAndLoss(@Root() org: Organization, @Args() args: ProfitAndLossArgs, @Ctx() ctx: GatewayContext): Promise<ProfitAndLoss> {
    const toDate = args.toDate ?? today();
    const fromDate = args.fromDate ?? `${toDate.slice(0, 8)}01`;
    const problems = checkPeriods(args.periods);
    if (fromDate > toDate) problems.push({ field: "fromDate", message: `(${fromDate}) is after toDate (${toDate}); swap them.` });
    throwIfProblems(problems);
    const adapter = await ctx.organizations.adapter(org.id);
    return adapter.profitAndLoss({ fromDate, toDate, periods: args.periods, timeframe: args.timeframe, basis: args.basis });
  }
}

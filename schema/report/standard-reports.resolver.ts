import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { AgedReportParams, AgedSide, CashSummaryParams, TrialBalanceParams } from "../../src/connector/adapter.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import type { FieldProblem } from "../../src/errors/index.js";
import { serveReport } from "../../src/mirror/reports/serve-report.js";
import { Organization } from "../organization/organization.type.js";
import { ReportBasis } from "./report-enums.js";
import { checkPeriods, throwIfProblems } from "./report.args.js";
import { withTrialBalanceDrill } from "./drill-context.js";
import { REPORT_UPSTREAM_CALLS, reportComplexity, UPSTREAM_CALL_COST } from "./report.complexity.js";
import { answer, today, type ReportContext } from "./served-answer.js";
import { AgedReportArgs, CashSummaryArgs, checkBucketDays, TrialBalanceArgs } from "./standard-reports.args.js";
import { AgedReport, CashSummary, TrialBalance } from "./standard-reports.type.js";

/** The contact's provider id, refusing an id of another type or organization. */
function contactRemoteId(id: string | null | undefined, organizationId: string, problems: FieldProblem[]): string | null {
  if (!id) return null;
  let parts: ReturnType<typeof fromGlobalId>;
  try {
    parts = fromGlobalId(id, "contactId");
  } catch (error) {
    // Reported with the other problems (bucketDays…), not instead of them.
    const fields = (error as { extensions?: { fields?: FieldProblem[] } }).extensions?.fields;
    if (!fields) throw error;
    problems.push(...fields);
    return null;
  }
  if (parts.type !== "Contact") problems.push({ field: "contactId", message: `is a ${parts.type} id; give the id of a Contact.` });
  else if (parts.organizationId !== organizationId) problems.push({ field: "contactId", message: "is a Contact of another organization; give one of this organization's contacts." });
  return parts.remoteId;
}

/** A cash summary may be one upstream call per column (Xero's BankSummary) plus the chart and profile: priced at least that. */
const cashSummaryComplexity = ({ args, childComplexity }: { args: { periods?: number }; childComplexity: number }) =>
  Math.max(REPORT_UPSTREAM_CALLS, (Number.isInteger(args.periods) ? args.periods! : 0) + 3) * UPSTREAM_CALL_COST + childComplexity;

/**
 * `organization { trialBalance agedReceivables agedPayables cashSummary }`: Xero's own reports where
 * Xero makes them, the shared engine's everywhere else; served from the source asked for, as the
 * balance sheet and P&L are (`serveReport`).
 */
@Resolver(() => Organization)
export class StandardReportsResolver {
  @FieldResolver(() => TrialBalance, { complexity: reportComplexity, description: "Every account's balance at a date (debits = credits)." })
  async trialBalance(@Root() org: Organization, @Args() args: TrialBalanceArgs, @Ctx() ctx: ReportContext): Promise<TrialBalance> {
    const adapter = await ctx.organizations.adapter(org.id);
    const params: TrialBalanceParams = { date: args.date ?? today(), basis: args.basis };
    const served = await serveReport({ mirror: ctx.mirror, adapter, organizationId: org.id, report: "TrialBalance", params, source: args.source, run: (p) => adapter.trialBalance!(p) });
    // Each line carries what its `postings` (the drill-down) needs.
    return withTrialBalanceDrill(answer(served), { organizationId: org.id, report: "TrialBalance", basis: args.basis, source: args.source, toDate: params.date });
  }

  @FieldResolver(() => AgedReport, { complexity: reportComplexity, description: "What customers owe at a date, by contact and age." })
  agedReceivables(@Root() org: Organization, @Args() args: AgedReportArgs, @Ctx() ctx: ReportContext): Promise<AgedReport> {
    return aged("RECEIVABLES", org, args, ctx);
  }

  @FieldResolver(() => AgedReport, { complexity: reportComplexity, description: "What is owed to suppliers at a date, by contact and age." })
  agedPayables(@Root() org: Organization, @Args() args: AgedReportArgs, @Ctx() ctx: ReportContext): Promise<AgedReport> {
    return aged("PAYABLES", org, args, ctx);
  }

  @FieldResolver(() => CashSummary, { complexity: cashSummaryComplexity, description: "Money in and out of each bank and cash account, per period." })
  async cashSummary(@Root() org: Organization, @Args() args: CashSummaryArgs, @Ctx() ctx: ReportContext): Promise<CashSummary> {
    const toDate = args.toDate ?? today();
    const fromDate = args.fromDate ?? `${toDate.slice(0, 8)}01`;
    const problems = checkPeriods(args.periods);
    if (fromDate > toDate) problems.push({ field: "fromDate", message: `(${fromDate}) is after toDate (${toDate}); swap them.` });
    throwIfProblems(problems);
    const adapter = await ctx.organizations.adapter(org.id);
    const params: CashSummaryParams = { fromDate, toDate, periods: args.periods, timeframe: args.timeframe, basis: ReportBasis.ACCRUAL };
    const served = await serveReport({ mirror: ctx.mirror, adapter, organizationId: org.id, report: "CashSummary", params, source: args.source, run: (p) => adapter.cashSummary!(p) });
    return answer(served);
  }
}

async function aged(side: AgedSide, org: Organization, args: AgedReportArgs, ctx: ReportContext): Promise<AgedReport> {
  const date = args.date ?? today();
  const problems = checkBucketDays(args.bucketDays);
  const contact = contactRemoteId(args.contactId, org.id, problems);
  const toDate = args.toDate ?? date;
  if (args.fromDate && args.fromDate > toDate) problems.push({ field: "fromDate", message: `(${args.fromDate}) is after toDate (${toDate}); swap them.` });
  throwIfProblems(problems);
  const adapter = await ctx.organizations.adapter(org.id);
  const params: AgedReportParams = {
    side, date, agedBy: args.agedBy, bucketDays: args.bucketDays, contactRemoteId: contact, fromDate: args.fromDate ?? null, toDate, basis: ReportBasis.ACCRUAL,
  };
  const report = side === "PAYABLES" ? "AgedPayables" : "AgedReceivables";
  const served = await serveReport({ mirror: ctx.mirror, adapter, organizationId: org.id, report, params, source: args.source, run: (p) => adapter.agedReport!(p) });
  return answer(served);
}

import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { supports } from "../../src/connector/capabilities.js";
import { badUserInput, ErrorCode, GatewayError } from "../../src/errors/index.js";
import type { DocumentRef, DrillPosting } from "../../src/reports/drill/drill-postings.js";
import type { Connection } from "../common/connection.factory.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/connection.args.js";
import { decodeCursor, encodeCursor } from "../common/cursor.js";
import type { Node } from "../common/node.interface.js";
import { drillContextOf, type DrillContext } from "./drill-context.js";
import { linePostings, money } from "./line-postings.js";
import { chargePostings, postingsComplexity } from "./postings.complexity.js";
import { ReportPosting, ReportPostingConnection, ReportPostingsArgs } from "./report-posting.type.js";
import { ReportLine } from "./report.type.js";
import { TrialBalanceLine } from "./standard-reports.type.js";
import type { ReportContext } from "./served-answer.js";

const DESCRIPTION =
  "The postings behind this line in one column, newest first: the report's own ledger (the engine's postings for a computed report; the account's " +
  "journal lines for a provider's report). A period column's postings are dated fromDate..toDate; a balance column's, everything up to its toDate. " +
  "Their lineAmounts sum to the line's amount in that column, except on retained earnings (its balance also holds earlier years' profit). " +
  "A line without an account (Current Year Earnings, a computed Retained Earnings) has none: an empty page.";

/** `ReportLine.postings`: the drill-down from a report line to the postings, and the documents, behind it. */
@Resolver(() => ReportLine)
export class ReportLinePostingsResolver {
  @FieldResolver(() => ReportPostingConnection, { complexity: postingsComplexity, description: DESCRIPTION })
  async postings(@Root() line: ReportLine, @Args() args: ReportPostingsArgs, @Ctx() ctx: ReportContext): Promise<Connection<ReportPosting>> {
    return postingsPage(line, args, ctx);
  }
}

const TRIAL_BALANCE_DESCRIPTION =
  "The postings behind this account in one column, newest first: period 0 is the month to `date`; period 1 the year to `date` for income and " +
  "expense accounts, since the books began for the others. Their amounts sum to debit − credit (ytdDebit − ytdCredit), except on retained " +
  "earnings, whose year-to-date figure also holds earlier years' profit.";

/** `TrialBalanceLine.postings`: the same drill-down on a trial balance. */
@Resolver(() => TrialBalanceLine)
export class TrialBalanceLinePostingsResolver {
  @FieldResolver(() => ReportPostingConnection, { complexity: postingsComplexity, description: TRIAL_BALANCE_DESCRIPTION })
  async postings(@Root() line: TrialBalanceLine, @Args() args: ReportPostingsArgs, @Ctx() ctx: ReportContext): Promise<Connection<ReportPosting>> {
    return postingsPage(line, args, ctx);
  }
}

/** A page of one line's postings (shared by every report line type that drills down). */
export async function postingsPage(line: object, args: ReportPostingsArgs, ctx: ReportContext): Promise<Connection<ReportPosting>> {
  const drill = drillContextOf(line);
  if (!drill) {
    throw new GatewayError(ErrorCode.NOT_SUPPORTED, "postings are answered on one organization's own report lines (balanceSheet, profitAndLoss, trialBalance), not on consolidated ones; drill into each organization's report instead.");
  }
  const problems = [];
  if (!Number.isInteger(args.period) || args.period < 0 || args.period >= drill.columns.length) {
    problems.push({ field: "period", message: `must be a column of the report, 0 to ${drill.columns.length - 1}; got ${args.period}.` });
  } else if (drill.columns[args.period]!.trackingOption !== undefined) {
    const total = drill.columns.findIndex((c) => c.trackingOption === undefined);
    problems.push({
      field: "period",
      message: `is the '${drill.columns[args.period]!.trackingOption}' column of a tracking breakdown; postings are not split by tracking option yet. Drill into the Total column (period: ${total}) instead.`,
    });
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    problems.push({ field: "first", message: `must be between 1 and ${MAX_PAGE_SIZE}; got ${first}. Page with 'after' for more.` });
  }
  if (problems.length) throw badUserInput(problems);
  const offset = decodeCursor(args.after);
  if (!drill.accountRemoteId) return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null }, totalCount: 0 };
  const { postings, sign } = await linePostings(ctx, { ...drill, accountRemoteId: drill.accountRemoteId }, args.period);
  const page = postings.slice(offset, offset + first);
  chargePostings(ctx, page.length);
  const edges = page.map((p, i) => ({ cursor: encodeCursor(offset + i), node: toReportPosting(p, sign, drill, ctx) }));
  return {
    edges,
    pageInfo: { hasNextPage: offset + first < postings.length, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: postings.length,
  };
}

function toReportPosting(p: DrillPosting, sign: 1 | -1, drill: DrillContext, ctx: ReportContext): ReportPosting {
  return {
    date: p.date,
    accountRemoteId: p.accountRemoteId,
    accountCode: p.accountCode ?? null,
    amount: money(p.amount),
    lineAmount: money(p.amount, sign),
    description: p.description ?? null,
    sourceType: p.source?.type ?? null,
    sourceId: p.source?.id ?? null,
    // Called by graphql-js only when `document` is selected (the field is `simple`).
    document: (() => loadDocument(ctx, drill.organizationId, p.document ?? null)) as unknown as Node,
  };
}

/** The record behind a posting, through the request's loaders (batched, the mirror when in sync); null when the connector cannot fetch that entity. */
async function loadDocument(ctx: ReportContext, organizationId: string, ref: DocumentRef | null): Promise<Node | null> {
  if (!ref) return null;
  const adapter = await ctx.organizations.adapter(organizationId);
  if (!supports(adapter.capabilities, ref.entity, "get")) return null;
  return ((await ctx.loaders.entity(organizationId, ref.entity).load(ref.remoteId)) as Node | null) ?? null;
}

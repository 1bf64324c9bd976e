import { ArgsType, Field, ID, Int } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { ReportBasis, ReportTimeframe } from "./report-enums.js";
import { ReadSource } from "../common/read-source.enum.js";
import { badUserInput, GatewayError, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { PROJECTS_CATEGORY } from "../../src/reports/tracking-columns.js";

@ArgsType()
class ReportArgs {
  @Field(() => Int, { defaultValue: 0, description: "Extra comparison periods before the first one, 0-11." })
  periods!: number;

  @Field(() => ReportTimeframe, { defaultValue: ReportTimeframe.MONTH })
  timeframe!: ReportTimeframe;

  @Field(() => ReportBasis, { defaultValue: ReportBasis.ACCRUAL })
  basis!: ReportBasis;

  @Field(() => ReadSource, {
    defaultValue: ReadSource.AUTO,
    description:
      "Computed reports: MIRROR computes from the mirror's books read at one moment; AUTO does so when every entity the report reads is IN_SYNC, " +
      "else lists the books live (LIVE). Reports the provider makes (Xero's; Daftra's accrual reports from its journals): AUTO serves a cached copy " +
      "until a change to the organization's books arrives; LIVE fetches anew; MIRROR is refused. `servedFrom` says what the answer was made from.",
  })
  source!: ReadSource;

  @Field(() => ID, {
    nullable: true,
    description:
      "Break the report down by this tracking category: one column per option, then 'Unassigned' and 'Total' (the report without it). " +
      "The id of a TrackingCategory of this organization (Xero). `periods` must be 0 with it.",
  })
  trackingCategoryId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Break the report down by project (Clientary): one column per project, then 'Unassigned' and 'Total'. `periods` must be 0 with it.",
  })
  byProject!: boolean;
}

@ArgsType()
export class BalanceSheetArgs extends ReportArgs {
  @Field(() => DateScalar, { nullable: true, description: "Balance as at this date (default: today)." })
  date?: string;
}

@ArgsType()
export class ProfitAndLossArgs extends ReportArgs {
  @Field(() => DateScalar, { nullable: true, description: "First day (default: the first of this month)." })
  fromDate?: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day (default: today)." })
  toDate?: string;
}

export function checkPeriods(periods: number, problems: FieldProblem[] = []): FieldProblem[] {
  if (!Number.isInteger(periods) || periods < 0 || periods > 11) {
    problems.push({ field: "periods", message: `must be a whole number from 0 to 11; got ${periods}.` });
  }
  return problems;
}

export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length) throw badUserInput(problems);
}

/**
 * The tracking category's provider id from `trackingCategoryId` (a TrackingCategory global id of this
 * organization), PROJECTS_CATEGORY for `byProject`, or undefined without either; problems when the id is
 * foreign or of another type, when both are given, or when either comes with comparison periods.
 */
export function trackingCategoryRemoteId(
  args: { trackingCategoryId?: string | null; byProject?: boolean; periods: number },
  organizationId: string,
  problems: FieldProblem[],
): string | undefined {
  const id = args.trackingCategoryId;
  if (args.byProject) {
    if (id != null) problems.push({ field: "byProject", message: "cannot be combined with trackingCategoryId; ask for one breakdown." });
    else if (args.periods !== 0) problems.push({ field: "periods", message: `must be 0 with byProject (got ${args.periods}); ask one report per period instead.` });
    return PROJECTS_CATEGORY;
  }
  if (id == null) return undefined;
  let parts;
  try {
    parts = fromGlobalId(id, "trackingCategoryId");
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    problems.push({ field: "trackingCategoryId", message: `'${id}' is not a Ledgerline id; use the \`id\` of a TrackingCategory of this organization.` });
    return undefined;
  }
  if (parts.type !== "TrackingCategory" || parts.organizationId !== organizationId) {
    problems.push({ field: "trackingCategoryId", message: `'${id}' is not a TrackingCategory of this organization; use the \`id\` of one of its tracking categories.` });
    return undefined;
  }
  if (args.periods !== 0) problems.push({ field: "periods", message: `must be 0 when a tracking category is given (got ${args.periods}); ask one report per period instead.` });
  return parts.remoteId;
}

/** `trackingCategoryRemoteId` for the report params when a breakdown is asked for (nothing otherwise, so cache keys stay as they were). */
export function trackingParams(
  args: { trackingCategoryId?: string | null; byProject?: boolean; periods: number },
  organizationId: string,
  problems: FieldProblem[],
): { trackingCategoryRemoteId?: string } {
  const remoteId = trackingCategoryRemoteId(args, organizationId, problems);
  return remoteId === undefined ? {} : { trackingCategoryRemoteId: remoteId };
}

import { ArgsType, Field, ID, Int } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { ReadSource } from "../common/read-source.enum.js";
import { ReportBasis, ReportTimeframe } from "./report-enums.js";
import { AgedBy } from "./standard-reports.type.js";
import type { FieldProblem } from "../../src/errors/index.js";

const SOURCE_DESCRIPTION = "What to read: as on `balanceSheet` (AUTO, MIRROR or LIVE); `servedFrom` says what the answer was made from.";

@ArgsType()
export class TrialBalanceArgs {
  @Field(() => DateScalar, { nullable: true, description: "Balances as at this date (default: today)." })
  date?: string;
  @Field(() => ReportBasis, { defaultValue: ReportBasis.ACCRUAL })
  basis!: ReportBasis;
  @Field(() => ReadSource, { defaultValue: ReadSource.AUTO, description: SOURCE_DESCRIPTION })
  source!: ReadSource;
}

@ArgsType()
export class AgedReportArgs {
  @Field(() => DateScalar, { nullable: true, description: "Amounts due as at this date: later payments and credits are not counted (default: today)." })
  date?: string;
  @Field(() => AgedBy, { defaultValue: AgedBy.DUE_DATE })
  agedBy!: AgedBy;
  @Field(() => [Int], {
    defaultValue: [30, 60, 90],
    description: "Bucket boundaries in days, ascending, 1 to 10 of them, each 1-3650: [30, 60, 90] gives Current, 1-30, 31-60, 61-90 and 'Older than 90 days'.",
  })
  bucketDays!: number[];
  @Field(() => ID, { nullable: true, description: "Only this contact's documents (a Contact id of this organization). On Xero this is Xero's own AgedReceivablesByContact / AgedPayablesByContact." })
  contactId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Only documents issued on or after this day." })
  fromDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Only documents issued on or before this day (default: `date`)." })
  toDate?: string | null;
  @Field(() => ReadSource, { defaultValue: ReadSource.AUTO, description: SOURCE_DESCRIPTION })
  source!: ReadSource;
}

@ArgsType()
export class CashSummaryArgs {
  @Field(() => DateScalar, { nullable: true, description: "First day (default: the first of this month)." })
  fromDate?: string;
  @Field(() => DateScalar, { nullable: true, description: "Last day (default: today)." })
  toDate?: string;
  @Field(() => Int, { defaultValue: 0, description: "Extra comparison periods before the first one, 0-11." })
  periods!: number;
  @Field(() => ReportTimeframe, { defaultValue: ReportTimeframe.MONTH })
  timeframe!: ReportTimeframe;
  @Field(() => ReadSource, { defaultValue: ReadSource.AUTO, description: SOURCE_DESCRIPTION })
  source!: ReadSource;
}

export const MAX_BUCKETS = 10;
export const MAX_BUCKET_DAYS = 3650;

/** Bucket boundaries: 1-10 whole numbers of days, strictly ascending, each 1-3650. */
export function checkBucketDays(days: number[], problems: FieldProblem[] = []): FieldProblem[] {
  if (days.length < 1 || days.length > MAX_BUCKETS) {
    problems.push({ field: "bucketDays", message: `has ${days.length} boundaries; give 1 to ${MAX_BUCKETS}, e.g. [30, 60, 90].` });
    return problems;
  }
  days.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > MAX_BUCKET_DAYS) problems.push({ field: `bucketDays[${i}]`, message: `is ${d}; each boundary is a whole number of days from 1 to ${MAX_BUCKET_DAYS}.` });
    else if (i > 0 && d <= days[i - 1]) problems.push({ field: `bucketDays[${i}]`, message: `is ${d}, not above the one before it (${days[i - 1]}); list boundaries in ascending order.` });
  });
  return problems;
}

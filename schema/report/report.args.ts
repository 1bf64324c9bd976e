import { ArgsType, Field, Int } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { ReportBasis, ReportTimeframe } from "./report-enums.js";
import { ReadSource } from "../common/read-source.enum.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";

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

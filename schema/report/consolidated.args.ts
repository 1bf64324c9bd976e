import { ArgsType, Field, ID, Int } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { ReadSource } from "../common/read-source.enum.js";
import { ReportBasis, ReportTimeframe } from "./report-enums.js";
import { ExchangeRateInput } from "./consolidated.type.js";

/**
 * The per-organization report arguments that make sense across organizations (no tracking breakdown:
 * tracking categories belong to one organization), plus whose reports and at what rates. Declared here,
 * not inherited from report.args.ts, so a new per-organization argument does not appear here unasked.
 */
@ArgsType()
class ConsolidatedArgs {
  @Field(() => [ID], { description: "The organizations to consolidate (1 to 20, each once); the API key must be allowed to read every one." })
  organizationIds!: string[];

  @Field(() => String, { description: "ISO 4217 code every amount is converted to, e.g. USD." })
  reportingCurrency!: string;

  @Field(() => [ExchangeRateInput], {
    description:
      "One rate per currency of the organizations other than the reporting currency: 1 unit of `currency` = `rate` units of the reporting currency. " +
      "The gateway has no exchange-rate source of its own; the reporting currency is always at 1.",
  })
  rates!: ExchangeRateInput[];

  @Field(() => Int, { defaultValue: 0, description: "Extra comparison periods before the first one, 0-11." })
  periods!: number;

  @Field(() => ReportTimeframe, { defaultValue: ReportTimeframe.MONTH })
  timeframe!: ReportTimeframe;

  @Field(() => ReportBasis, { defaultValue: ReportBasis.ACCRUAL })
  basis!: ReportBasis;

  @Field(() => ReadSource, { defaultValue: ReadSource.AUTO, description: "Where each organization's report is made from, as for `organization { profitAndLoss(source:) }`." })
  source!: ReadSource;
}

@ArgsType()
export class ConsolidatedProfitAndLossArgs extends ConsolidatedArgs {
  @Field(() => DateScalar, { nullable: true, description: "First day (default: the first of this month)." })
  fromDate?: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day (default: today)." })
  toDate?: string;
}

@ArgsType()
export class ConsolidatedBalanceSheetArgs extends ConsolidatedArgs {
  @Field(() => DateScalar, { nullable: true, description: "Balance as at this date (default: today)." })
  date?: string;
}

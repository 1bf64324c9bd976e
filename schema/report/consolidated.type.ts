import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar, DecimalScalar } from "../scalars/index.js";
import { Provider } from "../common/provider.enum.js";
import { ReportBasis, ReportServedFrom } from "./report-enums.js";
import { ReportCheck, ReportPeriod, ReportSection } from "./report.type.js";

@InputType({ description: "How many units of the reporting currency one unit of `currency` is worth, e.g. { currency: \"SAR\", rate: \"0.2666\" } for USD." })
export class ExchangeRateInput {
  @Field(() => String, { description: "ISO 4217 code of an organization's currency, e.g. SAR." })
  currency!: string;

  @Field(() => DecimalScalar, { description: "Units of the reporting currency per 1 unit of `currency` (greater than zero)." })
  rate!: string;
}

@ObjectType({ description: "One organization in a consolidated report, with the rate its figures were converted at." })
export class ConsolidatedOrganization {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) name!: string;
  @Field(() => Provider) provider!: Provider;
  @Field(() => String, { description: "The currency of the organization's own report (its base currency)." }) currency!: string;
  @Field(() => DecimalScalar, { description: "Units of the reporting currency per 1 unit of `currency`: 1 for the reporting currency, else the rate the caller gave." })
  rate!: string;
  @Field(() => String, { description: "NATIVE when the provider computed the organization's report; COMPUTED when the gateway's reports engine did." })
  source!: string;
  @Field(() => ReportServedFrom, { description: "What the organization's report was made from (LIVE, MIRROR or CACHE)." }) servedFrom!: ReportServedFrom;
  @Field(() => DateTimeScalar) generatedAt!: string;
  @Field(() => Boolean, { description: "True when every integrity check of the organization's own report passed." }) balanced!: boolean;
}

/** Fields shared by the consolidated reports. */
/* Base class: its fields are inherited; it is not itself in the schema (nothing returns it). */
@ObjectType()
export abstract class ConsolidatedReport {
  @Field(() => String) title!: string;
  @Field(() => String, { description: "The currency every amount is in (ISO 4217)." }) reportingCurrency!: string;
  @Field(() => ReportBasis) basis!: ReportBasis;
  @Field(() => [ReportPeriod], { description: "The columns, as the first organization's report states them." }) periods!: ReportPeriod[];
  @Field(() => [ReportSection], {
    description:
      "Sections merged by key, lines by account code and name. Each organization's line is converted on its own (amount × rate, 2 dp half-up); totals are the sums of the converted lines.",
  })
  sections!: ReportSection[];
  @Field(() => Boolean, { description: "True when every check passed: the consolidated report's own and every organization's." }) balanced!: boolean;
  @Field(() => [ReportCheck]) checks!: ReportCheck[];
  @Field(() => [ConsolidatedOrganization], { description: "The organizations consolidated, in the order asked, with the rate used for each." })
  organizations!: ConsolidatedOrganization[];
}

@ObjectType({ description: "Several organizations' profit and loss in one reporting currency." })
export class ConsolidatedProfitAndLoss extends ConsolidatedReport {
  @Field(() => DateScalar) fromDate!: string;
  @Field(() => DateScalar) toDate!: string;
  @Field(() => [DecimalScalar], { description: "Trading income (the INCOME section), per period." }) totalIncome!: string[];
  @Field(() => [DecimalScalar], { description: "Income minus cost of sales, per period." }) grossProfit!: string[];
  @Field(() => [DecimalScalar], { description: "Operating and other expenses (not cost of sales), per period." }) totalExpenses!: string[];
  @Field(() => [DecimalScalar], { description: "Gross profit plus other income minus expenses, per period." }) netProfit!: string[];
}

@ObjectType({ description: "Several organizations' balance sheets in one reporting currency." })
export class ConsolidatedBalanceSheet extends ConsolidatedReport {
  @Field(() => DateScalar) date!: string;
  @Field(() => [DecimalScalar]) totalAssets!: string[];
  @Field(() => [DecimalScalar]) totalLiabilities!: string[];
  @Field(() => [DecimalScalar], { description: "Assets minus liabilities." }) netAssets!: string[];
  @Field(() => [DecimalScalar]) totalEquity!: string[];
}

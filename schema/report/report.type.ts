import { Field, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from "../scalars/index.js";
import { Provider } from "../common/provider.enum.js";
import { ReportBasis, ReportServedFrom } from "./report-enums.js";

@ObjectType({ description: "The tracking option a report column is for." })
export class ReportTrackingOption {
  @Field(() => String, { nullable: true, description: "The option's provider id (Xero TrackingOptionID; Clientary project id); null for 'Unassigned'." })
  id!: string | null;
  @Field(() => String) name!: string;
}

@ObjectType({
  description:
    "One value column of a report, the same for every provider. A period report's figures cover fromDate..toDate (each column its own period, " +
    "not period-to-date), labelled 'Sep 2026' for a whole month, else '1 Jul 2026 – 30 Sep 2026'. A balance's figures are at toDate, labelled " +
    "'30 Sep 2026'; its fromDate is the day after the next older column's date (the span the change between the two columns covers).",
})
export class ReportPeriod {
  @Field(() => String) label!: string;
  @Field(() => DateScalar, { description: "First day the column covers." }) fromDate!: string;
  @Field(() => DateScalar, { description: "Last day the column covers; a balance is at this date." }) toDate!: string;
  @Field(() => ReportTrackingOption, {
    nullable: true,
    description: "In a report by tracking category: the option this column holds (id null for 'Unassigned'); null for the 'Total' column and in other reports.",
  })
  trackingOption?: ReportTrackingOption | null;
}

@ObjectType({ description: "One account's amounts, one per period, in the order of `periods`." })
export class ReportLine {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) accountRemoteId?: string | null;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => [DecimalScalar]) amounts!: string[];
}

@ObjectType({ description: "A group of lines with its total; may hold sub-sections." })
export class ReportSection {
  @Field(() => String, { description: "Stable key, e.g. INCOME, OPERATING_EXPENSES, ASSETS, BANK, EQUITY." }) key!: string;
  @Field(() => String) title!: string;
  @Field(() => [ReportLine]) lines!: ReportLine[];
  @Field(() => [ReportSection]) sections!: ReportSection[];
  @Field(() => [DecimalScalar], { description: "Section total per period: its lines plus its sub-sections." }) total!: string[];
}

@ObjectType({ description: "An integrity check the gateway ran on the report." })
export class ReportCheck {
  @Field(() => String) name!: string;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => [DecimalScalar], { description: "Difference per period; all zero when passed." }) difference!: string[];
  @Field(() => String) message!: string;
}

/** Fields shared by every financial report. */
/* Base class: its fields are inherited; it is not itself in the schema (nothing returns it). */
@ObjectType()
export abstract class FinancialReport {
  @Field(() => String) organizationId!: string;
  @Field(() => Provider) provider!: Provider;
  @Field(() => String) title!: string;
  @Field(() => ReportBasis) basis!: ReportBasis;
  @Field(() => String) currency!: string;
  @Field(() => [ReportPeriod]) periods!: ReportPeriod[];
  @Field(() => [ReportSection]) sections!: ReportSection[];
  @Field(() => Boolean, { description: "True when every integrity check passed." }) balanced!: boolean;
  @Field(() => [ReportCheck]) checks!: ReportCheck[];
  @Field(() => String, { description: "NATIVE when the provider computed it; COMPUTED when the gateway's reports engine did." })
  source!: string;
  @Field(() => JSONScalar, { nullable: true, description: "The provider's native report layout." }) raw?: unknown;
  /* Set by the gateway when it serves the report (the resolver), not by connectors: optional here, never null in the schema. */
  @Field(() => ReportServedFrom, { description: "What this answer was made from: LIVE (the provider now), MIRROR (the mirror's books at one moment) or CACHE (an earlier LIVE report, still valid)." })
  servedFrom?: ReportServedFrom;
  @Field(() => DateTimeScalar, { description: "When the gateway began producing this report; for CACHE, when the cached report was produced." })
  generatedAt?: string;
}

@ObjectType({ description: "Assets, liabilities and equity at one or more dates." })
export class BalanceSheet extends FinancialReport {
  @Field(() => DateScalar) date!: string;
  @Field(() => [DecimalScalar]) totalAssets!: string[];
  @Field(() => [DecimalScalar]) totalLiabilities!: string[];
  @Field(() => [DecimalScalar], { description: "Assets minus liabilities." }) netAssets!: string[];
  @Field(() => [DecimalScalar]) totalEquity!: string[];
}

@ObjectType({ description: "Income and expenses over one or more periods." })
export class ProfitAndLoss extends FinancialReport {
  @Field(() => DateScalar) fromDate!: string;
  @Field(() => DateScalar) toDate!: string;
  @Field(() => [DecimalScalar], { description: "Trading income (the INCOME section), per period." }) totalIncome!: string[];
  @Field(() => [DecimalScalar], { description: "Income minus cost of sales, per period." }) grossProfit!: string[];
  @Field(() => [DecimalScalar], { description: "Operating and other expenses (not cost of sales), per period." }) totalExpenses!: string[];
  @Field(() => [DecimalScalar], { description: "Gross profit plus other income minus expenses, per period." }) netProfit!: string[];
}

import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from "../scalars/index.js";
import { Provider } from "../common/provider.enum.js";
import { AccountClass } from "../account/account.type.js";
import { ReportBasis, ReportServedFrom } from "./report-enums.js";
import { ReportCheck, ReportPeriod } from "./report.type.js";

/**
 * The standard reports beside the balance sheet and P&L: trial balance, aged receivables and
 * payables, cash summary. Native where the provider makes them (Xero), computed by the shared engine
 * everywhere else; every one carries the same header, `checks` and `balanced`.
 */
@ObjectType()
export abstract class StandardReport {
  @Field(() => String) organizationId!: string;
  @Field(() => Provider) provider!: Provider;
  @Field(() => String) title!: string;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: "NATIVE when the provider computed it; COMPUTED when the gateway's reports engine did." })
  source!: string;
  @Field(() => Boolean, { description: "True when every integrity check passed." }) balanced!: boolean;
  @Field(() => [ReportCheck]) checks!: ReportCheck[];
  @Field(() => JSONScalar, { nullable: true, description: "The provider's native report layout." }) raw?: unknown;
  @Field(() => ReportServedFrom, { description: "What this answer was made from: LIVE, MIRROR or CACHE (as on balanceSheet)." })
  servedFrom?: ReportServedFrom;
  @Field(() => DateTimeScalar, { description: "When the gateway began producing this report; for CACHE, when the cached report was produced." })
  generatedAt?: string;
}

@ObjectType({ description: "One account on a trial balance. Debits and credits are positive; an account shows its balance on one side." })
export class TrialBalanceLine {
  @Field(() => String) accountRemoteId!: string;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => String) name!: string;
  @Field(() => AccountClass) class!: AccountClass;
  @Field(() => DecimalScalar, { description: "Net debit movement of the month holding `date`, up to `date` (0.00 when the month's net is a credit)." })
  debit!: string;
  @Field(() => DecimalScalar, { description: "Net credit movement of the month holding `date`, up to `date`." })
  credit!: string;
  @Field(() => DecimalScalar, {
    description: "Debit balance at `date`: from the financial year's first day for income and expense accounts, since the books began for the others.",
  })
  ytdDebit!: string;
  @Field(() => DecimalScalar, { description: "Credit balance at `date`, on the same terms as `ytdDebit`." })
  ytdCredit!: string;
}

@ObjectType({ description: "Every account's balance at a date; total debits equal total credits." })
export class TrialBalance extends StandardReport {
  @Field(() => ReportBasis) basis!: ReportBasis;
  @Field(() => DateScalar) date!: string;
  @Field(() => [ReportPeriod], {
    description: "Two columns: the month to `date` (debit/credit) and the year to `date` (ytdDebit/ytdCredit; balance-sheet accounts since the books began).",
  })
  periods!: ReportPeriod[];
  @Field(() => [TrialBalanceLine]) lines!: TrialBalanceLine[];
  @Field(() => DecimalScalar) totalDebit!: string;
  @Field(() => DecimalScalar) totalCredit!: string;
  @Field(() => DecimalScalar) totalYtdDebit!: string;
  @Field(() => DecimalScalar) totalYtdCredit!: string;
}

export enum AgedBy {
  DUE_DATE = "DUE_DATE",
  ISSUE_DATE = "ISSUE_DATE",
}
registerEnumType(AgedBy, { name: "AgedBy", description: "What a document's age counts from: its due date (overdue days) or its issue date." });

@ObjectType({ description: "One ageing column: documents `fromDays` to `toDays` days old (toDays null: and older). CURRENT is fromDays null." })
export class AgedBucket {
  @Field(() => String) label!: string;
  @Field(() => Int, { nullable: true }) fromDays?: number | null;
  @Field(() => Int, { nullable: true }) toDays?: number | null;
}

@ObjectType({ description: "One open document on an aged report, as at the report date." })
export class AgedDocument {
  @Field(() => String, { description: "The document's global id (Invoice, Bill or CreditNote)." }) documentId!: string;
  @Field(() => String, { description: "INVOICE, BILL, SALES_CREDIT or PURCHASE_CREDIT." }) kind!: string;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => DateScalar) issueDate!: string;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => DecimalScalar, { description: "The document's total (credit notes negative)." }) total!: string;
  @Field(() => DecimalScalar, { description: "Paid by payments dated on or before the report date." }) paid!: string;
  @Field(() => DecimalScalar, { description: "Settled by credit notes or prepayments allocated on or before the report date." }) credited!: string;
  @Field(() => DecimalScalar, { description: "total − paid − credited." }) due!: string;
  @Field(() => Int, { description: "Days past the due date (or issue date, per `agedBy`) at the report date; negative when not yet due." }) daysAged!: number;
  @Field(() => Int, { description: "Index into `buckets`." }) bucket!: number;
}

@ObjectType({ description: "One contact's open documents and their ageing." })
export class AgedContact {
  @Field(() => String, { nullable: true, description: "The contact's global id." }) contactId?: string | null;
  @Field(() => String) contactName!: string;
  @Field(() => [DecimalScalar], { description: "Amount due per bucket, in the order of `buckets`." }) amounts!: string[];
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [AgedDocument]) documents!: AgedDocument[];
}

@ObjectType({ description: "What customers owe (receivables) or what is owed to suppliers (payables) at a date, by age." })
export class AgedReport extends StandardReport {
  @Field(() => DateScalar) date!: string;
  @Field(() => AgedBy) agedBy!: AgedBy;
  @Field(() => [AgedBucket]) buckets!: AgedBucket[];
  @Field(() => [AgedContact]) contacts!: AgedContact[];
  @Field(() => [DecimalScalar], { description: "Amount due per bucket across contacts." }) amounts!: string[];
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType({ description: "One bank or cash account's movement, one value per period in the order of `periods`." })
export class CashSummaryAccount {
  @Field(() => String) accountRemoteId!: string;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => String) name!: string;
  @Field(() => [DecimalScalar]) opening!: string[];
  @Field(() => [DecimalScalar], { description: "Money in during the period." }) received!: string[];
  @Field(() => [DecimalScalar], { description: "Money out during the period (positive)." }) spent!: string[];
  @Field(() => [DecimalScalar], { description: "opening + received − spent." }) closing!: string[];
}

@ObjectType({ description: "Money in and out of each bank and cash account, per period." })
export class CashSummary extends StandardReport {
  @Field(() => DateScalar) fromDate!: string;
  @Field(() => DateScalar) toDate!: string;
  @Field(() => [ReportPeriod]) periods!: ReportPeriod[];
  @Field(() => [CashSummaryAccount]) accounts!: CashSummaryAccount[];
  @Field(() => [DecimalScalar]) opening!: string[];
  @Field(() => [DecimalScalar]) received!: string[];
  @Field(() => [DecimalScalar]) spent!: string[];
  @Field(() => [DecimalScalar]) closing!: string[];
}

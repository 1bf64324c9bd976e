import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { Node } from "../common/node.interface.js";
import { createConnectionType } from "../common/connection.factory.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/connection.args.js";

@ObjectType({ description: "One journal line behind a report line: a posting of the report's ledger to the line's account." })
export class ReportPosting {
  @Field(() => DateScalar) date!: string;
  @Field(() => String) accountRemoteId!: string;
  @Field(() => String, { nullable: true }) accountCode?: string | null;
  @Field(() => DecimalScalar, { description: "Debit positive, credit negative." }) amount!: string;
  @Field(() => DecimalScalar, {
    description:
      "The amount in the line's direction (credits positive on income, liability and equity lines): a column's lineAmounts sum to the line's amount, " +
      "except on a retained earnings line, whose balance also holds earlier years' profit.",
  })
  lineAmount!: string;
  @Field(() => String, { nullable: true, description: "The provider's journal line description, when it has one." }) description?: string | null;
  @Field(() => String, { nullable: true, description: "What posted it, as the provider (or the gateway's engine) names it: ACCREC, ACCRECPAYMENT, invoice_payment, INVOICE, Payment…" })
  sourceType?: string | null;
  @Field(() => String, { nullable: true, description: "The id of what posted it (a journal's or a record's id), as the provider gives it." }) sourceId?: string | null;
  // simple: the value is a function graphql-js calls only when `document` is selected (a loader read).
  @Field(() => Node, { nullable: true, simple: true, description: "The record that posted it (Invoice, Bill, CreditNote, Payment, Expense, BankTransaction), read through the request's loaders; null when it is none of those." })
  document?: Node | null;
}

export const ReportPostingConnection = createConnectionType(ReportPosting, "ReportPosting");

@ArgsType()
export class ReportPostingsArgs {
  @Field(() => Int, { defaultValue: 0, description: "Which column of the report: 0 is the first of `periods`." })
  period!: number;

  @Field(() => Int, { nullable: true, description: `How many postings (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string;
}

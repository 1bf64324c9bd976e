import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { LineAmountType } from "../common/document.type.js";
import { InvoiceStatus } from "./invoice-status.enum.js";

@InputType()
export class TrackingInput {
  @Field(() => String) categoryName!: string;
  @Field(() => String) optionName!: string;
}

@InputType({ description: "One line of a document to create." })
export class LineInput {
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Default 1." }) quantity?: string;
  @Field(() => DecimalScalar, { nullable: true }) unitAmount?: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Percent." }) discountRate?: string;
  @Field(() => String, { nullable: true }) accountCode?: string;
  @Field(() => String, { nullable: true }) itemCode?: string;
  @Field(() => String, { nullable: true }) taxRateCode?: string;
  @Field(() => [TrackingInput], { nullable: true }) tracking?: TrackingInput[];
}

/** Fields every commercial document's create input shares (invoices, bills, credit notes, purchase orders). */
/* Base class: its fields are inherited; it is not itself in the schema (no argument takes it). */
@InputType()
export abstract class CommercialDocumentInput {
  @Field(() => ID, { description: "Global id of a Contact in the same organization." }) contactId!: string;
  @Field(() => DateScalar, { nullable: true, description: "Default: today at the provider." }) issueDate?: string;
  @Field(() => LineAmountType, { nullable: true, description: "Default EXCLUSIVE." }) lineAmountType?: LineAmountType;
  @Field(() => [LineInput]) lines!: LineInput[];
  @Field(() => String, { nullable: true }) number?: string;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true, description: "ISO 4217; default the organization's base currency." }) currency?: string;
}

@InputType({ description: "A sales invoice or a bill to create." })
export class DocumentInput extends CommercialDocumentInput {
  @Field(() => DateScalar, { nullable: true, description: "Required by most providers to approve (AUTHORISED)." }) dueDate?: string;
  @Field(() => InvoiceStatus, { nullable: true, description: "DRAFT (default), SUBMITTED or AUTHORISED." }) status?: InvoiceStatus;
}

@InputType({ description: "Changes to an invoice or bill; fields left out stay as they are. Lines, when given, replace all lines." })
export class DocumentUpdateInput {
  @Field(() => InvoiceStatus, { nullable: true, description: "DRAFT, SUBMITTED or AUTHORISED, as the provider's rules allow; void or delete with deleteRecord." }) status?: InvoiceStatus;
  @Field(() => DateScalar, { nullable: true }) issueDate?: string;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true }) number?: string;
  @Field(() => LineAmountType, { nullable: true }) lineAmountType?: LineAmountType;
  @Field(() => [LineInput], { nullable: true }) lines?: LineInput[];
}

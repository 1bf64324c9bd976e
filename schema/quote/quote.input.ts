import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../scalars/index.js";
import { LineAmountType } from "../common/document.type.js";
import { LineInput } from "../invoice/invoice.input.js";
import { QuoteStatus } from "./quote.type.js";

@InputType({ description: "A quote to offer a customer." })
export class QuoteInput {
  @Field(() => ID, { description: "Global id of a Contact in the same organization." }) contactId!: string;
  @Field(() => DateScalar, { nullable: true, description: "Default: today at the provider." }) issueDate?: string;
  @Field(() => DateScalar, { nullable: true }) expiryDate?: string;
  @Field(() => LineAmountType, { nullable: true }) lineAmountType?: LineAmountType;
  @Field(() => [LineInput]) lines!: LineInput[];
  @Field(() => QuoteStatus, { nullable: true, description: "DRAFT (default) or SENT." }) status?: QuoteStatus;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => String, { nullable: true }) terms?: string;
}

@InputType({ description: "Changes to a quote. Providers such as Xero allow full edits only while DRAFT; later, only status moves." })
export class QuoteUpdateInput {
  @Field(() => DateScalar, { nullable: true }) issueDate?: string;
  @Field(() => DateScalar, { nullable: true }) expiryDate?: string;
  @Field(() => LineAmountType, { nullable: true }) lineAmountType?: LineAmountType;
  @Field(() => [LineInput], { nullable: true, description: "Replaces all lines." }) lines?: LineInput[];
  @Field(() => QuoteStatus, { nullable: true }) status?: QuoteStatus;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => String, { nullable: true }) terms?: string;
}

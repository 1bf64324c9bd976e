import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@InputType({ description: "An expense to record (providers that keep expenses apart from bills, e.g. Daftra and Clientary)." })
export class ExpenseInput {
  @Field(() => DateScalar) date!: string;
  @Field(() => DecimalScalar, { description: "The amount before tax; tax, if any, is added from taxRateCode." }) amount!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true, description: "The provider's expense category (name)." }) category?: string;
  @Field(() => String, { nullable: true, description: "Code of the expense account, where the provider posts expenses to accounts." }) accountCode?: string;
  @Field(() => String, { nullable: true }) taxRateCode?: string;
  @Field(() => String, { nullable: true, description: "Code of the bank account (Daftra: treasury) the money came from." }) paidFromAccountCode?: string;
  @Field(() => ID, { nullable: true, description: "Global id of the Contact (supplier) paid." }) contactId?: string;
  @Field(() => ID, { nullable: true, description: "Global id of the Project it belongs to." }) projectId?: string;
  @Field(() => Boolean, { nullable: true, description: "Whether it can be billed on to the client." }) isBillable?: boolean;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true, description: "ISO 4217; default the organization's base currency." }) currency?: string;
}

@InputType({ description: "Changes to an expense; fields left out stay as they are." })
export class ExpenseUpdateInput {
  @Field(() => DateScalar, { nullable: true }) date?: string;
  @Field(() => DecimalScalar, { nullable: true, description: "The amount before tax." }) amount?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => String, { nullable: true }) accountCode?: string;
  @Field(() => String, { nullable: true }) taxRateCode?: string;
  @Field(() => String, { nullable: true }) paidFromAccountCode?: string;
  @Field(() => ID, { nullable: true }) contactId?: string;
  @Field(() => ID, { nullable: true }) projectId?: string;
  @Field(() => Boolean, { nullable: true }) isBillable?: boolean;
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true }) currency?: string;
}

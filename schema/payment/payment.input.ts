import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@InputType({ description: "Money received against a sales invoice, or paid against a bill." })
export class RecordPaymentInput {
  @Field(() => ID, { description: "Global id of the Invoice or Bill being paid." }) documentId!: string;
  @Field(() => String, { description: "Code of the bank account the money moved through." }) accountCode!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => DecimalScalar, { description: "At most what the document still owes." }) amount!: string;
  @Field(() => String, { nullable: true }) reference?: string;
}

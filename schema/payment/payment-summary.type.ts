import { Field, ObjectType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@ObjectType({ description: "A payment as listed on the document it pays." })
export class PaymentSummary {
  @Field(() => String) remoteId!: string;
  @Field(() => String, { nullable: true, description: "Global id of the Payment, where the provider exposes payments." })
  paymentId?: string | null;
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

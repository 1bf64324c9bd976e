import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@ObjectType({ description: "Money moved between two of the organization's bank accounts." })
export class BankTransfer {
  @Field(() => String, { description: "The provider's own id for the transfer." }) remoteId!: string;
  @Field(() => String) fromAccountCode!: string;
  @Field(() => String) toAccountCode!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => ID, { nullable: true, description: "Global id of the BankTransaction the money left by, where the provider makes one." }) fromTransactionId?: string | null;
  @Field(() => ID, { nullable: true, description: "Global id of the BankTransaction the money arrived by, where the provider makes one." }) toTransactionId?: string | null;
}

import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { LineAmountType } from "../common/document.type.js";
import { LineInput } from "../invoice/invoice.input.js";
import { BankTransactionKind } from "./bank-transaction.type.js";

@InputType({ description: "Money spent from, or received into, a bank account without an invoice or bill." })
export class BankTransactionInput {
  @Field(() => BankTransactionKind, { description: "SPEND or RECEIVE; move money between accounts with createBankTransfer." }) kind!: BankTransactionKind;
  @Field(() => String, { description: "Code of the bank account the money moved through (Daftra: the treasury id)." }) bankAccountCode!: string;
  @Field(() => ID, { nullable: true, description: "Global id of the Contact paid or paying." }) contactId?: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => LineAmountType, { nullable: true, description: "Default EXCLUSIVE." }) lineAmountType?: LineAmountType;
  @Field(() => [LineInput]) lines!: LineInput[];
  @Field(() => String, { nullable: true }) reference?: string;
}

@InputType({ description: "Money moved between two of the organization's bank accounts." })
export class BankTransferInput {
  @Field(() => String, { description: "Code of the bank account the money leaves." }) fromAccountCode!: string;
  @Field(() => String, { description: "Code of the bank account the money arrives in; not the same as fromAccountCode." }) toAccountCode!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { nullable: true }) reference?: string;
}

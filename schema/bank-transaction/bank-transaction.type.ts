import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { CommercialDocument } from "../common/document.type.js";

export enum BankTransactionKind {
  RECEIVE = "RECEIVE",
  SPEND = "SPEND",
  RECEIVE_TRANSFER = "RECEIVE_TRANSFER",
  SPEND_TRANSFER = "SPEND_TRANSFER",
  RECEIVE_PREPAYMENT = "RECEIVE_PREPAYMENT",
  SPEND_PREPAYMENT = "SPEND_PREPAYMENT",
  RECEIVE_OVERPAYMENT = "RECEIVE_OVERPAYMENT",
  SPEND_OVERPAYMENT = "SPEND_OVERPAYMENT",
}
registerEnumType(BankTransactionKind, { name: "BankTransactionKind" });

@ObjectType({ description: "The bank account a transaction went through." })
export class BankAccountRef {
  @Field(() => String, { nullable: true }) remoteId?: string | null;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@ObjectType({ implements: Node, description: "Money spent or received directly through a bank account." })
export class BankTransaction extends CommercialDocument {
  @Field(() => BankTransactionKind) kind!: BankTransactionKind;
  @Field(() => String, { description: "AUTHORISED, DELETED or VOIDED." }) status!: string;
  @Field(() => BankAccountRef) bankAccount!: BankAccountRef;
  @Field(() => Boolean, { nullable: true }) isReconciled?: boolean | null;
}

import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import { BankAccountRef } from "../bank-transaction/bank-transaction.type.js";
import type { ContactRef } from "../common/document.type.js";

export enum ExpenseKind {
  EXPENSE = "EXPENSE",
  INCOME = "INCOME",
}
registerEnumType(ExpenseKind, { name: "ExpenseKind", description: "EXPENSE is money spent; INCOME is money received outside invoices." });

@ObjectType({ implements: Node, description: "A spend (or an income) recorded outside invoices and bills." })
export class Expense extends Node {
  @Field(() => ExpenseKind) kind!: ExpenseKind;
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's category for it." }) category?: string | null;
  @Field(() => String, { nullable: true, description: "Code of the account it is booked to." }) accountCode?: string | null;
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar) subTotal!: string;
  @Field(() => DecimalScalar) totalTax!: string;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => String, { nullable: true, description: "The provider's tax rate code." }) taxRateCode?: string | null;
  @Field(() => BankAccountRef, { nullable: true, description: "Where the money came from (or went to)." }) paidFrom?: BankAccountRef | null;
  @Field(() => Boolean, { nullable: true }) isBillable?: boolean | null;
  @Field(() => String, { nullable: true, description: "Global id of the Project it belongs to." }) projectId?: string | null;

  /** Not a GraphQL field: the supplier (or client) it was paid to, resolved to `contact`. */
  contactRef?: ContactRef | null;
}

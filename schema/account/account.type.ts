import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";

export enum AccountClass {
  ASSET = "ASSET",
  LIABILITY = "LIABILITY",
  EQUITY = "EQUITY",
  REVENUE = "REVENUE",
  EXPENSE = "EXPENSE",
}
registerEnumType(AccountClass, { name: "AccountClass" });

export enum AccountStatus {
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
  DELETED = "DELETED",
}
registerEnumType(AccountStatus, { name: "AccountStatus" });

@ObjectType({ implements: Node, description: "An account in the chart of accounts." })
export class Account extends Node {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String) name!: string;
  @Field(() => AccountClass) class!: AccountClass;
  @Field(() => String, { description: "The provider's account type, e.g. Xero's BANK, REVENUE, CURRLIAB." }) type!: string;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean) isBankAccount!: boolean;
  @Field(() => String, { nullable: true }) bankAccountNumber?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true, description: "Default tax rate code for lines on this account." })
  taxRateCode?: string | null;
}

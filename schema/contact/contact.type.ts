import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Address, Phone } from "../common/address.type.js";

export enum ContactStatus {
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ContactStatus, { name: "ContactStatus" });

@ObjectType({ implements: Node, description: "A customer, a supplier, or both." })
export class Contact extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's customer/supplier number." })
  accountNumber?: string | null;
  @Field(() => String, { nullable: true }) taxNumber?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 4217 code of the contact's default currency." })
  currency?: string | null;
  @Field(() => Boolean) isCustomer!: boolean;
  @Field(() => Boolean) isSupplier!: boolean;
  @Field(() => ContactStatus) status!: ContactStatus;
  @Field(() => [Phone]) phones!: Phone[];
  @Field(() => [Address]) addresses!: Address[];
}

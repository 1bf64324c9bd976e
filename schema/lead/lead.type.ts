import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Address, Phone } from "../common/address.type.js";

@ObjectType({ implements: Node, description: "A prospective client, not yet a customer (a separate type: leads have no books)." })
export class Lead extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's pipeline status." }) status?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => [Phone]) phones!: Phone[];
  @Field(() => [Address]) addresses!: Address[];
}

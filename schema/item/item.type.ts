import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DecimalScalar } from "../scalars/index.js";

@ObjectType({ implements: Node, description: "A product or service the organization buys or sells." })
export class Item extends Node {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean) isSold!: boolean;
  @Field(() => Boolean) isPurchased!: boolean;
  @Field(() => DecimalScalar, { nullable: true }) salesUnitPrice?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) purchaseUnitPrice?: string | null;
  @Field(() => String, { nullable: true }) salesAccountCode?: string | null;
  @Field(() => String, { nullable: true }) purchaseAccountCode?: string | null;
  @Field(() => Boolean, { description: "Whether the provider tracks stock for it." }) isTracked!: boolean;
  @Field(() => DecimalScalar, { nullable: true }) quantityOnHand?: string | null;
}

import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";

@ObjectType()
export class TrackingOption {
  @Field(() => String) remoteId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) status!: string;
}

@ObjectType({ implements: Node, description: "A dimension (region, department, class) that lines can be tagged with." })
export class TrackingCategory extends Node {
  @Field(() => String) name!: string;
  @Field(() => String) status!: string;
  @Field(() => [TrackingOption]) options!: TrackingOption[];
}

import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";

@ObjectType({ implements: Node, description: "A person on the organization's team." })
export class Staff extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) role?: string | null;
  @Field(() => Boolean) isActive!: boolean;
}

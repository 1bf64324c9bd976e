import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@ObjectType({ implements: Node, description: "A to-do within a project." })
export class Task extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { description: "The provider's status, e.g. OPEN or COMPLETED." }) status!: string;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) estimatedHours?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of its Project." }) projectId?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of the Staff member it is assigned to." }) assigneeId?: string | null;
}

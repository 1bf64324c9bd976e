import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@ObjectType({ implements: Node, description: "Hours worked on a day, usually on a project or task." })
export class TimeEntry extends Node {
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => DecimalScalar) hours!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true }) isBillable?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Already put on an invoice." }) isInvoiced?: boolean | null;
  @Field(() => DecimalScalar, { nullable: true }) rate?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of its Project." }) projectId?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of its Task." }) taskId?: string | null;
  @Field(() => String, { nullable: true, description: "Global id of the Staff member who worked." }) staffId?: string | null;
}

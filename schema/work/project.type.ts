import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DateScalar, DecimalScalar } from "../scalars/index.js";
import type { ContactRef } from "../common/document.type.js";

@ObjectType({ implements: Node, description: "A piece of client work that tasks, time and expenses belong to." })
export class Project extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { description: "The provider's status, e.g. ACTIVE, COMPLETED, ARCHIVED." }) status!: string;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) budget?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) hourlyRate?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;

  /** Not a GraphQL field: the client, resolved to `contact`. */
  contactRef?: ContactRef | null;
}

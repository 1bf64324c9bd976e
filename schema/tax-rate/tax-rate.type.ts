import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { DecimalScalar } from "../scalars/index.js";

@ObjectType()
export class TaxComponent {
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { description: "Percentage, e.g. \"15.0000\"." }) rate!: string;
  @Field(() => Boolean) isCompound!: boolean;
}

@ObjectType({ implements: Node, description: "A sales or purchase tax rate." })
export class TaxRate extends Node {
  @Field(() => String, { description: "The code lines use to pick this rate." }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { description: "Effective percentage." }) rate!: string;
  @Field(() => String) status!: string;
  @Field(() => [TaxComponent]) components!: TaxComponent[];
}

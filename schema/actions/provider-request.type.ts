import { Field, ObjectType } from "type-graphql";
import { JSONScalar } from "../scalars/index.js";

@ObjectType({ description: "The exact request a write sends to the provider (returned by dry runs)." })
export class ProviderRequest {
  @Field(() => String) method!: string;
  @Field(() => String, { description: "Path relative to the provider's API base." }) path!: string;
  @Field(() => JSONScalar, { nullable: true }) body?: unknown;
}

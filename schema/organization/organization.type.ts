import { Field, ID, ObjectType } from "type-graphql";
import { Provider } from "../common/provider.enum.js";
import { DateTimeScalar } from "../scalars/index.js";

@ObjectType({ description: "One set of books at one provider, reached with one set of credentials." })
export class Organization {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Provider) provider!: Provider;
  @Field(() => DateTimeScalar, { description: "When it was connected to Ledgerline." }) createdAt!: string;
}

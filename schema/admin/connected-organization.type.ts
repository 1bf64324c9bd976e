import { Field, ID, ObjectType } from "type-graphql";
import { Provider } from "../common/provider.enum.js";
import { DateTimeScalar } from "../scalars/index.js";

@ObjectType({ description: "An organization as the administration fields show it: how it is connected, not its books (query `organization(id:)` for those)." })
export class ConnectedOrganization {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Provider) provider!: Provider;
  @Field(() => String, { nullable: true, description: "The account's address at the provider (absent for Xero, reached by tenant)." })
  siteUrl?: string | null;
  @Field(() => Boolean, { description: "One of the embedded sandboxes' organizations (connected again at every start while LEDGERLINE_SANDBOX is on)." })
  sandbox!: boolean;
  @Field(() => DateTimeScalar, { description: "When it was connected to Ledgerline." }) createdAt!: string;
}

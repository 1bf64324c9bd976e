import { Field, ObjectType } from "type-graphql";

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true, description: "Provider's kind of address, e.g. STREET or POBOX." })
  kind?: string | null;
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@ObjectType()
export class Phone {
  @Field(() => String, { nullable: true, description: "Provider's kind of phone, e.g. DEFAULT or MOBILE." })
  kind?: string | null;
  @Field(() => String) number!: string;
}

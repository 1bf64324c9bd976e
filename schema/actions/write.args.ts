import { ArgsType, Field, ID } from "type-graphql";

@ArgsType()
export class WriteArgs {
  @Field(() => ID) organizationId!: string;

  @Field(() => String, { nullable: true, description: "Send the same key again (even after a restart) to get the first result instead of a second record. 1-128 characters." })
  idempotencyKey?: string;

  @Field(() => Boolean, { defaultValue: false, description: "Validate and return the provider request without sending it." })
  dryRun!: boolean;
}

/** For actions on an existing record: the organization comes from the record's global id. */
@ArgsType()
export class RecordActionArgs {
  @Field(() => String, { nullable: true, description: "Send the same key again (even after a restart) to get the first result instead of doing it twice. 1-128 characters." })
  idempotencyKey?: string;

  @Field(() => Boolean, { defaultValue: false, description: "Validate and return the provider request without sending it." })
  dryRun!: boolean;
}

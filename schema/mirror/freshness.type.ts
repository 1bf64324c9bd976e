import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/index.js";
import { ReadSource as ReadSourceEnum } from "../common/read-source.enum.js";

@ObjectType({ description: "Where a record was read from and how fresh it is." })
export class Freshness {
  @Field(() => ReadSourceEnum, { description: "MIRROR or LIVE." })
  source!: ReadSourceEnum;

  @Field(() => DateTimeScalar, {
    description: "MIRROR: the later of when the mirror wrote the record and when the entity was last known complete (its last completed poll). LIVE: when the provider was read.",
  })
  syncedAt!: string;
}

import { Field, ObjectType } from "type-graphql";
import { FilterRunsAtEnum } from "../mirror/filter-runs-at.enum.js";

@ObjectType({ description: "Whether the organization's connector can do one thing, and why not when it cannot." })
export class Capability {
  @Field(() => String, { description: "Entity or report name, e.g. Invoice or BalanceSheet." }) subject!: string;
  @Field(() => String, { description: "list, get, create, update, delete, note, send, allocate, addStock, transfer, report, or a filter/trigger name." }) operation!: string;
  @Field(() => Boolean) supported!: boolean;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => FilterRunsAtEnum, {
    nullable: true,
    description: "On filter rows: where the filter runs (PROVIDER, MIRROR or BOTH); null when nothing applies it, and on other rows.",
  })
  runsAt?: FilterRunsAtEnum | null;
}

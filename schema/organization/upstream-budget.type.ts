import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

/** Where an organization's rate budget is counted. */
export enum BudgetScope {
  PROCESS = "PROCESS",
  CLUSTER = "CLUSTER",
}
registerEnumType(BudgetScope, {
  name: "BudgetScope",
  description: "Where an organization's upstream budget is counted: in this gateway only (the embedded default), or in Redis for every instance of a cluster.",
});

@ObjectType({ description: "An organization's limits at its provider (calls a rolling minute and day, calls at once) and the calls left under them now, whoever makes them (queries, mutations, pollers)." })
export class UpstreamBudget {
  @Field(() => Int, { description: "Calls the provider allows the organization in any rolling minute (Xero: 60)." }) perMinute!: number;
  @Field(() => Int, { nullable: true, description: "Calls the provider allows in any 24 hours (Xero: 5000); null when it sets no daily limit." }) perDay?: number | null;
  @Field(() => Int, { description: "Calls allowed in flight at once (Xero: 5)." }) maxConcurrent!: number;
  @Field(() => Int, { description: "Calls that may still start in the current rolling minute." }) remainingThisMinute!: number;
  @Field(() => Int, { nullable: true, description: "Calls that may still start in the rolling 24 hours; null without a daily limit." }) remainingToday?: number | null;
  @Field(() => BudgetScope, { description: "CLUSTER when every instance counts against one budget in Redis (a Redis store); PROCESS on a single gateway. With CLUSTER the counts are at most 5 seconds old on an instance that made no call since." })
  scope!: BudgetScope;
}

import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/index.js";
import { EventChange } from "./event-change.enum.js";

@ObjectType({ description: "One poller: how the gateway detects changes of one entity kind of an organization." })
export class TriggerPoller {
  @Field(() => String, { description: "GraphQL type polled, e.g. Invoice." }) entity!: string;
  @Field(() => [EventChange], { description: "Changes reported as events." }) changes!: EventChange[];
  @Field(() => String, { description: "INCREMENTAL (the provider lists what changed since a time; a full listing every reconcile interval finds deletions) or FULL_LISTING (every poll lists everything and compares)." })
  strategy!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the first listing recorded what already existed (no events for those records). Null until it has run." })
  baselineAt?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the last poll completed." }) lastRunAt?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the last full listing completed." }) lastFullScanAt?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the next poll is due; null when this gateway does not poll the organization." }) nextRunAt?: string | null;
  @Field(() => String, { nullable: true, description: "Why the last poll failed; null after a success." }) lastError?: string | null;
  @Field(() => Int, { description: "Events appended for this entity kind (by polls and webhooks)." }) eventsEmitted!: number;
  @Field(() => Int, { description: "Upstream calls this poller made in the last minute." }) callsLastMinute!: number;
  @Field(() => Int, { description: "Records whose version the poller remembers." }) recordsTracked!: number;
}

@ObjectType({ description: "How an organization's pollers share its rate budget with queries and mutations." })
export class TriggerBudget {
  @Field(() => Int, { description: "Upstream calls per minute the provider allows the organization." }) budgetPerMinute!: number;
  @Field(() => Int, { description: "The most calls per rolling minute the pollers may make (by default half the budget)." }) pollerLimitPerMinute!: number;
  @Field(() => Int, { description: "Calls the pollers made in the last minute." }) callsLastMinute!: number;
  @Field(() => Int, { description: "Calls webhook lookups made in the last minute; they follow real changes and are not part of the pollers' share." })
  webhookCallsLastMinute!: number;
  @Field(() => Int, { description: "Seconds between two polls of one entity kind at the current pace (kinds the provider's webhooks report are polled only every minute, as a safety net). Under a daily limit that binds, every interval, the safety net's included, is that much longer." }) intervalSeconds!: number;
  @Field(() => Int, { nullable: true, description: "Upstream calls the provider allows the organization in 24 hours (Xero: 5000); null when the provider sets no daily limit." })
  budgetPerDay?: number | null;
  @Field(() => Int, { nullable: true, description: "The most calls the pollers may make in any 24 hours (the same share as of the minute); null without a daily limit. When it binds, every poll interval stretches alike." })
  pollerLimitPerDay?: number | null;
  @Field(() => Int, { description: "Calls the pollers made in the last 24 hours." }) callsLastDay!: number;
}

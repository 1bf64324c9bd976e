import { Field, ID, InputType } from "type-graphql";
import { EventType } from "../events/event-type.enum.js";
import { RecordConditionInput } from "../events/record-condition.input.js";

const ORGANIZATIONS = "Only events of these organizations (each must be granted to the API key). Null or empty: every organization the key may see, now and later.";
const EVENT_TYPES = "Only these event types. Null or empty: every record event type; key events (WEBHOOK_ENDPOINT_DISABLED) only when named.";
const FILTER = "Conditions the event's record must meet (all of them), checked against the record types of the chosen event types. Null or empty: none.";
const DESCRIPTION = "A note for people, at most 500 characters.";

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: "Where to POST events: an https URL with a public host (no private, loopback or link-local addresses)." })
  url!: string;

  @Field(() => [ID], { nullable: true, description: ORGANIZATIONS })
  organizationIds?: string[] | null;

  @Field(() => [EventType], { nullable: true, description: EVENT_TYPES })
  eventTypes?: string[] | null;

  @Field(() => [RecordConditionInput], { nullable: true, description: FILTER })
  filter?: RecordConditionInput[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Start after this event cursor (an event's `cursor`): the stored events after it are delivered first. Default: events detected from now on.",
  })
  after?: string | null;
}

@InputType({ description: "Changes to an endpoint: a field left out stays as it is; null (or an empty list) puts it back to its default." })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint's id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A new https URL to POST to (it cannot be null)." })
  url?: string | null;

  @Field(() => [ID], { nullable: true, description: ORGANIZATIONS })
  organizationIds?: string[] | null;

  @Field(() => [EventType], { nullable: true, description: EVENT_TYPES })
  eventTypes?: string[] | null;

  @Field(() => [RecordConditionInput], { nullable: true, description: FILTER })
  filter?: RecordConditionInput[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;
}

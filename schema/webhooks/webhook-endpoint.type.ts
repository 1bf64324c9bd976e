import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/index.js";
import { EventType } from "../events/event-type.enum.js";
import { WebhookEndpointStatus } from "./webhook-enums.js";

@ObjectType({ description: "One condition of an endpoint's filter, as it was given (see the RecordCondition input); the parts not given are null." })
export class RecordConditionView {
  @Field(() => String, { description: "The record's field path, e.g. `status`, `total`, `contact.id`." }) field!: string;
  @Field(() => String, { nullable: true, description: "Equal to this value." }) eq?: string | null;
  @Field(() => [String], { nullable: true, description: "Equal to one of these values." }) in?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Equal to none of these values." }) notIn?: string[] | null;
  @Field(() => String, { nullable: true, description: "Greater than this value." }) gt?: string | null;
  @Field(() => String, { nullable: true, description: "Greater than or equal to this value." }) gte?: string | null;
  @Field(() => String, { nullable: true, description: "Less than this value." }) lt?: string | null;
  @Field(() => String, { nullable: true, description: "Less than or equal to this value." }) lte?: string | null;
  @Field(() => Boolean, { nullable: true, description: "true: the field has a value; false: it has none." }) exists?: boolean | null;
}

@ObjectType({ description: "Where the gateway POSTs events for this API key, signed per Standard Webhooks. Its signing secret is shown only when it is created or rotated." })
export class WebhookEndpoint {
  @Field(() => ID, { description: "The endpoint's id (`whep_…`)." }) id!: string;
  @Field(() => String, { description: "The https URL events are POSTed to." }) url!: string;
  @Field(() => String, { nullable: true, description: "The owner's note about it." }) description?: string | null;
  @Field(() => [ID], { nullable: true, description: "Only events of these organizations; null: every organization the API key may see, now and later." })
  organizationIds?: string[] | null;
  @Field(() => [EventType], { nullable: true, description: "Only these event types; null: every record event type (key events such as WEBHOOK_ENDPOINT_DISABLED only when named)." })
  eventTypes?: string[] | null;
  @Field(() => [RecordConditionView], { nullable: true, description: "Conditions every delivered event's record must meet; null: none." })
  filter?: RecordConditionView[] | null;
  @Field(() => WebhookEndpointStatus, { description: "ACTIVE, PAUSED by its owner, or DISABLED by the gateway." }) status!: WebhookEndpointStatus;
  @Field(() => String, { nullable: true, description: "Why the gateway disabled it (status DISABLED); null otherwise." }) disabledReason?: string | null;
  @Field(() => DateTimeScalar, { description: "When it was created." }) createdAt!: string;
  @Field(() => DateTimeScalar, { description: "When its settings or status last changed." }) updatedAt!: string;
  /** Resolved by `WebhookEndpointFieldsResolver` (one count per endpoint). */
  pendingDeliveries?: number;
}

@ObjectType({ description: "An endpoint with its new signing secret: `secret` is shown this once and cannot be read again; store it now." })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint, { description: "The endpoint." }) endpoint!: WebhookEndpoint;
  @Field(() => String, {
    description: "The signing secret (`whsec_…`, Standard Webhooks): verify each request's `webhook-signature` with it (HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`).",
  })
  secret!: string;
}


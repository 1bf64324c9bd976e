import { Field, ID, Int, ObjectType } from "type-graphql";
import { createConnectionType } from "../common/connection.factory.js";
import { EventType } from "../events/event-type.enum.js";
import { DateTimeScalar } from "../scalars/index.js";
import { WebhookDeliveryStatus } from "./webhook-enums.js";

@ObjectType({ description: "One HTTP attempt of one delivery." })
export class WebhookAttempt {
  @Field(() => Int, { description: "1 for the first attempt, then 2, 3…" }) number!: number;
  @Field(() => DateTimeScalar, { description: "When it was made." }) at!: string;
  @Field(() => Int, { nullable: true, description: "The HTTP status the endpoint answered; null when no answer came (timeout, connection error, refused address)." })
  statusCode?: number | null;
  @Field(() => Int, { description: "Milliseconds from sending to the answer (or to giving up)." }) latencyMs!: number;
  @Field(() => String, { nullable: true, description: "The first bytes (at most 1 KiB) of the answer's body, as text; null without an answer." })
  responseHead?: string | null;
  @Field(() => String, { nullable: true, description: "What went wrong without an answer, e.g. `timed out after 10 s`; null when one came." })
  error?: string | null;
}

@ObjectType({ description: "One event queued for one endpoint, with its attempts." })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id (`whdl_…`)." }) id!: string;
  @Field(() => String, { description: "The `webhook-id` header: the event's id, the same on every attempt and replay (deduplicate on it)." }) webhookId!: string;
  @Field(() => EventType, { description: "The event's type." }) eventType!: string;
  @Field(() => ID, { nullable: true, description: "The event's organization; null for key events (WEBHOOK_ENDPOINT_DISABLED)." }) organizationId?: string | null;
  @Field(() => WebhookDeliveryStatus, { description: "PENDING, DELIVERED or FAILED." }) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: "Attempts made so far." }) attemptCount!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the next attempt is due; null once DELIVERED or FAILED." }) nextAttemptAt?: string | null;
  @Field(() => DateTimeScalar, { description: "When it was queued." }) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: "When a 2xx answer came; null until then." }) deliveredAt?: string | null;
  @Field(() => String, { description: "The event's cursor in the log: replayWebhooks(afterCursor:) takes it." }) eventCursor!: string;
  // Read with the page in its one store query, and a handful per delivery (the retry schedule's length): priced once, not per attempt.
  @Field(() => [WebhookAttempt], { description: "Its attempts, oldest first." })
  attempts!: WebhookAttempt[];
}

/** `WebhookDeliveryConnection`: deliveries of one endpoint, newest first. */
export const WebhookDeliveryConnection = createConnectionType(WebhookDelivery, "WebhookDelivery");

@ObjectType({ description: "What replayWebhooks queued." })
export class WebhookReplay {
  @Field(() => Int, { description: "Events queued again (the endpoint delivers them after what it had pending, each with its original webhook-id)." }) queued!: number;
  @Field(() => Boolean, { description: "True when the log was read to its end; false when the call stopped at its limit (10,000 events)." }) complete!: boolean;
  @Field(() => String, { nullable: true, description: "When not complete: pass it as afterCursor to replay the rest; null when complete." })
  continueAfter?: string | null;
}

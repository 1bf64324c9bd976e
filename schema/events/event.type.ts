import { Field, ID, InterfaceType, ObjectType, type ClassType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Provider } from "../common/provider.enum.js";
import { DateTimeScalar } from "../scalars/index.js";
import { EventChange } from "./event-change.enum.js";
import { EventType } from "./event-type.enum.js";

@InterfaceType("Event", {
  description:
    "A change to one record of one organization, as the gateway detected it; or a key event (WEBHOOK_ENDPOINT_DISABLED), about one of the API key's own objects, which has no organization, provider or record.",
})
export abstract class EventFields {
  @Field(() => String, { description: "This event's position in the log: pass it as `after` to resume right after it, even after a gateway restart." })
  cursor!: string;

  @Field(() => ID, { description: "Stable id of the change: the same change, however it was detected, always has this id." })
  id!: string;

  @Field(() => EventType)
  type!: string;

  @Field(() => EventChange)
  change!: EventChange;

  @Field(() => String, { description: "GraphQL type of the record, e.g. Invoice; `WebhookEndpoint` for WEBHOOK_ENDPOINT_DISABLED." })
  entity!: string;

  @Field(() => ID, { nullable: true, description: "The organization whose record changed; null for key events (WEBHOOK_ENDPOINT_DISABLED), which belong to an API key." })
  organizationId!: string | null;

  @Field(() => Provider, { nullable: true, description: "The organization's provider; null for key events (WEBHOOK_ENDPOINT_DISABLED)." })
  provider!: Provider | null;

  @Field(() => String, { description: "The provider's id of the record; for a key event, the id of the object it is about (the endpoint's `whep_…` id)." })
  remoteId!: string;

  @Field(() => ID, { nullable: true, description: "Global id of the record (for `node(id:)` and mutations); null for key events (WEBHOOK_ENDPOINT_DISABLED)." })
  recordId!: string | null;

  @Field(() => DateTimeScalar, { description: "When the provider says the change happened (the record's updatedAt or the webhook's time), else when it was detected." })
  occurredAt!: string;

  @Field(() => DateTimeScalar, { description: "When the gateway detected it." })
  detectedAt!: string;
}

@ObjectType({ implements: EventFields, description: "An event with its record as a Node (use fragments: `... on Invoice { total }`)." })
export class RecordEvent extends EventFields {
  @Field(() => Node, { nullable: true, description: "The record as it was right after the change; null when the provider no longer returns it, and for key events." })
  record?: Record<string, unknown> | null;
}

/** An event type whose record is typed: `InvoiceEvent { invoice: Invoice }`. */
export function typedEventType(name: string, recordType: ClassType, field: string): ClassType {
  @ObjectType(name, { implements: EventFields, description: `An event about one ${recordType.name}.` })
  class TypedEvent extends EventFields {}
  Field(() => recordType, { nullable: true, description: `The ${recordType.name} as it was right after the change; null when the provider no longer returns it.` })(TypedEvent.prototype, field);
  return TypedEvent;
}

import { Field, ID, InputType } from "type-graphql";
import { EventChange } from "./event-change.enum.js";
import { EventType } from "./event-type.enum.js";
import { RecordConditionInput } from "./record-condition.input.js";

const WHERE = "Only events whose record satisfies every one of these conditions (at most 20). Record events only: key events (WEBHOOK_ENDPOINT_DISABLED) are not tested. Default: no condition.";

@InputType({ description: "Which events to receive, and from where." })
export class EventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these organizations (each must be granted to the API key). Default: every organization the key may see." })
  organizationIds?: string[] | null;

  @Field(() => [EventType], { nullable: true, description: "Only these types. Default: every record event type (key events such as WEBHOOK_ENDPOINT_DISABLED only when named)." })
  types?: string[] | null;

  @Field(() => [RecordConditionInput], {
    nullable: true,
    description: `${WHERE} Each field must exist on the record type of every event type asked for: name \`types\` to filter on fields of one entity (without \`types\`, only fields every entity has).`,
  })
  where?: RecordConditionInput[] | null;

  @Field(() => String, { nullable: true, description: "Replay every stored event after this cursor first, then continue live, with none missed or repeated. Default: live only." })
  after?: string | null;
}

@InputType({ description: "Which events of one entity to receive, and from where." })
export class EntityEventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these organizations (each must be granted to the API key). Default: every organization the key may see." })
  organizationIds?: string[] | null;

  @Field(() => [EventChange], { nullable: true, description: "Only these changes. Default: all." })
  changes?: EventChange[] | null;

  @Field(() => [RecordConditionInput], { nullable: true, description: `${WHERE} Fields are those of the entity's type, e.g. \`status\`, \`total\`, \`contact.id\`.` })
  where?: RecordConditionInput[] | null;

  @Field(() => String, { nullable: true, description: "Replay every stored event after this cursor first, then continue live, with none missed or repeated. Default: live only." })
  after?: string | null;
}

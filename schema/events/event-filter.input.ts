import { Field, ID, InputType } from "type-graphql";
import { EventChange } from "./event-change.enum.js";
import { EventType } from "./event-type.enum.js";

@InputType({ description: "Which events to receive, and from where." })
export class EventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these organizations (each must be granted to the API key). Default: every organization the key may see." })
  organizationIds?: string[] | null;

  @Field(() => [EventType], { nullable: true, description: "Only these types. Default: all." })
  types?: string[] | null;

  @Field(() => String, { nullable: true, description: "Replay every stored event after this cursor first, then continue live, with none missed or repeated. Default: live only." })
  after?: string | null;
}

@InputType({ description: "Which events of one entity to receive, and from where." })
export class EntityEventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these organizations (each must be granted to the API key). Default: every organization the key may see." })
  organizationIds?: string[] | null;

  @Field(() => [EventChange], { nullable: true, description: "Only these changes. Default: all." })
  changes?: EventChange[] | null;

  @Field(() => String, { nullable: true, description: "Replay every stored event after this cursor first, then continue live, with none missed or repeated. Default: live only." })
  after?: string | null;
}

import type { GraphQLSchema } from "graphql";
import { compileConditions, type EventPredicate } from "../events/record-conditions.js";
import { entityOfEventType, TRIGGER_ENTITIES } from "../../schema/events/event-type.enum.js";
import type { RecordCondition } from "./webhook-types.js";

const RECORD_TYPES: ReadonlySet<string> = new Set(TRIGGER_ENTITIES);

/** The GraphQL record types a filter must hold for: those of the named record event types (null or empty: every one); key event types have no record. */
export function recordTypesOf(eventTypes: readonly string[] | null | undefined): string[] {
  if (!eventTypes?.length) return [...TRIGGER_ENTITIES];
  return [...new Set(eventTypes.flatMap((type) => entityOfEventType(type) ?? []))];
}

/**
 * An endpoint's conditions compiled against its record types. They were checked when stored; a schema
 * change that makes them invalid later fails closed (nothing passes) rather than delivering what the
 * owner filtered out. Key events (WEBHOOK_ENDPOINT_DISABLED) carry no record: conditions do not apply to them.
 */
export function endpointPredicate(schema: GraphQLSchema, endpoint: { eventTypes: string[] | null; filter: RecordCondition[] | null }): EventPredicate {
  if (!endpoint.filter?.length) return () => true;
  const compiled = compileConditions(schema, recordTypesOf(endpoint.eventTypes), endpoint.filter, "filter");
  if (!compiled.ok) return () => false;
  return (event) => !RECORD_TYPES.has(event.entity) || compiled.test(event);
}

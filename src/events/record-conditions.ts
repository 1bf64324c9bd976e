/** Conditions on the record an event carries: validated against the schema, then tested per event. OWNER: helper C (stub). */
import type { GraphQLSchema } from "graphql";
import type { RecordCondition } from "../webhooks/webhook-types.js";
import type { NewEvent } from "../triggers/event.js";

export interface FieldProblem {
  /** e.g. `filter.where[1].gte` */
  field: string;
  message: string;
}

/** A compiled filter: true when every condition holds for the event's record (an event without a record never passes a non-empty filter). */
export type EventPredicate = (event: Pick<NewEvent, "record" | "organizationId" | "entity">) => boolean;

/**
 * Checks `conditions` against the GraphQL types `typeNames` (every field path must exist on each, with a
 * comparable scalar or enum at its end, and each value must parse as that type), returning the predicate
 * or every problem (each naming `${fieldPrefix}[i].<part>`).
 */
export function compileConditions(_schema: GraphQLSchema, _typeNames: readonly string[], _conditions: readonly RecordCondition[], _fieldPrefix: string): { ok: true; test: EventPredicate } | { ok: false; problems: FieldProblem[] } {
  throw new Error("not implemented");
}

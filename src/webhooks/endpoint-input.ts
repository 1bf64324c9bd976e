import { GraphQLEnumType, type GraphQLSchema } from "graphql";
import type { OrganizationAccess } from "../context/gateway-context.js";
import { badUserInput, ErrorCode, GatewayError, isGatewayError, type FieldProblem } from "../errors/index.js";
import { compileConditions } from "../events/record-conditions.js";
import { KEY_EVENT_TYPES } from "../triggers/event.js";
import type { EventLog } from "../triggers/event-log/event-log.js";
import { checkEndpointUrl, type UrlPolicy } from "./delivery/endpoint-url.js";
import { recordTypesOf } from "./endpoint-predicate.js";
import type { RecordCondition } from "./webhook-types.js";

/** Longest description an endpoint keeps. */
export const MAX_DESCRIPTION_LENGTH = 500;

/** What an owner chooses about an endpoint, as create and update store it. */
export interface EndpointSettings {
  url: string;
  organizationIds: string[] | null;
  eventTypes: string[] | null;
  filter: RecordCondition[] | null;
  description: string | null;
}

export interface SettingsCheck {
  schema: GraphQLSchema;
  policy: UrlPolicy;
  organizations: Pick<OrganizationAccess, "get">;
  /** Which of the settings the caller gave: only those are named in problems that concern them alone. */
  given: ReadonlySet<keyof EndpointSettings>;
  /** Problems found by the caller about other inputs (`input.after`), reported with these. */
  problems?: readonly FieldProblem[];
}

/**
 * The settings as they will be stored, or an error before anything is stored: one BAD_USER_INPUT naming
 * every bad field (`input.url`, `input.eventTypes[i]`, `input.filter[i].<part>`, `input.description`,
 * `input.organizationIds[i]` for repeats), then NOT_FOUND for an organization the key may not see
 * (exactly as `organization(id:)` answers, so ids do not leak). Empty lists mean "every" (stored as null).
 */
export async function checkEndpointSettings(settings: EndpointSettings, check: SettingsCheck): Promise<EndpointSettings> {
  const problems: FieldProblem[] = [...(check.problems ?? [])];
  const url = checkEndpointUrl(settings.url, check.policy);
  if (!url.ok) problems.push({ field: "input.url", message: url.problem });

  const organizationIds = settings.organizationIds?.length ? settings.organizationIds : null;
  organizationIds?.forEach((id, i) => {
    if (organizationIds.indexOf(id) !== i) problems.push({ field: `input.organizationIds[${i}]`, message: `'${id}' is listed twice; name each organization once.` });
  });

  const eventTypes = settings.eventTypes?.length ? settings.eventTypes : null;
  const known = eventTypesOf(check.schema);
  eventTypes?.forEach((type, i) => {
    if (!known.has(type)) problems.push({ field: `input.eventTypes[${i}]`, message: `'${type}' is not an event type; use values of the EventType enum, e.g. INVOICE_CREATED.` });
    else if (eventTypes.indexOf(type) !== i) problems.push({ field: `input.eventTypes[${i}]`, message: `'${type}' is listed twice; name each event type once.` });
  });

  const filter = settings.filter?.length ? settings.filter : null;
  if (filter && problems.every((p) => !p.field.startsWith("input.eventTypes"))) problems.push(...filterProblems(check.schema, eventTypes, filter, check.given.has("filter")));

  const description = settings.description === null || settings.description.trim() === "" ? null : settings.description;
  if (description !== null && description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: "input.description", message: `is ${description.length} characters long; at most ${MAX_DESCRIPTION_LENGTH} are allowed. Shorten it.` });
  }

  if (problems.length > 0) throw badUserInput(problems);
  for (const [i, id] of (organizationIds ?? []).entries()) await grantedOrganization(check.organizations, id, `input.organizationIds[${i}]`);
  return { url: url.ok ? url.url : settings.url, organizationIds, eventTypes, filter, description };
}

/** Problems of a filter against the record types of the chosen event types (every record type when null). */
function filterProblems(schema: GraphQLSchema, eventTypes: readonly string[] | null, filter: readonly RecordCondition[], given: boolean): FieldProblem[] {
  const typeNames = recordTypesOf(eventTypes);
  if (typeNames.length === 0) {
    return [{ field: "input.filter", message: `applies to the record an event carries, and ${eventTypes!.join(", ")} events carry none; remove the filter or add record event types.` }];
  }
  const compiled = compileConditions(schema, typeNames, filter, "input.filter");
  if (compiled.ok) return [];
  // A filter kept from before, no longer valid for newly chosen types: say why it is named though not sent.
  const why = given ? "" : " (the endpoint's current filter, checked against the new eventTypes; send a filter that fits them)";
  return compiled.problems.map((p) => ({ field: p.field, message: p.message + why }));
}

/** Checks an organization through the key's access: its NOT_FOUND, with the input field named. */
async function grantedOrganization(organizations: Pick<OrganizationAccess, "get">, id: string, field: string): Promise<void> {
  try {
    await organizations.get(id);
  } catch (error) {
    if (isGatewayError(error) && error.code === ErrorCode.NOT_FOUND) {
      throw new GatewayError(ErrorCode.NOT_FOUND, `${error.message} (${field})`, { details: { ...error.extensions, field } });
    }
    throw error;
  }
}

const TYPES = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The values of the schema's EventType enum, and the key event types (allowed only when named). */
export function eventTypesOf(schema: GraphQLSchema): ReadonlySet<string> {
  let known = TYPES.get(schema);
  if (!known) {
    const type = schema.getType("EventType");
    const values = type instanceof GraphQLEnumType ? type.getValues().map((v) => v.name) : [];
    known = new Set([...values, ...KEY_EVENT_TYPES]);
    TYPES.set(schema, known);
  }
  return known;
}

/**
 * An event cursor given as `field` (`input.after`, `afterCursor`), checked by reading the log once:
 * the problem when the log refuses it, undefined when it is one of its cursors.
 */
export async function eventCursorProblem(log: EventLog, cursor: string, field: string): Promise<FieldProblem | undefined> {
  try {
    await log.readAfter(cursor, 1);
    // A made-up position past the newest event would silently skip whatever is appended up to it.
    const head = await log.head();
    if (head === undefined || log.compareCursors(cursor, head) > 0) {
      return { field, message: `'${cursor}' is after the newest event of this gateway's log; pass the \`cursor\` of an event you received (or of a delivery's eventCursor).` };
    }
    return undefined;
  } catch (error) {
    if (isGatewayError(error) && error.code === ErrorCode.BAD_USER_INPUT) {
      return { field, message: `'${cursor}' is not an event cursor of this gateway; pass the \`cursor\` of an event you received (or of a delivery's eventCursor).` };
    }
    throw error;
  }
}

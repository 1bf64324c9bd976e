import type { GraphQLSchema } from "graphql";
import { declareReads } from "../../src/auth/read-scope.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { badUserInput, ErrorCode, GatewayError } from "../../src/errors/index.js";
import { compileConditions, type EventPredicate } from "../../src/events/record-conditions.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { reaches, type EventAudience } from "../../src/triggers/event-audience.js";
import type { RecordCondition } from "../../src/webhooks/webhook-types.js";

/** The view of a stored event (the GraphQL Event fields, and a webhook's body) lives beside the log. */
export { toEventView, type EventView } from "../../src/triggers/event-view.js";

export interface OpenEventsOptions {
  organizationIds?: readonly string[] | null;
  after?: string | null;
  /** Only these event types; undefined: every record event type (key events only when named). */
  types?: ReadonlySet<string>;
  /** The subscription's record conditions, compiled (`whereOf`). */
  predicate?: EventPredicate;
}

/**
 * The event stream of one subscription, authorized like every query: organizations asked for by id
 * must be granted to the key (NOT_FOUND otherwise, as for `organization(id:)`), and only events that
 * reach the subscription's audience (`reaches`: granted and asked organizations, types, record
 * conditions; key events only to their own key, when their type is named) are delivered. What it reads
 * is declared on the context, so a later change of the key's grants ends it (FORBIDDEN) only when it
 * takes away one of these organizations.
 */
export async function openEvents(ctx: GatewayContext, { organizationIds, after, types, predicate }: OpenEventsOptions): Promise<AsyncIterableIterator<StoredEvent>> {
  if (!ctx.triggers) {
    throw new GatewayError(ErrorCode.NOT_SUPPORTED, "Events are turned off on this gateway (LEDGERLINE_TRIGGERS=off). Ask its operator to turn them on.");
  }
  const asked = organizationIds?.length ? new Set(organizationIds) : undefined;
  for (const id of asked ?? []) await ctx.organizations.get(id);
  declareReads(ctx, asked ? { organizationIds: [...asked] } : "granted");
  const audience: EventAudience = { apiKeyId: ctx.principal.apiKeyId, grantedOrganizationIds: ctx.principal.organizationIds, askedOrganizationIds: asked, types, predicate };
  return ctx.triggers.events({ after: after ?? undefined, accept: (event) => reaches(event, audience) });
}

/**
 * A subscription's `where` compiled against the record types of the events it asked for; BAD_USER_INPUT
 * naming `filter.where[i]…` for every bad condition, before any stream opens. `hint` is added to the
 * messages about field paths (e.g. "name `filter.types`").
 */
export function whereOf(schema: GraphQLSchema, typeNames: readonly string[], where: readonly RecordCondition[] | null | undefined, hint?: string): EventPredicate | undefined {
  if (!where?.length) return undefined;
  const compiled = compileConditions(schema, typeNames, where, "filter.where");
  if (compiled.ok) return compiled.test;
  throw badUserInput(compiled.problems.map((p) => (hint && p.field.endsWith(".field") ? { ...p, message: `${p.message.replace(/\.$/, "")}. ${hint}` } : p)));
}

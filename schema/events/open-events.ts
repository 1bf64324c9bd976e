import { declareReads } from "../../src/auth/read-scope.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import type { EventFields } from "./event.type.js";
import type { EventChange } from "./event-change.enum.js";

export interface OpenEventsOptions {
  organizationIds?: readonly string[] | null;
  after?: string | null;
  accept(event: StoredEvent): boolean;
}

/**
 * The event stream of one subscription, authorized like every query: organizations asked for by id
 * must be granted to the key (NOT_FOUND otherwise, as for `organization(id:)`), and events of
 * organizations the key may not see are never delivered. What it reads is declared on the context, so a
 * later change of the key's grants ends it (FORBIDDEN) only when it takes away one of these organizations.
 */
export async function openEvents(ctx: GatewayContext, { organizationIds, after, accept }: OpenEventsOptions): Promise<AsyncIterableIterator<StoredEvent>> {
  if (!ctx.triggers) {
    throw new GatewayError(ErrorCode.NOT_SUPPORTED, "Events are turned off on this gateway (LEDGERLINE_TRIGGERS=off). Ask its operator to turn them on.");
  }
  const asked = organizationIds?.length ? new Set(organizationIds) : undefined;
  for (const id of asked ?? []) await ctx.organizations.get(id);
  declareReads(ctx, asked ? { organizationIds: [...asked] } : "granted");
  const granted = ctx.principal.organizationIds;
  const visible = (id: string) => (granted === "*" || granted.includes(id)) && (!asked || asked.has(id));
  return ctx.triggers.events({ after: after ?? undefined, accept: (event) => visible(event.organizationId) && accept(event) });
}

/** A stored event as the GraphQL Event fields show it. */
export function toEventView(event: StoredEvent): EventFields & { record: Record<string, unknown> | null } {
  return {
    cursor: event.cursor,
    id: event.id,
    type: event.type,
    change: event.change as EventChange,
    entity: event.entity,
    organizationId: event.organizationId,
    provider: event.provider,
    remoteId: event.remoteId,
    recordId: toGlobalId({ organizationId: event.organizationId, type: event.entity, remoteId: event.remoteId }),
    occurredAt: event.occurredAt,
    detectedAt: event.detectedAt,
    record: event.record,
  };
}

/** A stored event as clients see it: the GraphQL Event fields, and the body of a webhook delivery. */
import type { Provider } from "../../schema/common/provider.enum.js";
import { toGlobalId } from "../ids/global-id.js";
import { isKeyEvent, type ChangeKind, type StoredEvent } from "./event.js";

/** The event as a subscription delivers it and a webhook's body carries it (JSON). */
export interface EventView {
  cursor: string;
  id: string;
  type: string;
  change: ChangeKind;
  entity: string;
  /** Null for key events (WEBHOOK_ENDPOINT_DISABLED): they belong to an API key, not to an organization. */
  organizationId: string | null;
  provider: Provider | null;
  remoteId: string;
  /** The record's global id; null for key events. */
  recordId: string | null;
  occurredAt: string;
  detectedAt: string;
  /** The record right after the change, without `raw`; null when the provider no longer returns it, and for key events. */
  record: Record<string, unknown> | null;
  /** Key events only: the endpoint the event is about, as `webhookEndpoints` shows it. */
  webhookEndpoint?: Record<string, unknown> | null;
}

/**
 * The view of a stored event. A record event's `recordId` is its record's global id; a key event has
 * no organization, provider or record id, and carries its subject as `webhookEndpoint`.
 */
export function toEventView(event: StoredEvent): EventView {
  const base = {
    cursor: event.cursor,
    id: event.id,
    type: event.type,
    change: event.change,
    entity: event.entity,
    organizationId: event.organizationId,
    provider: event.provider,
    remoteId: event.remoteId,
    recordId: null as string | null,
    occurredAt: event.occurredAt,
    detectedAt: event.detectedAt,
    record: event.record,
  };
  if (isKeyEvent(event)) return { ...base, organizationId: null, provider: null, record: null, webhookEndpoint: event.subject ?? null };
  if (event.organizationId !== null) base.recordId = toGlobalId({ organizationId: event.organizationId, type: event.entity, remoteId: event.remoteId });
  return base;
}

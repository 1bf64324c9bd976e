import type { RecordCondition, WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpointRecord, WebhookEndpointStatus } from "./webhook-types.js";

/**
 * What an endpoint looks like to its owner (the `WebhookEndpoint` GraphQL type, and the `subject` of a
 * WEBHOOK_ENDPOINT_DISABLED event): plain JSON, never a signing secret, sealed or not, nor the owning key.
 */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  organizationIds: string[] | null;
  eventTypes: string[] | null;
  filter: RecordCondition[] | null;
  status: WebhookEndpointStatus;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The public view of a stored endpoint: copies of its lists (so a view never aliases the record), no secrets. */
export function toEndpointView(endpoint: WebhookEndpointRecord): WebhookEndpointView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    organizationIds: endpoint.organizationIds ? [...endpoint.organizationIds] : null,
    eventTypes: endpoint.eventTypes ? [...endpoint.eventTypes] : null,
    filter: endpoint.filter?.length ? endpoint.filter.map(conditionView) : null,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

/** One condition with only the parts it sets (absent operators dropped). */
function conditionView(condition: RecordCondition): RecordCondition {
  const view: RecordCondition = { field: condition.field };
  for (const key of ["eq", "in", "notIn", "gt", "gte", "lt", "lte", "exists"] as const) {
    const value = condition[key];
    if (value !== undefined && value !== null) (view as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return view;
}

/** One delivery as `webhookDeliveries` shows it: the payload stays out (it is the event, which the caller already can read). */
export interface WebhookDeliveryView {
  id: string;
  /** The `webhook-id` header: the event's id. */
  webhookId: string;
  eventType: string;
  organizationId: string | null;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  /** ISO time of the next attempt; null once DELIVERED or FAILED. */
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  eventCursor: string;
  attempts: WebhookAttemptView[];
}

export interface WebhookAttemptView {
  number: number;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  responseHead: string | null;
  error: string | null;
}

/** A stored delivery with its attempts (oldest first) as the API shows it. */
export function toDeliveryView(delivery: WebhookDelivery & { attempts: readonly WebhookAttempt[] }): WebhookDeliveryView {
  return {
    id: delivery.id,
    webhookId: delivery.eventId,
    eventType: delivery.eventType,
    organizationId: delivery.organizationId,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt === null ? null : new Date(delivery.nextAttemptAt).toISOString(),
    createdAt: delivery.createdAt,
    deliveredAt: delivery.deliveredAt,
    eventCursor: delivery.eventCursor,
    attempts: delivery.attempts.map((a) => ({ number: a.number, at: a.at, statusCode: a.statusCode, latencyMs: a.latencyMs, responseHead: a.responseHead, error: a.error })),
  };
}

import type { Selectable } from "kysely";
import type {
  RecordCondition,
  StoredSigningSecret,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpointRecord,
  WebhookEndpointStatus,
} from "../webhook-types.js";
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from "./webhook-tables.js";

/** The columns of an endpoint that `updateEndpoint` replaces (all but id, api_key_id, created_at, cursor, failing_since, fence, last_seq). */
export function endpointValues(endpoint: WebhookEndpointRecord) {
  return {
    url: endpoint.url,
    description: endpoint.description,
    organization_ids: jsonOrNull(endpoint.organizationIds),
    event_types: jsonOrNull(endpoint.eventTypes),
    filter: jsonOrNull(endpoint.filter),
    status: endpoint.status,
    disabled_reason: endpoint.disabledReason,
    disabled_at: endpoint.disabledAt,
    disabled_event_pending: endpoint.disabledEventPending ? 1 : 0,
    secrets: JSON.stringify(endpoint.secrets),
    updated_at: endpoint.updatedAt,
  };
}

/** A new endpoint's row (its fence and last seq start at 0). */
export function toEndpointRow(endpoint: WebhookEndpointRecord) {
  return { id: endpoint.id, api_key_id: endpoint.apiKeyId, cursor: endpoint.cursor, failing_since: endpoint.failingSince, created_at: endpoint.createdAt, ...endpointValues(endpoint) };
}

/** An endpoint as the contract shapes it. */
export function fromEndpointRow(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    apiKeyId: row.api_key_id,
    url: row.url,
    description: row.description,
    organizationIds: parseOrNull<string[]>(row.organization_ids),
    eventTypes: parseOrNull<string[]>(row.event_types),
    filter: parseOrNull<RecordCondition[]>(row.filter),
    status: row.status as WebhookEndpointStatus,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    disabledEventPending: Boolean(Number(row.disabled_event_pending)),
    secrets: JSON.parse(row.secrets) as StoredSigningSecret[],
    cursor: row.cursor,
    failingSince: row.failing_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A delivery's row with the `seq` the store assigned; `detected_at` in canonical ISO UTC so prune can compare text. */
export function toDeliveryRow(endpointId: string, delivery: Omit<WebhookDelivery, "seq">, seq: number): WebhookDeliveriesTable {
  return {
    id: delivery.id,
    endpoint_id: endpointId,
    event_id: delivery.eventId,
    event_cursor: delivery.eventCursor,
    event_type: delivery.eventType,
    organization_id: delivery.organizationId,
    seq,
    payload: delivery.payload,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.nextAttemptAt,
    replay_of: delivery.replayOf,
    created_at: delivery.createdAt,
    detected_at: canonicalIso(delivery.detectedAt),
    delivered_at: delivery.deliveredAt,
  };
}

/** A delivery as the contract shapes it (bigint columns as numbers). */
export function fromDeliveryRow(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventCursor: row.event_cursor,
    eventType: row.event_type,
    organizationId: row.organization_id,
    seq: Number(row.seq),
    payload: row.payload,
    status: row.status as WebhookDeliveryStatus,
    attemptCount: Number(row.attempt_count),
    nextAttemptAt: row.next_attempt_at === null ? null : Number(row.next_attempt_at),
    replayOf: row.replay_of,
    createdAt: row.created_at,
    detectedAt: row.detected_at,
    deliveredAt: row.delivered_at,
  };
}

export function toAttemptRow(attempt: WebhookAttempt): WebhookAttemptsTable {
  return {
    delivery_id: attempt.deliveryId,
    number: attempt.number,
    at: attempt.at,
    status_code: attempt.statusCode,
    latency_ms: Math.round(attempt.latencyMs),
    response_head: attempt.responseHead,
    error: attempt.error,
  };
}

export function fromAttemptRow(row: Selectable<WebhookAttemptsTable>): WebhookAttempt {
  return {
    deliveryId: row.delivery_id,
    number: Number(row.number),
    at: row.at,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    latencyMs: Number(row.latency_ms),
    responseHead: row.response_head,
    error: row.error,
  };
}

/** `Date#toISOString()` of a parseable time (so every stored time compares as text); anything else as given. */
export function canonicalIso(time: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function parseOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

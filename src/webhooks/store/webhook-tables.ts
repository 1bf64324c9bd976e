import type { Generated } from "kysely";

/**
 * The webhook tables as Kysely sees them (migration `0004_webhooks`, beside the mirror's tables; one
 * shape on SQLite and PostgreSQL). bigint columns come back from PostgreSQL as strings.
 */

/** One endpoint; list-valued columns are JSON text (null: no restriction). */
export interface WebhookEndpointsTable {
  id: string;
  api_key_id: string;
  url: string;
  description: string | null;
  organization_ids: string | null;
  event_types: string | null;
  filter: string | null;
  status: string;
  disabled_reason: string | null;
  disabled_at: string | null;
  /** 1/true while the disabling's WEBHOOK_ENDPOINT_DISABLED event is still to be appended. */
  disabled_event_pending: number | boolean;
  /** JSON text of `StoredSigningSecret[]`. */
  secrets: string;
  cursor: string | null;
  failing_since: string | null;
  /** The largest lease fencing token a step of this endpoint carried (0: none). */
  fence: Generated<number | string>;
  /** The last delivery `seq` handed out for this endpoint (0: none yet). */
  last_seq: Generated<number | string>;
  created_at: string;
  updated_at: string;
}

/** One event queued for one endpoint. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_cursor: string;
  event_type: string;
  organization_id: string | null;
  seq: number | string;
  payload: string;
  status: string;
  attempt_count: number;
  /** ms since epoch. */
  next_attempt_at: number | string | null;
  replay_of: string | null;
  created_at: string;
  /** ISO UTC (`…Z`), so prune compares it as text. */
  detected_at: string;
  delivered_at: string | null;
}

/** One HTTP attempt of a delivery. */
export interface WebhookAttemptsTable {
  delivery_id: string;
  number: number;
  at: string;
  status_code: number | null;
  latency_ms: number;
  response_head: string | null;
  error: string | null;
}

export interface WebhookDatabase {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

import type { SealedSecret } from "../secrets/secret-box.js";

/**
 * Outbound webhooks: the shared vocabulary of the endpoint store, the dispatcher that delivers, and the
 * GraphQL fields that manage them. One endpoint belongs to one API key and carries only events of the
 * organizations and types that key may see.
 */

/** ACTIVE: delivering. PAUSED: by its owner (its cursor is kept; nothing is lost). DISABLED: by the gateway (410, a failure window, a revoked key). */
export type WebhookEndpointStatus = "ACTIVE" | "PAUSED" | "DISABLED";

/** One condition on the record an event carries (see `src/events/record-conditions.ts`); all of an endpoint's must hold. */
export interface RecordCondition {
  /** A path of the record's GraphQL type: `status`, `total`, `contact.id`, `lineItems.accountCode`. */
  field: string;
  eq?: string | null;
  in?: string[] | null;
  notIn?: string[] | null;
  gt?: string | null;
  gte?: string | null;
  lt?: string | null;
  lte?: string | null;
  /** true: the field has a value (not null/absent); false: it has none. */
  exists?: boolean | null;
}

/** A signing secret as stored: sealed by the gateway's secret box; `expiresAt` set on the one a rotation replaced. */
export interface StoredSigningSecret {
  sealed: SealedSecret;
  createdAt: string;
  /** ISO time after which it no longer signs; undefined for the current secret. */
  expiresAt?: string;
}

export interface WebhookEndpointRecord {
  /** `whep_…` */
  id: string;
  apiKeyId: string;
  url: string;
  description: string | null;
  /** Null: every organization the key may see (now and later). */
  organizationIds: string[] | null;
  /** Null: every record event type (key events such as WEBHOOK_ENDPOINT_DISABLED only when named). */
  eventTypes: string[] | null;
  /** Null or empty: no condition. */
  filter: RecordCondition[] | null;
  status: WebhookEndpointStatus;
  /** Why the gateway disabled it (status DISABLED), for people. */
  disabledReason: string | null;
  /** When the gateway disabled it (its WEBHOOK_ENDPOINT_DISABLED event's time and id); null unless DISABLED by the gateway. */
  disabledAt: string | null;
  /**
   * True between the disabling write and the append of its WEBHOOK_ENDPOINT_DISABLED event (an outbox
   * flag): a dispatcher that finds it set (a crash between the two) appends the event, then clears it.
   */
  disabledEventPending: boolean;
  secrets: StoredSigningSecret[];
  /** The last event-log cursor the endpoint has taken into its delivery queue; null: it starts at the log's head at creation. */
  cursor: string | null;
  /** When its current run of failures began (the first failed attempt since the last success); null while healthy. Only `recordAttempt` and `resetEndpoint` write it. */
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The `updatedAt` of a write after one stamped `previous`: now, or a millisecond after `previous` when the clock has not passed it. */
export function laterUpdatedAt(previous: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous) + 1)).toISOString();
}

/**
 * PENDING: waiting for its (next) attempt (also after a 410, which disables the endpoint: resuming it sends
 * that event first). DELIVERED: a 2xx came back. FAILED: every attempt failed, or it was not sent because
 * the owner's key no longer carries it (an organization or type no longer granted or asked for).
 */
export type WebhookDeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";

/** One event queued for one endpoint: the delivery log and the outbox in one row. */
export interface WebhookDelivery {
  /** `whdl_…` */
  id: string;
  endpointId: string;
  /** The event's stable id: the `webhook-id` header, the same on every attempt and replay. */
  eventId: string;
  eventCursor: string;
  eventType: string;
  /** Null for key events (WEBHOOK_ENDPOINT_DISABLED). Deliveries of one endpoint and organization go out in `seq` order. */
  organizationId: string | null;
  /** Queue order within the endpoint (increasing as rows are queued). */
  seq: number;
  /** The exact body sent (JSON text), the same bytes on every attempt. */
  payload: string;
  status: WebhookDeliveryStatus;
  /** Attempts made so far. */
  attemptCount: number;
  /** When the next attempt is due (ms since epoch); null once DELIVERED or FAILED. */
  nextAttemptAt: number | null;
  /** Set when the row was queued by `replayWebhooks` (its request's id). */
  replayOf: string | null;
  createdAt: string;
  /** When the event was detected (the start of the delivery latency). */
  detectedAt: string;
  deliveredAt: string | null;
}

/** What one HTTP attempt did. */
export interface WebhookAttempt {
  deliveryId: string;
  /** 1-based. */
  number: number;
  at: string;
  /** Null when no response came (timeout, connection error, refused address). */
  statusCode: number | null;
  latencyMs: number;
  /** The response body's first bytes (at most 1 KiB), as text. */
  responseHead: string | null;
  /** What went wrong without a response ("timed out after 10 s", "ECONNRESET", "refused: 10.0.0.5 is a private address"). */
  error: string | null;
}

/** What an attempt's outcome makes of the delivery. */
export type AttemptOutcome =
  | { kind: "delivered" }
  /** Try again at `nextAttemptAt` (ms since epoch). */
  | { kind: "retry"; nextAttemptAt: number }
  /** No attempt left: FAILED; the next delivery of its organization goes on. */
  | { kind: "exhausted" }
  /** 410 Gone: stays PENDING (due again at once when the endpoint is resumed), and the endpoint is disabled at once. */
  | { kind: "gone" }
  /** Not sent: the owner's key no longer carries it. FAILED; the next delivery of its organization goes on. */
  | { kind: "withheld" };

/** What `recordAttempt` did: written; refused by a later holder's fence; or the delivery no longer exists (pruned, its endpoint deleted). */
export type RecordAttemptResult = "recorded" | "fenced" | "missing";

export interface DeliveryQuery {
  endpointId: string;
  status?: WebhookDeliveryStatus;
  /** A delivery's `seq` as an opaque cursor's content: rows after it (newest first: before it). */
  afterSeq?: number;
  limit: number;
}

/**
 * Where endpoints, their cursors and the delivery log live: tables in the mirror's database (SQLite
 * beside the store on the embedded default, PostgreSQL in a cluster), so a cursor moves in the same
 * transaction that queues the events it passed.
 */
export interface WebhookStore {
  createEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  /**
   * Replaces the stored endpoint's mutable fields (everything but id, apiKeyId, createdAt, cursor, fence,
   * failingSince: only `recordAttempt` and `resetEndpoint` write that one)
   * only while its `updatedAt` is still `expectedUpdatedAt` (what the writer read): false when someone
   * wrote in between (re-read and try again) or it is gone. Writers stamp `laterUpdatedAt(read, now)`,
   * so two writes never share a stamp.
   */
  updateEndpoint(endpoint: WebhookEndpointRecord, expectedUpdatedAt: string): Promise<boolean>;
  getEndpoint(id: string): Promise<WebhookEndpointRecord | undefined>;
  /** One key's endpoints (oldest first); every endpoint when `apiKeyId` is undefined. */
  listEndpoints(apiKeyId?: string): Promise<WebhookEndpointRecord[]>;
  /** Deletes the endpoint and its deliveries and attempts. */
  deleteEndpoint(id: string): Promise<boolean>;
  /**
   * One step of an endpoint's consumer, in one transaction: queues `deliveries` (given without `seq`,
   * which the store assigns in the order given) and moves the endpoint's cursor to `cursor`, only while
   * `fence` is at least the largest fencing token a step of this endpoint carried (then stores it).
   * False when a later lease holder's token was seen, or the endpoint is gone (deleted): nothing was written.
   */
  enqueue(endpointId: string, cursor: string, deliveries: Omit<WebhookDelivery, "seq">[], fence: number): Promise<boolean>;
  /**
   * The deliveries of an endpoint that may go out now: per organization (null counts as one), its
   * PENDING delivery with the smallest `seq`, when its `nextAttemptAt` ≤ `now`. Also the earliest
   * `nextAttemptAt` among those heads that are not yet due (when to look again).
   */
  dueHeads(endpointId: string, now: number): Promise<{ due: WebhookDelivery[]; nextAt: number | null }>;
  /**
   * Records one attempt and its outcome, fenced like `enqueue`. `delivered`: DELIVERED, deliveredAt,
   * and the endpoint's failingSince cleared. `retry`: attemptCount, nextAttemptAt, and failingSince
   * set to `attempt.at` when it was null. `exhausted`: FAILED (and failingSince as for retry). `gone`:
   * attemptCount, stays PENDING due at once (failingSince as for retry). `withheld` (not sent): FAILED,
   * failingSince untouched. "missing" when the delivery no longer exists (pruned, deleted): nothing written.
   */
  recordAttempt(attempt: WebhookAttempt, outcome: AttemptOutcome, fence: number): Promise<RecordAttemptResult>;
  /**
   * The owner resumed the endpoint: in one transaction clears failingSince, disabledAt and the disabled
   * event flag, and makes every PENDING delivery due at `now` (ms), so none waits out an old backoff.
   */
  resetEndpoint(endpointId: string, now: number): Promise<void>;
  /** The WEBHOOK_ENDPOINT_DISABLED event of the disabling at `disabledAt` was appended: clears the flag (only while `disabled_at` still matches). */
  markDisabledEventRaised(endpointId: string, disabledAt: string): Promise<void>;
  /** `updateEndpoint` (as ACTIVE) and `resetEndpoint` in one transaction, so a resume is all or nothing. */
  resumeEndpoint(endpoint: WebhookEndpointRecord, expectedUpdatedAt: string, now: number): Promise<boolean>;
  /** The endpoint's deliveries, newest first, with each one's attempts (oldest first). */
  deliveries(query: DeliveryQuery): Promise<Array<WebhookDelivery & { attempts: WebhookAttempt[] }>>;
  /**
   * Queues `deliveries` (events read again from the log by `replayWebhooks`) as new PENDING rows after
   * every existing one, in the order given, without moving the cursor. Returns how many were queued.
   */
  queueReplay(endpointId: string, deliveries: Omit<WebhookDelivery, "seq">[]): Promise<number>;
  /** PENDING deliveries of the endpoint (for the view and the bench). */
  pendingCount(endpointId: string): Promise<number>;
  /** Drops deliveries (and their attempts) of events detected before `cutoff`: the event log's retention. */
  prune(cutoff: Date): Promise<number>;
}

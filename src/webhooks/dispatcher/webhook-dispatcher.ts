/** Delivers every endpoint's events: one consumer per endpoint cluster-wide (a lease), each with its durable cursor. OWNER: helper D (stub). */
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { Principal } from "../../context/gateway-context.js";
import type { Leases } from "../../store/leases.js";
import type { SecretBox } from "../../secrets/secret-box.js";
import type { EventLog } from "../../triggers/event-log/event-log.js";
import type { EventPredicate } from "../../events/record-conditions.js";
import type { UrlPolicy } from "../delivery/endpoint-url.js";
import type { WebhookEndpointRecord, WebhookStore } from "../webhook-types.js";

export interface WebhookDeliverySettings {
  /** `LEDGERLINE_WEBHOOK_TIMEOUT_SECONDS` × 1000. @default 10000 */
  timeoutMs: number;
  /** `LEDGERLINE_WEBHOOK_RETRY_SCHEDULE`: the delay before each attempt. */
  scheduleMs: readonly number[];
  /** `LEDGERLINE_WEBHOOK_DISABLE_AFTER_HOURS` × 3600000: failing this long (no success) disables the endpoint. @default 5 days */
  disableAfterMs: number;
  policy: UrlPolicy;
}

export interface WebhookDispatcherOptions {
  store: WebhookStore;
  log: EventLog;
  /** The store's leases (`webhook:<endpointId>`), shared by every instance of a cluster. */
  leases: Leases;
  /** The owning key as stored now: null when revoked (the endpoint is then disabled). */
  principalOf(apiKeyId: string): Promise<Principal | null>;
  secrets: SecretBox;
  /** The endpoint's filter compiled against the schema (its event types' record types). */
  predicateOf(endpoint: WebhookEndpointRecord): EventPredicate;
  settings: WebhookDeliverySettings;
  clock: Clock;
  logger: Logger;
  /** Jitter draws. @default Math.random */
  random?: () => number;
  /** Lease length; renewed every third of it. @default 10000 */
  leaseMs?: number;
  /** How often the endpoint list is re-read to pick up endpoints created on other instances. @default 5000 */
  refreshMs?: number;
}

export interface WebhookDispatcher {
  start(): void;
  /** Stops consuming and sending, lets attempts in flight end (their outcome recorded), releases leases. */
  stop(): Promise<void>;
  /** An endpoint was created, changed, resumed or replayed on this instance: look at it now. */
  wake(endpointId: string): void;
  /** Endpoints this instance delivers for now. */
  held(): string[];
}

export function createWebhookDispatcher(_options: WebhookDispatcherOptions): WebhookDispatcher {
  throw new Error("not implemented");
}

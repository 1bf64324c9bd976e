import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { SecretBox } from "../../secrets/secret-box.js";
import type { EventLog } from "../../triggers/event-log/event-log.js";
import type { EventPredicate } from "../../events/record-conditions.js";
import type { WebhookEndpointRecord, WebhookStore } from "../webhook-types.js";
import type { WebhookDeliverySettings } from "./webhook-dispatcher.js";
import type { PrincipalCache } from "./principal-cache.js";
import type { SharedLogReads } from "./shared-log-reads.js";

/** What every endpoint worker of one dispatcher shares. */
export interface WorkerDeps {
  store: WebhookStore;
  log: EventLog;
  reads: SharedLogReads;
  principals: PrincipalCache;
  secrets: SecretBox;
  predicateOf(endpoint: WebhookEndpointRecord): EventPredicate;
  settings: WebhookDeliverySettings;
  clock: Clock;
  logger: Logger;
  random: () => number;
  /** Events read from the log per step. */
  batchSize: number;
  /** Attempts in flight per endpoint at most. */
  maxInFlight: number;
  /** The longest the sender sleeps without looking at the queue (a clock moved by hand is noticed then). */
  maxSleepMs: number;
}

/** What the consumer and the sender of one endpoint see of the worker that runs them. */
export interface WorkerHandle {
  /** The endpoint as last read (the refresh loop and `wake` keep it current). */
  readonly endpoint: WebhookEndpointRecord;
  /** The fencing token every store write of this worker carries. */
  readonly fence: number;
  /** True once the worker is stopping: start nothing new. */
  readonly stopped: boolean;
  /** A fenced write was refused: another instance holds the endpoint now. Stops the worker. */
  fencedOut(): void;
  /** The endpoint is gone (deleted): stops the worker quietly (no fence raised). */
  deleted(): void;
  /** Disables the endpoint with `reason` (raising WEBHOOK_ENDPOINT_DISABLED when `raise`, through the endpoint's outbox flag), then stops the worker. */
  disable(reason: string, raise: boolean): Promise<void>;
}

/** Delivers every endpoint's events: one consumer per endpoint cluster-wide (a lease), each with its durable cursor. */
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { Principal } from "../../context/gateway-context.js";
import type { Leases } from "../../store/leases.js";
import type { SecretBox } from "../../secrets/secret-box.js";
import type { EventLog } from "../../triggers/event-log/event-log.js";
import type { EventPredicate } from "../../events/record-conditions.js";
import type { UrlPolicy } from "../delivery/endpoint-url.js";
import type { WebhookEndpointRecord, WebhookStore } from "../webhook-types.js";
import { raiseDisabledEvent } from "./endpoint-disabled-event.js";
import { startEndpointWorker, type EndpointWorker } from "./endpoint-worker.js";
import { principalCache } from "./principal-cache.js";
import { sharedLogReads } from "./shared-log-reads.js";
import type { WorkerDeps } from "./worker-context.js";

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
  /** How long an owner's key is cached (a revocation is seen this late at most). @default 5000 */
  principalTtlMs?: number;
  /** The longest a sender sleeps without looking at its queue, so a clock moved by hand is noticed. @default 30000 */
  maxSleepMs?: number;
  /** Attempts in flight per endpoint at most (one per organization in any case). @default 8 */
  maxInFlight?: number;
  /** Events read from the log per consumer step. @default 200 */
  batchSize?: number;
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

/** How long after an append notification the consumers read (appends in a burst cost one read each). */
const APPEND_DEBOUNCE_MS = 5;

/**
 * Runs this instance's share of endpoint deliveries. `start()` reads the endpoint list at once and every
 * `refreshMs`; each ACTIVE endpoint whose lease (`webhook:<id>`) is free gets a worker here (see
 * `startEndpointWorker`), one endpoint never two. An endpoint paused, disabled or deleted loses its worker
 * at the next refresh (or `wake`). Log appends wake every consumer; their identical reads are shared.
 * The refresh also raises the WEBHOOK_ENDPOINT_DISABLED event of any endpoint whose disabling left it
 * pending (a crash between the write and the append); the log keeps it once.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { store, log, leases, clock, logger, leaseMs = 10_000, refreshMs = 5_000 } = options;
  const deps: WorkerDeps & { leases: Leases; leaseMs: number } = {
    store,
    log,
    leases,
    leaseMs,
    reads: sharedLogReads(log),
    principals: principalCache(options.principalOf, options.principalTtlMs ?? 5_000),
    secrets: options.secrets,
    predicateOf: options.predicateOf,
    settings: options.settings,
    clock,
    logger,
    random: options.random ?? Math.random,
    batchSize: options.batchSize ?? 200,
    maxInFlight: options.maxInFlight ?? 8,
    maxSleepMs: options.maxSleepMs ?? 30_000,
  };
  const workers = new Map<string, EndpointWorker>();
  const starting = new Map<string, Promise<void>>();
  let running = false;
  let refreshTimer: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | undefined;
  let appendTimer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;

  /** Brings this instance in line with one endpoint as stored (undefined: deleted). */
  async function consider(id: string, endpoint: WebhookEndpointRecord | undefined, woken: boolean): Promise<void> {
    const worker = workers.get(id);
    if (worker?.active) {
      if (!endpoint || endpoint.status !== "ACTIVE") worker.stop(endpoint ? `the endpoint is ${endpoint.status}` : "the endpoint was deleted");
      else {
        worker.update(endpoint);
        // The refresh re-reads the log (a missed notification, a revoked owner); the queue has its own alarm.
        worker.wake(!woken);
      }
      return;
    }
    if (!running || !endpoint || endpoint.status !== "ACTIVE" || starting.has(id)) return;
    const attempt = (async () => {
      const started = await startEndpointWorker(id, deps);
      if (!started) return;
      if (!running) {
        started.stop("the dispatcher stopped");
        await started.ended;
        return;
      }
      workers.set(id, started);
      void started.ended.then(() => {
        if (workers.get(id) === started) workers.delete(id);
      });
    })()
      .catch((error: unknown) => logger.warn("webhook endpoint could not be taken up; trying again at the next refresh", { endpointId: id, error: String(error) }))
      .finally(() => starting.delete(id));
    starting.set(id, attempt);
    await attempt;
  }

  async function refresh(): Promise<void> {
    try {
      const endpoints = await store.listEndpoints();
      const listed = new Set(endpoints.map((e) => e.id));
      for (const [id, worker] of workers) if (!listed.has(id)) worker.stop("the endpoint was deleted");
      await Promise.all(endpoints.map((endpoint) => consider(endpoint.id, endpoint, false)));
      // A disabling whose event was not appended yet (its writer crashed in between): raise it now.
      for (const endpoint of endpoints) {
        if (endpoint.disabledEventPending) {
          await raiseDisabledEvent(store, log, endpoint).catch((error: unknown) =>
            logger.warn("webhook endpoint's disabled event could not be raised; trying again at the next refresh", { endpointId: endpoint.id, error: String(error) }),
          );
        }
      }
    } catch (error) {
      logger.warn("webhook endpoints could not be listed; trying again", { error: String(error) });
    }
  }

  function scheduleRefresh(delayMs: number): void {
    refreshTimer = setTimeout(() => {
      refreshing = refresh().finally(() => {
        refreshing = undefined;
        if (running) scheduleRefresh(refreshMs);
      });
    }, delayMs);
    refreshTimer.unref();
  }

  function onAppend(): void {
    if (appendTimer || !running) return;
    appendTimer = setTimeout(() => {
      appendTimer = undefined;
      for (const worker of workers.values()) worker.wake(true);
    }, APPEND_DEBOUNCE_MS);
  }

  return {
    start() {
      if (running) return;
      running = true;
      unlisten = log.onAppend(onAppend);
      scheduleRefresh(0);
    },
    async stop() {
      running = false;
      clearTimeout(refreshTimer);
      clearTimeout(appendTimer);
      appendTimer = undefined;
      unlisten?.();
      unlisten = undefined;
      await refreshing;
      await Promise.all([...starting.values()]);
      for (const worker of workers.values()) worker.stop("the dispatcher stopped");
      await Promise.all([...workers.values()].map((worker) => worker.ended));
    },
    wake(endpointId) {
      if (!running) return;
      void store
        .getEndpoint(endpointId)
        .then((endpoint) => consider(endpointId, endpoint, true))
        .catch((error: unknown) => logger.warn("webhook endpoint could not be read", { endpointId, error: String(error) }));
    },
    held() {
      return [...workers.values()].filter((worker) => worker.active).map((worker) => worker.id);
    },
  };
}

import type { Leases } from "../../store/leases.js";
import { pollLease } from "../../triggers/scheduler/poll-lease.js";
import { laterUpdatedAt, type WebhookEndpointRecord } from "../webhook-types.js";
import { raiseDisabledEvent } from "./endpoint-disabled-event.js";
import { endpointConsumer } from "./endpoint-consumer.js";
import { endpointSender } from "./endpoint-sender.js";
import type { WorkerDeps, WorkerHandle } from "./worker-context.js";

/** One endpoint delivered by this instance, under its lease. */
export interface EndpointWorker {
  readonly id: string;
  /** False once it is stopping or stopped. */
  readonly active: boolean;
  /** The endpoint as read again (still ACTIVE): its URL, secrets, filters take effect from the next step. */
  update(endpoint: WebhookEndpointRecord): void;
  /** Read the log now, and look at the queue too unless `consumerOnly` (the periodic refresh). */
  wake(consumerOnly?: boolean): void;
  /** Stops it (idempotent); `ended` resolves once it has. */
  stop(why: string): void;
  /** Resolves when attempts in flight were recorded and the lease released. */
  readonly ended: Promise<void>;
}

/** The lease key of an endpoint's delivery, one holder cluster-wide. */
export const leaseKeyOf = (endpointId: string) => `webhook:${endpointId}`;

/**
 * Takes the endpoint's lease (renewed every third of `leaseMs` by a heartbeat) and, when it was free
 * and the endpoint is still ACTIVE, starts its consumer and sender. The worker stops when the lease is
 * lost, a fenced write is refused, the endpoint is disabled, or it is told to; it then lets attempts in
 * flight end and be recorded, and releases the lease. Undefined when the lease is held elsewhere.
 */
export async function startEndpointWorker(endpointId: string, deps: WorkerDeps & { leases: Leases; leaseMs: number }): Promise<EndpointWorker | undefined> {
  const key = leaseKeyOf(endpointId);
  const lease = pollLease(deps.leases, key, { ttlMs: deps.leaseMs });
  if (!(await lease.hold())) return undefined;
  const fresh = await deps.store.getEndpoint(endpointId).catch(() => undefined);
  if (!fresh || fresh.status !== "ACTIVE" || lease.fence === undefined) {
    await lease.release();
    return undefined;
  }
  let endpoint = fresh;
  const fence = lease.fence;
  let stopped = false;
  /** A write carrying `fence` was refused: a later holder's token is stored. */
  let refused = false;
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const logger = deps.logger.child({ endpointId });

  const handle: WorkerHandle = {
    get endpoint() {
      return endpoint;
    },
    fence,
    get stopped() {
      return stopped;
    },
    fencedOut() {
      refused = true;
      stop("another instance delivers for it now (a later lease holder wrote)");
    },
    deleted() {
      stop("the endpoint was deleted");
    },
    async disable(reason, raise) {
      stop("disabled");
      // Written only over what it read: an owner's pause or change in between wins, and is then read again.
      // The write raises the outbox flag; the event is appended after it, then the flag cleared (a crash in
      // between leaves the flag for a dispatcher's refresh to raise the event).
      let written: WebhookEndpointRecord | undefined;
      for (;;) {
        const current = await deps.store.getEndpoint(endpointId);
        if (!current || current.status !== "ACTIVE") return;
        const disabledAt = laterUpdatedAt(current.updatedAt, deps.clock.now());
        const next: WebhookEndpointRecord = { ...current, status: "DISABLED", disabledReason: reason, disabledAt, disabledEventPending: raise, updatedAt: disabledAt };
        if (await deps.store.updateEndpoint(next, current.updatedAt)) {
          written = next;
          break;
        }
      }
      logger.info("webhook endpoint disabled", { apiKeyId: written.apiKeyId, url: written.url, reason });
      if (raise) await raiseDisabledEvent(deps.store, deps.log, written);
    },
  };

  const sender = endpointSender(handle, deps);
  const consumer = endpointConsumer(handle, deps, () => sender.wake());

  function stop(why: string): void {
    if (stopped) return;
    stopped = true;
    logger.debug("webhook endpoint worker stopping", { why });
    void (async () => {
      try {
        await Promise.all([sender.done(), consumer.idle()]);
      } finally {
        // After a refusal the next grant must carry a token above the stored one, which this side does not
        // know: the milliseconds now are above any token counted since (a lost Redis counter restarts at 1;
        // process-local ones start at the milliseconds of their start).
        const letGo = refused ? lease.fencedOut(Math.max(Date.now(), fence + 1)) : lease.release();
        await letGo.catch(() => undefined);
        finish();
      }
    })();
  }

  lease.signal.addEventListener("abort", () => stop("its lease was lost"), { once: true });
  consumer.wake();
  logger.debug("webhook endpoint worker started", { fence });

  return {
    id: endpointId,
    get active() {
      return !stopped;
    },
    update(next) {
      endpoint = { ...next, cursor: endpoint.cursor };
    },
    wake(consumerOnly = false) {
      consumer.wake();
      if (!consumerOnly) sender.wake();
    },
    stop,
    ended,
  };
}

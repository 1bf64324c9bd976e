import { signedHeaders } from "../delivery/signing.js";
import { sendWebhook, type SendResult } from "../delivery/send-webhook.js";
import { outcomeOf } from "../delivery/retry-schedule.js";
import type { AttemptOutcome, WebhookAttempt, WebhookDelivery, WebhookEndpointRecord } from "../webhook-types.js";
import type { SecretBox } from "../../secrets/secret-box.js";
import { ownerWhoMayDeliver } from "./owner-check.js";
import { withheldReason } from "./withheld-reason.js";
import type { WorkerDeps, WorkerHandle } from "./worker-context.js";

/** One endpoint's sender: attempts its due deliveries, one per organization at a time. */
export interface EndpointSender {
  /** Look at the queue now (rows were queued, the endpoint changed, or the worker is stopping). */
  wake(): void;
  /** Resolves once the loop has ended and every attempt in flight was recorded (call after the worker stopped). */
  done(): Promise<void>;
}

/** The plain secrets that sign at `now`: those without an expiry, or expiring later. */
export function signingSecretsAt(endpoint: WebhookEndpointRecord, now: number, box: SecretBox): string[] {
  return endpoint.secrets.filter((s) => s.expiresAt === undefined || Date.parse(s.expiresAt) > now).map((s) => box.open<string>(s.sealed));
}

/** What an attempt that could not even be made (no secret, a signing error) records. */
const notSent = (error: unknown): SendResult => ({ statusCode: null, latencyMs: 0, responseHead: null, error: `not sent: ${error instanceof Error ? error.message : String(error)}` });

/** A failure in a few words, for a disabled endpoint's reason. */
function describe(result: SendResult): string {
  if (result.statusCode !== null) return `HTTP ${result.statusCode}`;
  return result.error ?? "no response";
}

/**
 * Sends the due heads of the endpoint's queue (at most one per organization, `maxInFlight` in all),
 * each only after checking it against the owner's key as it is now (cached ≤ the principal TTL): a
 * revoked key (or one without SUBSCRIBE) disables the endpoint unsent; a delivery the key or endpoint no
 * longer carries (organization or type) is recorded FAILED unsent. Records each attempt with its outcome
 * under the worker's fence (a delivery pruned or deleted meanwhile is skipped), and disables the endpoint on a 410
 * or after failing for `disableAfterMs`. Sleeps until the next attempt is due (at most `maxSleepMs`)
 * or until woken. Every time decision reads the injected clock.
 */
export function endpointSender(worker: WorkerHandle, deps: WorkerDeps): EndpointSender {
  const { store, clock, settings, logger } = deps;
  const id = worker.endpoint.id;
  /** Attempts under way by organization (null as ""). */
  const inFlight = new Map<string, Promise<void>>();
  let woken = false;
  let alarm: (() => void) | undefined;

  function wake(): void {
    woken = true;
    alarm?.();
  }

  function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(ring, Math.max(1, ms));
      timer.unref();
      function ring() {
        clearTimeout(timer);
        alarm = undefined;
        woken = false;
        resolve();
      }
      alarm = ring;
    });
  }

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const endpoint = worker.endpoint;
    // The grants as they are now, not as they were when the row was queued.
    const principal = await ownerWhoMayDeliver(worker, deps);
    if (!principal || worker.stopped) return;
    const started = clock.now();
    const number = delivery.attemptCount + 1;
    const withheld = withheldReason(delivery, endpoint, principal);
    let result: SendResult;
    if (withheld !== undefined) result = { statusCode: null, latencyMs: 0, responseHead: null, error: withheld };
    else {
      try {
        const secrets = signingSecretsAt(endpoint, started.getTime(), deps.secrets);
        const headers = signedHeaders({ id: delivery.eventId, timestampSeconds: Math.floor(started.getTime() / 1000), body: delivery.payload, secrets });
        result = await sendWebhook({ url: endpoint.url, headers, body: delivery.payload, timeoutMs: settings.timeoutMs, policy: settings.policy });
      } catch (error) {
        result = notSent(error);
      }
    }
    const now = clock.now().getTime();
    const outcome: AttemptOutcome =
      withheld !== undefined ? { kind: "withheld" } : outcomeOf({ result, attemptNumber: number, now, scheduleMs: settings.scheduleMs, random: deps.random });
    const record: WebhookAttempt = { deliveryId: delivery.id, number, at: started.toISOString(), ...result };
    const recorded = await store.recordAttempt(record, outcome, worker.fence);
    if (recorded === "fenced") {
      worker.fencedOut();
      return;
    }
    // Pruned or deleted meanwhile: nothing to record, the queue goes on.
    if (recorded === "missing") return;
    logger.debug("webhook attempt", { endpointId: id, deliveryId: delivery.id, eventId: delivery.eventId, attempt: number, statusCode: result.statusCode, error: result.error, latencyMs: result.latencyMs, outcome: outcome.kind });
    if (outcome.kind === "gone") {
      const said = result.responseHead?.trim().slice(0, 200);
      await worker.disable(`answered 410 Gone at ${record.at}: ${said ? `"${said}"` : "the receiver no longer accepts deliveries"}; resume the endpoint once its URL accepts them again`, true);
    } else if ((outcome.kind === "retry" || outcome.kind === "exhausted") && !worker.stopped) {
      // A worker already stopped (the owner paused or resumed meanwhile) leaves the judgement to the next one:
      // its view of the failure window may predate a resume that started it afresh.
      const failingSince = (await store.getEndpoint(id))?.failingSince ?? record.at;
      const failingMs = now - Date.parse(failingSince);
      if (failingMs >= settings.disableAfterMs) {
        const hours = Math.floor(failingMs / 3_600_000);
        await worker.disable(`failing for ${hours} hours since ${failingSince} (the last attempt: ${describe(result)})`, true);
      }
    }
  }

  function start(delivery: WebhookDelivery, key: string): void {
    const running = attempt(delivery)
      .catch((error: unknown) => logger.warn("webhook attempt could not be recorded; it is made again", { endpointId: id, deliveryId: delivery.id, error: String(error) }))
      .finally(() => {
        inFlight.delete(key);
        wake();
      });
    inFlight.set(key, running);
  }

  async function loop(): Promise<void> {
    while (!worker.stopped) {
      let waitMs = deps.maxSleepMs;
      try {
        const now = clock.now().getTime();
        const { due, nextAt } = await store.dueHeads(id, now);
        for (const delivery of due) {
          if (worker.stopped || inFlight.size >= deps.maxInFlight) break;
          const key = delivery.organizationId ?? "";
          if (!inFlight.has(key)) start(delivery, key);
        }
        if (nextAt !== null) waitMs = Math.min(waitMs, Math.max(1, nextAt - now));
      } catch (error) {
        logger.warn("webhook queue could not be read; trying again", { endpointId: id, error: String(error) });
      }
      if (worker.stopped) break;
      await sleep(waitMs);
    }
  }

  const looping = loop();
  return {
    wake,
    async done() {
      wake();
      await looping;
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
  };
}

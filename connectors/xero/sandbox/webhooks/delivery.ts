/**
 * Sends queued webhook events the way Xero does: events gathered over a short window go out as one
 * signed payload with increasing sequence numbers; one payload is in flight at a time, so order is
 * kept; a non-2xx answer or a network error is retried with exponential back-off (the same body),
 * and a payload that keeps failing is dropped after the last attempt so later events still flow.
 * Nothing here runs inside a request: the API answers first, timers do the sending.
 */
import type { SandboxLogger } from "../runtime.js";
import { entropy, type WebhookEvent, type WebhookPayload } from "./payload.js";
import { postSigned } from "./post.js";
import type { DeliverySettings, WebhookDeliveryStats, WebhookTarget } from "./settings.js";

interface Batch {
  /** The JSON text sent on every attempt (UTF-8 on the wire, and what the signature covers). */
  body: string;
  size: number;
  attempts: number;
}

export class WebhookDelivery {
  private target?: WebhookTarget;
  private queue: WebhookEvent[] = [];
  private current?: Batch;
  private sending = false;
  private timer?: NodeJS.Timeout;
  private abort?: AbortController;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly counters = { sent: 0, eventsSent: 0, failed: 0, dropped: 0, lastSequence: 0 } as Omit<WebhookDeliveryStats, "pending">;

  constructor(private settings: DeliverySettings, private readonly logger: SandboxLogger) {}

  /**
   * Points delivery somewhere else: pending events go there, the next attempt signs with the new
   * key and sequence numbers carry on. null stops delivery and forgets what is pending.
   */
  setTarget(target: WebhookTarget | null, settings: DeliverySettings = this.settings): void {
    this.target = target ?? undefined;
    this.settings = settings;
    if (target) {
      if (this.queue.length > 0 && !this.sending && !this.current) this.schedule(this.settings.delayMs);
      return;
    }
    this.queue = [];
    this.current = undefined;
    this.clearTimer();
    this.abort?.abort();
    this.notifyIdleIfDone();
  }

  get configured(): WebhookTarget | undefined {
    return this.target;
  }

  enqueue(events: WebhookEvent[]): void {
    if (this.closed || !this.target || events.length === 0) return;
    this.queue.push(...events);
    if (!this.sending && !this.current) this.schedule(this.settings.delayMs);
  }

  /** Sends what is queued without waiting for the batching window; resolves once nothing is pending. */
  flush(): Promise<void> {
    if (this.closed || this.isIdle()) return Promise.resolve();
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    if (!this.sending && !this.current) {
      this.clearTimer();
      void this.pump();
    }
    return idle;
  }

  stats(): WebhookDeliveryStats {
    return { ...this.counters, pending: this.queue.length + (this.current?.size ?? 0) };
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    this.abort?.abort();
    this.resolveIdle();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.current && !this.sending;
  }

  private schedule(ms: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private nextBatch(): Batch | undefined {
    if (this.queue.length === 0) return undefined;
    const events = this.queue.splice(0, this.settings.maxEventsPerPayload);
    const first = this.counters.lastSequence + 1;
    this.counters.lastSequence += events.length;
    const payload: WebhookPayload = { events, firstEventSequence: first, lastEventSequence: this.counters.lastSequence, entropy: entropy() };
    return { body: JSON.stringify(payload), size: events.length, attempts: 0 };
  }

  private async pump(): Promise<void> {
    if (this.closed || this.sending || !this.target) return;
    this.current ??= this.nextBatch();
    const batch = this.current;
    if (!batch) return this.notifyIdleIfDone();
    this.sending = true;
    const ok = await this.attempt(batch, this.target);
    this.sending = false;
    if (this.closed || this.current !== batch) {
      // Delivery was switched off meanwhile; events queued since then still need sending.
      if (this.queue.length > 0) this.schedule(0);
      return this.notifyIdleIfDone();
    }
    if (ok) {
      this.counters.sent++;
      this.counters.eventsSent += batch.size;
      this.current = undefined;
      if (this.queue.length > 0) this.schedule(0);
    } else if (batch.attempts >= this.settings.retry.maxAttempts) {
      this.counters.dropped++;
      this.current = undefined;
      this.logger.warn?.("xero sandbox: webhook payload dropped after its last attempt", { attempts: batch.attempts, events: batch.size });
      if (this.queue.length > 0) this.schedule(0);
    } else {
      const { baseMs, maxMs } = this.settings.retry;
      this.schedule(Math.min(maxMs, baseMs * 2 ** (batch.attempts - 1)));
    }
    this.notifyIdleIfDone();
  }

  private async attempt(batch: Batch, target: WebhookTarget): Promise<boolean> {
    batch.attempts++;
    const cancel = new AbortController();
    this.abort = cancel;
    const outcome = await postSigned(target.url, batch.body, target.key, this.settings.timeoutMs, cancel.signal);
    if (this.abort === cancel) this.abort = undefined;
    // Called off on purpose (closed, or delivery switched off): not the receiver's failure.
    if (outcome.cancelled) return false;
    const accepted = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
    if (outcome.status === undefined) delete this.counters.lastStatus;
    else this.counters.lastStatus = outcome.status;
    if (accepted) {
      delete this.counters.lastError;
      return true;
    }
    this.counters.lastError = outcome.error ?? `receiver answered ${outcome.status}`;
    this.counters.failed++;
    this.logger.debug?.("xero sandbox: webhook attempt failed", { attempt: batch.attempts, error: this.counters.lastError });
    return false;
  }

  private notifyIdleIfDone(): void {
    if (this.isIdle()) this.resolveIdle();
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

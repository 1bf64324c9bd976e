/**
 * The sandbox's webhooks, as a Xero app's webhook subscription: once pointed at a URL with a key,
 * every kept write that creates or changes a contact, an invoice or bill, or a credit note becomes
 * an event, delivered signed and in order. `collect()` is the one hook, called wherever the books
 * report a change (`SandboxRuntime.changed`), so API writes and simulated activity alike are seen.
 */
import type { XeroBooks } from "../books/types.js";
import type { SandboxLogger } from "../runtime.js";
import { ChangeTracker } from "./change-tracker.js";
import { WebhookDelivery } from "./delivery.js";
import { sendIntentToReceive, type IntentToReceiveResult } from "./intent.js";
import { eventDateUtc, RESOURCE_PATH, type WebhookEvent } from "./payload.js";
import type { WebhookDeliveryStats, WebhookRetry, WebhookTarget } from "./settings.js";

export type { WebhookDeliveryStats, WebhookRetry, WebhookTarget } from "./settings.js";
export type { IntentCheck, IntentToReceiveResult } from "./intent.js";
export type { WebhookCategory, WebhookEvent, WebhookEventType, WebhookPayload } from "./payload.js";
export { signWebhookBody } from "./payload.js";

export interface SandboxWebhookOptions extends WebhookTarget {
  /** Batching window: events within it share one payload. Default 300 ms. */
  delayMs?: number;
  /** Time allowed per delivery attempt. Default 5000 ms. */
  timeoutMs?: number;
  retry?: Partial<WebhookRetry>;
}

export interface SandboxWebhooks {
  configure(options: SandboxWebhookOptions | null): void;
  /** Turns the changes since the last call into queued events. */
  collect(): void;
  verifyEndpoint(): Promise<IntentToReceiveResult>;
  stats(): WebhookDeliveryStats;
  flush(): Promise<void>;
  close(): void;
}

interface WebhookDeps {
  books(): XeroBooks;
  /** The sandbox's base URL (known once it listens). */
  baseUrl(): string;
  now(): Date;
  logger: SandboxLogger;
}

const DEFAULTS = { delayMs: 300, timeoutMs: 5_000, retry: { maxAttempts: 20, baseMs: 1_000, maxMs: 60_000 }, maxEventsPerPayload: 100 };

export function createSandboxWebhooks(deps: WebhookDeps): SandboxWebhooks {
  let delivery: WebhookDelivery | undefined;
  let tracker: ChangeTracker | undefined;

  const toEvent = (change: ReturnType<ChangeTracker["collect"]>[number], at: string): WebhookEvent => ({
    resourceUrl: `${deps.baseUrl()}/api.xro/2.0/${RESOURCE_PATH[change.category]}/${change.resourceId}`,
    resourceId: change.resourceId,
    eventDateUtc: at,
    eventType: change.eventType,
    eventCategory: change.category,
    tenantId: deps.books().tenantId,
    tenantType: "ORGANISATION",
    ...(change.data ? { data: change.data } : {}),
  });

  return {
    configure(options) {
      if (!options) {
        delivery?.setTarget(null);
        tracker = undefined;
        return;
      }
      const { url, key, delayMs, timeoutMs, retry } = options;
      const settings = {
        delayMs: delayMs ?? DEFAULTS.delayMs,
        timeoutMs: timeoutMs ?? DEFAULTS.timeoutMs,
        retry: { ...DEFAULTS.retry, ...retry },
        maxEventsPerPayload: DEFAULTS.maxEventsPerPayload,
      };
      delivery ??= new WebhookDelivery(settings, deps.logger);
      delivery.setTarget({ url, key }, settings);
      // Changes made before the subscription existed are not announced.
      tracker ??= new ChangeTracker(deps.books);
    },
    collect() {
      if (!tracker || !delivery?.configured) return;
      const changes = tracker.collect();
      if (changes.length === 0) return;
      const at = eventDateUtc(deps.now());
      delivery.enqueue(changes.map((change) => toEvent(change, at)));
    },
    verifyEndpoint: () => sendIntentToReceive(delivery?.configured),
    stats: () => delivery?.stats() ?? { pending: 0, sent: 0, eventsSent: 0, failed: 0, dropped: 0, lastSequence: 0 },
    flush: () => delivery?.flush() ?? Promise.resolve(),
    close() {
      delivery?.close();
    },
  };
}

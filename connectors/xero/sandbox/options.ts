/** The public shape of the Xero sandbox: its options and the handle `createXeroSandbox` returns. */
import type { ActivityOptions, SandboxActivity } from "./activity/simulator.js";
import type { XeroBooks } from "./books/types.js";
import type { SandboxLogger } from "./runtime.js";
import type { RequestStats } from "./state/request-stats.js";
import type { IntentToReceiveResult, SandboxWebhookOptions, WebhookDeliveryStats } from "./webhooks/index.js";
import type { RateLimits } from "./wire/rate-limit.js";

export interface XeroSandboxOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to bind. Default "127.0.0.1". */
  host?: string;
  /** Seed of the demo books (same seed + today ⇒ same books). Default 42. */
  seed?: number;
  /** "YYYY-MM-DD" the seeded books end on. Default: the date part of `now()`. */
  today?: string;
  /**
   * The sandbox clock: token lifetimes, rate-limit windows, idempotency, UpdatedDateUTC. Seeded books
   * stamp nothing later than it (held within `today`). Default `() => new Date()`.
   */
  now?: () => Date;
  /** JSON state file: loaded when present, saved (debounced, atomic rename) after every write. Absent ⇒ in-memory. */
  dataFile?: string;
  /** OAuth client id the identity server accepts. Default "ledgerline-sandbox". */
  clientId?: string;
  /** OAuth client secret. Default "ledgerline-sandbox-secret". */
  clientSecret?: string;
  /** Per-tenant API limits. Default `{ perMinute: 60, concurrent: 5, perDay: 5000 }` (app-wide 10000/min). */
  limits?: Partial<RateLimits>;
  /** Artificial delay (ms) before each accounting API call is handled, to create concurrency in tests. Default 0. */
  latencyMs?: number;
  /** Receives request and error logs. Default: silent. */
  logger?: SandboxLogger;
  /**
   * Signed webhooks to this URL, as a Xero app subscribed to CONTACT, INVOICE and CREDITNOTE events
   * would get them. Also settable later with `configureWebhooks`. Default: none.
   */
  webhooks?: SandboxWebhookOptions | null;
  /** Simulated business activity, one action every `everyMs`. Default: off (`sandbox.activity.step()` still works). */
  activity?: ActivityOptions | null;
}

export interface XeroSandbox {
  /** Base URL, e.g. "http://127.0.0.1:4010"; it is also the OIDC issuer. The API lives at `${url}/api.xro/2.0`. */
  url: string;
  /** The one organisation's id (= Organisation.OrganisationID). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The live books; writes through the API change them in place. */
  books: XeroBooks;
  stats: RequestStats;
  /** Starts (or moves, or with null stops) webhook delivery; events are reported from the next change on. */
  configureWebhooks(options: SandboxWebhookOptions | null): void;
  /** Xero's "Send intent to receive": checks the configured endpoint answers signed and badly signed payloads correctly. */
  verifyWebhookEndpoint(): Promise<IntentToReceiveResult>;
  /** Delivery counters: payloads sent, failed attempts, last status, events pending. */
  webhookStats(): WebhookDeliveryStats;
  /** Sends pending events now (no batching wait) and resolves once none are pending. */
  flushWebhooks(): Promise<void>;
  /** The business activity simulator (stepped by hand, or running when `activity` is set). */
  activity: SandboxActivity;
  /** Stops activity, webhook delivery and listening, closes open connections and flushes any pending save. */
  close(): Promise<void>;
}

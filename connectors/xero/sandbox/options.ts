/** The public shape of the Xero sandbox: its options and the handle `createXeroSandbox` returns. */
import type { XeroBooks } from "./books/types.js";
import type { SandboxLogger } from "./runtime.js";
import type { RequestStats } from "./state/request-stats.js";
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
  /** The sandbox clock: token lifetimes, rate-limit windows, idempotency, UpdatedDateUTC. Default `() => new Date()`. */
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
  /** Stops listening, closes open connections and flushes any pending save. */
  close(): Promise<void>;
}

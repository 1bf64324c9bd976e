import type { ActivityOptions, SandboxActivity } from "./activity/activity.js";
import type { ClientaryBooks } from "./books/types.js";

export interface ClientarySandboxOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Seed of the demo books (same seed and day ⇒ same books). @default 11 */
  seed?: number;
  /** The sandbox clock: the seeded history ends on its day (no record stamped later than it); timestamps and rate windows use it. @default () => new Date() */
  now?: () => Date;
  /** JSON state file: loaded when present, saved after every write. Absent ⇒ in memory only. */
  dataFile?: string;
  /** The one API token the sandbox accepts (as the Basic user name). @default "clientary-sandbox-token" */
  apiToken?: string;
  /** Calls per rolling minute before 429 + Retry-After. @default 120 */
  ratePerMinute?: number;
  /**
   * Simulated business activity (new clients, hours, invoices sent and paid...) every `everyMs`,
   * drawn from `seed`, started with the server. Absent ⇒ off; `activity.step()` still works.
   */
  activity?: ActivityOptions;
}

export interface SandboxStats {
  total: number;
  /** Requests that could change the books (POST, PUT, DELETE), whatever their answer. */
  writes: number;
  /** Requests per path below `/api/v2`, without query or `.json`, e.g. "/invoices". */
  byPath: Record<string, number>;
  reset(): void;
}

export interface ClientarySandbox {
  /** Account origin, e.g. "http://127.0.0.1:4020"; the API lives at `${url}/api/v2`. */
  url: string;
  apiToken: string;
  /** The live books; writes through the API change them in place. */
  books: ClientaryBooks;
  stats: SandboxStats;
  /** The simulated business activity: `step(n)` for tests, `start()`/`stop()` for a timer (stopped by `close()`). */
  activity: SandboxActivity;
  /** Stops the activity, stops listening, closes open connections and flushes a pending save. */
  close(): Promise<void>;
}

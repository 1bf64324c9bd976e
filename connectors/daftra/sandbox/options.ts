/** The public shape of the Daftra sandbox: its options and the handle `createDaftraSandbox` returns. */
import type { SandboxActivity } from "./activity/simulator.js";
import type { DaftraBooks } from "./books/types.js";

export interface DaftraSandboxOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Seed of the demo books (same seed and day ⇒ same books). @default 7 */
  seed?: number;
  /** The sandbox clock; the seeded books end on its day, with no record stamped later than it. @default () => new Date() */
  now?: () => Date;
  /** JSON state file: loaded when present, written after changes and on close. Absent ⇒ in memory. */
  dataFile?: string;
  /** The one API key the account accepts. @default "daftra-sandbox-key" */
  apiKey?: string;
  /** Requests per rolling minute before a 429 with Retry-After. @default 120 */
  ratePerMinute?: number;
  /**
   * Simulated business activity: a step every `everyMs` from the start (new clients, invoices,
   * payments, edits, stock, expenses), drawn from `seed` (the books' seed when absent).
   * Absent, null or `everyMs` 0 ⇒ no timer; `activity.step()` still works. @default null
   */
  activity?: { everyMs: number; seed?: number } | null;
}

export interface SandboxStats {
  total: number;
  /** Requests per API path (below `/api2`, without `.json`). */
  byPath: Record<string, number>;
  /** Requests per HTTP method, so tests can tell reads from writes. */
  byMethod: Record<string, number>;
  reset(): void;
}

export interface DaftraSandbox {
  /** Base of the API, including `/api2`, e.g. "http://127.0.0.1:4020/api2". */
  url: string;
  apiKey: string;
  books: DaftraBooks;
  stats: SandboxStats;
  /** The activity simulator: `step(n)` acts at once, `start()`/`stop()` on a timer; `close()` stops it. */
  activity: SandboxActivity;
  close(): Promise<void>;
}

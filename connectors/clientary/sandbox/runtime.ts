import type { ClientaryBooks } from "./books/types.js";

/** What every route module receives: the live books, the clock, and a hook to call after changes. */
export interface SandboxRuntime {
  books: ClientaryBooks;
  now(): Date;
  /** Call after any write; schedules persistence when a data file is configured. */
  changed(): void;
}

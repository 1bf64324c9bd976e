import type { DaftraBooks } from "./books/types.js";

export interface SandboxState {
  books: DaftraBooks;
}

/** What every route module receives. */
export interface SandboxRuntime {
  state: SandboxState;
  now(): Date;
  /** Call after a change to `state`: schedules persistence when a data file is configured. */
  changed(): void;
}

export const todayOf = (runtime: SandboxRuntime) => runtime.now().toISOString().slice(0, 10);

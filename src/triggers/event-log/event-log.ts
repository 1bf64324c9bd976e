import { badUserInput } from "../../errors/index.js";
import type { NewEvent, StoredEvent } from "../event.js";

/**
 * The durable, ordered, append-only record of every event. Appending is idempotent by event id, so
 * a change detected twice (webhook and poller, or again after a crash) is kept once. Every event
 * gets a cursor; reading after a cursor returns the events appended after it, in order, with none
 * missing: an event becomes visible only once every event before it is.
 */
export interface EventLog {
  /** Appends in order, skipping events whose id the log already holds; returns the ones appended. */
  append(events: readonly NewEvent[]): Promise<StoredEvent[]>;
  /** Up to `limit` events after `cursor` (from the oldest kept when undefined), oldest first. */
  readAfter(cursor: string | undefined, limit: number): Promise<StoredEvent[]>;
  /** The cursor of the newest event, undefined when the log is empty. */
  head(): Promise<string | undefined>;
  /** Drops events detected before `cutoff` (retention); returns how many went. */
  prune(cutoff: Date): Promise<number>;
  /**
   * Log order of two cursors this log gave (negative: `a` comes first, 0: the same position), also for
   * events retention has since dropped. BAD_USER_INPUT when either is not one of its cursors.
   */
  compareCursors(a: string, b: string): number;
  /** Calls `listener` after events were appended, here or by another instance sharing the log. */
  onAppend(listener: () => void): () => void;
  close(): Promise<void>;
}

const PREFIX = "ev1:";

/** A log position as clients see it: opaque, so the backend's numbering can change without breaking them. */
export function encodeCursor(position: string): string {
  return Buffer.from(`${PREFIX}${position}`, "utf8").toString("base64url");
}

/** The backend position inside a client's cursor; BAD_USER_INPUT when it is not one this log could have given. */
export function decodeCursor(cursor: string, pattern: RegExp, field = "after"): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const position = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : "";
  if (!pattern.test(position) || encodeCursor(position) !== cursor) {
    throw badUserInput([{ field, message: `'${cursor}' is not an event cursor of this gateway; pass the \`cursor\` of an event you received.` }]);
  }
  return position;
}

/** `compareCursors` of logs whose positions are increasing integers (SQLite's seq, memory). */
export function compareIntegerCursors(a: string, b: string): number {
  const [x, y] = [a, b].map((cursor, i) => BigInt(decodeCursor(cursor, /^\d+$/, i === 0 ? "cursor" : "other cursor")));
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

/** `compareCursors` of a Redis stream's positions (`<ms>-<seq>`). */
export function compareStreamCursors(a: string, b: string): number {
  const [x, y] = [a, b].map((cursor, i) => decodeCursor(cursor, /^\d+-\d+$/, i === 0 ? "cursor" : "other cursor").split("-").map(BigInt));
  for (let part = 0; part < 2; part++) if (x![part]! !== y![part]!) return x![part]! < y![part]! ? -1 : 1;
  return 0;
}

/** Listeners for "something was appended". */
export function createAppendSignal() {
  const listeners = new Set<() => void>();
  return {
    listen(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
  };
}

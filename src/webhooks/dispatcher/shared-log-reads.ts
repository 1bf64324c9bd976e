import type { StoredEvent } from "../../triggers/event.js";
import type { EventLog } from "../../triggers/event-log/event-log.js";

/** Reads of the event log that endpoints at the same position share. */
export interface SharedLogReads {
  /** `log.readAfter(cursor, limit)`, answered by a read already under way (or just ended) for the same arguments when there is one. */
  read(cursor: string | undefined, limit: number): Promise<StoredEvent[]>;
}

/**
 * Identical concurrent reads cost one log read: a read is kept in flight by cursor and limit, and its
 * answer until the current turn of the event loop ends, so every endpoint woken by the same append at
 * the same cursor gets it. An answer handed out a moment late can only lack events appended since,
 * which the append's own wake-up reads next; it is never wrong.
 */
export function sharedLogReads(log: EventLog): SharedLogReads {
  const inFlight = new Map<string, Promise<StoredEvent[]>>();
  return {
    read(cursor, limit) {
      const key = `${cursor ?? ""}|${limit}`;
      const current = inFlight.get(key);
      if (current) return current;
      const reading = log.readAfter(cursor, limit);
      inFlight.set(key, reading);
      const forget = () => setImmediate(() => {
        if (inFlight.get(key) === reading) inFlight.delete(key);
      });
      reading.then(forget, forget);
      return reading;
    },
  };
}

import type { NewEvent, StoredEvent } from "../event.js";
import { createAppendSignal, compareIntegerCursors, decodeCursor, encodeCursor, type EventLog } from "./event-log.js";

/** An event log in process memory: for tests and the `memory://` store. Lost on restart. */
export function createMemoryEventLog(): EventLog {
  let events: Array<StoredEvent & { seq: number }> = [];
  const ids = new Set<string>();
  let last = 0;
  const signal = createAppendSignal();
  const seqOf = (cursor: string | undefined) => (cursor === undefined ? 0 : Number(decodeCursor(cursor, /^\d+$/)));
  return {
    async append(batch: readonly NewEvent[]) {
      const added = batch.filter((e) => !ids.has(e.id) && ids.add(e.id)).map((e) => ({ ...e, seq: ++last, cursor: encodeCursor(String(last)) }));
      events.push(...added);
      if (added.length > 0) signal.notify();
      return added.map(({ seq: _seq, ...event }) => event);
    },
    async readAfter(cursor, limit) {
      const after = seqOf(cursor);
      return events.filter((e) => e.seq > after).slice(0, limit).map(({ seq: _seq, ...event }) => event);
    },
    head: async () => (last === 0 ? undefined : encodeCursor(String(last))),
    async prune(cutoff) {
      const before = events.length;
      const kept = events.filter((e) => Date.parse(e.detectedAt) >= cutoff.getTime());
      for (const gone of events.filter((e) => !kept.includes(e))) ids.delete(gone.id);
      events = kept;
      return before - kept.length;
    },
    compareCursors: compareIntegerCursors,
    onAppend: (listener) => signal.listen(listener),
    close: async () => undefined,
  };
}

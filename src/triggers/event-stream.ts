import { Repeater } from "@graphql-yoga/subscription";
import type { StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";

export interface EventStreamOptions {
  log: EventLog;
  /** Replay every stored event after this cursor first; undefined: only events appended from now on. */
  after?: string;
  /** Which events this subscriber gets (organizations it may see, types it asked for). */
  accept(event: StoredEvent): boolean;
  /** Events read from the log at a time. @default 200 */
  batchSize?: number;
}

/**
 * Every accepted event after a position, stored ones first, then live ones, in log order, each
 * once. The stream listens for appends before it reads anything and always reads the log after
 * the last event it handed over, so nothing falls between the stored backlog and the live tail,
 * and nothing is repeated at the seam. Notifications only say "read again"; the log decides what
 * comes next, so their order (across instances too) never matters.
 *
 * Resolves once the first batch is read, so a bad cursor fails the subscription at once.
 */
export async function openEventStream({ log, after, accept, batchSize = 200 }: EventStreamOptions): Promise<AsyncIterableIterator<StoredEvent>> {
  let pending = false;
  let wake: (() => void) | undefined;
  const stopListening = log.onAppend(() => {
    pending = true;
    wake?.();
  });
  let position: string | undefined;
  let batch: StoredEvent[];
  try {
    // From now on: after the newest event (or from the first one, when the log is still empty).
    position = after ?? (await log.head());
    batch = after === undefined ? [] : await log.readAfter(after, batchSize);
  } catch (error) {
    stopListening();
    throw error;
  }

  const stream = new Repeater<StoredEvent>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => {
      stopped = true;
    });
    try {
      for (;;) {
        for (const event of batch) {
          position = event.cursor;
          if (accept(event)) await push(event);
          if (stopped) return;
        }
        if (batch.length < batchSize && !pending) {
          await Promise.race([new Promise<void>((resolve) => (wake = resolve)), stop]);
          wake = undefined;
          if (stopped) return;
        }
        pending = false;
        batch = await log.readAfter(position, batchSize);
      }
    } finally {
      stopListening();
    }
  });
  // A stream ended before its first read never runs the body above: stop listening here too.
  const end = stream.return.bind(stream);
  stream.return = (value?: unknown) => {
    stopListening();
    return end(value as never);
  };
  return stream;
}

import type { StoredEvent } from "./event.js";
import type { EventLog } from "./event-log/event-log.js";
import { createStopSignal } from "../infra/stop-signal.js";
import { sharedReplayGate, type ReplayGate } from "./replay-gate.js";

export interface EventStreamOptions {
  log: EventLog;
  /** Replay every stored event after this cursor first; undefined: only events appended from now on. */
  after?: string;
  /** Which events this subscriber gets (organizations it may see, types it asked for). */
  accept(event: StoredEvent): boolean;
  /** Events read from the log at a time. @default 200 */
  batchSize?: number;
  /** Permits to read and hold a batch of stored events while catching up, shared with other streams. @default sharedReplayGate (4) */
  replayGate?: ReplayGate;
  /**
   * A catching-up stream whose subscriber has not asked for the next event this long after the last one
   * gives its permit back and drops the rest of its batch; it reads it again when asked. With an unbounded
   * gate (`permits: Infinity`) nobody waits for a permit, so a stalled stream keeps its batch. @default 200
   */
  stallMs?: number;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Every accepted event after a position, stored ones first, then live ones, in log order, each
 * once. The stream listens for appends before it reads anything and always reads the log after
 * the last event it handed over, so nothing falls between the stored backlog and the live tail,
 * and nothing is repeated at the seam. Notifications only say "read again"; the log decides what
 * comes next, so their order (across instances too) never matters.
 *
 * It is pulled: a batch is read only when the subscriber asks for an event and the last one is used up.
 * While catching up (replaying, or after a full batch) each read waits for a permit of the shared
 * replay gate, held until the batch is handed over or the subscriber stalls, so memory stays bounded
 * by the permits, not by the number of subscribers, and a slow subscriber never holds up the others.
 *
 * Resolves once the first batch is read, so a bad cursor fails the subscription at once.
 */
export async function openEventStream({ log, after, accept, batchSize = 200, replayGate = sharedReplayGate, stallMs = 200 }: EventStreamOptions): Promise<AsyncIterableIterator<StoredEvent>> {
  let pending = false;
  let wake: (() => void) | undefined;
  const stopping = createStopSignal();
  const stopListening = log.onAppend(() => {
    pending = true;
    wake?.();
  });
  let position: string | undefined;
  let batch: StoredEvent[] = [];
  let index = 0;
  let catchingUp = after !== undefined;
  let permit: (() => void) | undefined;
  let stall: NodeJS.Timeout | undefined;

  const releasePermit = () => {
    clearTimeout(stall);
    permit?.();
    permit = undefined;
  };
  const end = () => {
    stopping.stop();
    releasePermit();
    stopListening();
  };
  /**
   * The subscriber went quiet while this stream holds a permit: when another replay waits for one, give
   * it back and forget the rest of the batch (read again later); while nobody waits, keep both, so a
   * slow reader does not re-read a whole batch for every event it takes.
   */
  const armStall = () => {
    if (replayGate.permits === Infinity) return;
    const check = () => {
      if (replayGate.waiting === 0) {
        stall = setTimeout(check, stallMs);
        stall.unref?.();
        return;
      }
      batch = [];
      index = 0;
      catchingUp = true;
      releasePermit();
    };
    stall = setTimeout(check, stallMs);
    stall.unref?.();
  };
  /** Reads the next batch (with a permit while catching up); false when the stream stopped meanwhile. */
  const read = async (): Promise<boolean> => {
    if (catchingUp && !permit) {
      const acquiring = replayGate.acquire();
      const granted = await stopping.race(acquiring);
      if (!granted) {
        void acquiring.then((release) => release());
        return false;
      }
      permit = granted;
    }
    try {
      batch = await log.readAfter(position, batchSize);
    } catch (error) {
      releasePermit();
      throw error;
    }
    index = 0;
    catchingUp = batch.length === batchSize;
    if (stopping.stopped) releasePermit();
    return !stopping.stopped;
  };

  try {
    // From now on: after the newest event (or from the first one, when the log is still empty).
    position = after ?? (await log.head());
    if (after !== undefined) await read();
    // Nobody may ever ask (the operation was dropped before its first event): do not keep the permit for them.
    if (permit) armStall();
  } catch (error) {
    end();
    throw error;
  }

  const stream: AsyncIterableIterator<StoredEvent> = {
    async next(): Promise<IteratorResult<StoredEvent>> {
      clearTimeout(stall);
      for (;;) {
        if (stopping.stopped) return DONE;
        while (index < batch.length) {
          const event = batch[index++]!;
          position = event.cursor;
          if (!accept(event)) continue;
          if (permit) armStall();
          return { done: false, value: event };
        }
        // Used up: let it go before waiting for a permit or an append (the queue may be long).
        batch = [];
        index = 0;
        releasePermit();
        if (!catchingUp && !pending) {
          await stopping.race(new Promise<void>((resolve) => (wake = resolve)));
          wake = undefined;
          if (stopping.stopped) return DONE;
        }
        pending = false;
        try {
          if (!(await read())) return DONE;
        } catch (error) {
          end();
          throw error;
        }
      }
    },
    async return() {
      end();
      return DONE;
    },
    async throw(error?: unknown) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}

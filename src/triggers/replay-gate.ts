/**
 * A small counting semaphore shared by the event streams of one process: only `permits` streams at a
 * time read stored events and hold a batch of them, first come first served. A replay storm thus
 * becomes a queue of slower replays instead of thousands of batches in memory at once.
 */
export interface ReplayGate {
  /** Resolves with a release function once a permit is free. */
  acquire(): Promise<() => void>;
  /** Streams holding a permit now. */
  readonly active: number;
  /** Streams waiting for one. */
  readonly waiting: number;
}

export function createReplayGate(permits: number): ReplayGate {
  if (!Number.isInteger(permits) || permits < 1) throw new Error(`A replay gate needs at least one permit, not ${permits}.`);
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    acquire() {
      return new Promise((resolve) => {
        const grant = () => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        };
        if (active < permits) {
          active++;
          grant();
        } else {
          queue.push(grant);
        }
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** The gate every event stream of this process shares unless given its own. */
export const sharedReplayGate: ReplayGate = createReplayGate(4);

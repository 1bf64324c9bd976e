/**
 * A small counting semaphore shared by the event streams of one process: only `permits` streams at a
 * time read stored events and hold a batch of them, first come first served. A replay storm thus
 * becomes a queue of slower replays instead of thousands of batches in memory at once.
 *
 * `permits: Infinity` is a gate that never closes (every stream reads at once, as before the gate
 * existed): for comparison in benchmarks, not for production.
 */
export interface ReplayGate {
  /** Resolves with a release function once a permit is free. */
  acquire(): Promise<() => void>;
  /** How many streams may hold a permit at once; Infinity when the gate never closes. */
  readonly permits: number;
  /** Streams holding a permit now. */
  readonly active: number;
  /** Streams waiting for one. */
  readonly waiting: number;
}

/** Permits of the shared gate, and of `replayConcurrency` when it is not set. */
export const DEFAULT_REPLAY_PERMITS = 4;

export function createReplayGate(permits: number): ReplayGate {
  if (permits !== Infinity && (!Number.isInteger(permits) || permits < 1)) {
    throw new Error(`replayConcurrency (the replay gate's permits) must be a whole number of at least 1, or Infinity for no bound; got ${permits}.`);
  }
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    permits,
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
export const sharedReplayGate: ReplayGate = createReplayGate(DEFAULT_REPLAY_PERMITS);

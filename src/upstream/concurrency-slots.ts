/** A counting semaphore: at most `limit` holders at once, the rest wait in arrival order. */
export interface ConcurrencySlots {
  /** Resolves when a slot is held; rejects with the signal's reason (and leaves the line) when it aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
}

export function createConcurrencySlots(limit: number): ConcurrencySlots {
  let held = 0;
  const waiting: Array<() => void> = [];
  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (held < limit) {
        held++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = waiting.indexOf(take);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal!.reason);
        };
        const take = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        waiting.push(take);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else held--;
    },
  };
}

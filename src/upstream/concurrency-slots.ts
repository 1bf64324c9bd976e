/** A counting semaphore: at most `limit` holders at once, the rest wait in arrival order. */
export interface ConcurrencySlots {
  acquire(): Promise<void>;
  release(): void;
}

export function createConcurrencySlots(limit: number): ConcurrencySlots {
  let held = 0;
  const waiting: Array<() => void> = [];
  return {
    acquire() {
      if (held < limit) {
        held++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else held--;
    },
  };
}

/**
 * Shared pieces of the sandboxes' simulated business activity (each sandbox decides what its
 * actions are; how they are drawn and paced is the same everywhere).
 */

/** Draws one item by weight; `roll` is one uniform draw in [0, 1) from the sandbox's seeded generator. */
export function weightedPick<T>(items: readonly T[], weightOf: (item: T) => number, roll: number): T {
  if (items.length === 0) throw new RangeError("weightedPick needs at least one item");
  let left = roll * items.reduce((sum, item) => sum + weightOf(item), 0);
  for (const item of items) if ((left -= weightOf(item)) < 0) return item;
  return items[items.length - 1]!;
}

/** A step run every so many milliseconds until stopped; a failing step goes to `onError` and the loop goes on. */
export interface PacedLoop {
  /** (Re)starts the loop at this pace. */
  start(everyMs: number): void;
  stop(): void;
  readonly running: boolean;
}

export function createPacedLoop(step: () => unknown, onError: (error: unknown) => void = () => undefined): PacedLoop {
  let timer: NodeJS.Timeout | undefined;
  const loop: PacedLoop = {
    start(everyMs) {
      loop.stop();
      timer = setInterval(() => {
        try {
          step();
        } catch (error) {
          onError(error);
        }
      }, Math.max(1, everyMs));
      // Activity never keeps a process alive on its own.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    get running() {
      return timer !== undefined;
    },
  };
  return loop;
}

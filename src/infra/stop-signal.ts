/**
 * A one-shot stop that pending waits can race against without leaking. `Promise.race([work, stopped])`
 * on a stop that never comes leaves one reaction (holding the race and the value it settled with) on
 * the stop promise per call, so a long stream racing every step would keep every step's value alive;
 * here each race drops its listener as soon as it settles.
 */
export function createStopSignal() {
  let stopped = false;
  const listeners = new Set<() => void>();
  return {
    get stopped() {
      return stopped;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const listener of [...listeners]) listener();
      listeners.clear();
    },
    /** `promise`'s value, or undefined as soon as the stop comes first (its later outcome is then ignored). */
    race<T>(promise: Promise<T>): Promise<T | undefined> {
      return new Promise((resolve, reject) => {
        if (stopped) {
          promise.catch(() => undefined);
          return resolve(undefined);
        }
        const onStop = () => resolve(undefined);
        listeners.add(onStop);
        promise.then(
          (value) => (listeners.delete(onStop), resolve(value)),
          (error) => (listeners.delete(onStop), reject(error)),
        );
      });
    },
  };
}
export type StopSignal = ReturnType<typeof createStopSignal>;

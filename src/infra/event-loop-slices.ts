import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Longest stretch a bulk loop runs before letting the event loop serve what waits (requests,
 * timers, I/O). A full listing of a thousand records maps, fingerprints and serialises for tens of
 * milliseconds; in slices, a query arriving meanwhile waits one slice, not the whole page.
 */
export const SLICE_MS = 8;

/** `items.map(fn)`, yielding to the event loop whenever a slice has run `sliceMs`; order and results as `map`. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R, sliceMs = SLICE_MS): Promise<R[]> {
  const out = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!, i);
    if (i + 1 < items.length && performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return out;
}

/**
 * A record's `raw` provider JSON may be computed lazily: most queries never select it, and building
 * it costs as much as mapping. The JSON scalar resolves a thunk when `raw` is selected; other readers
 * use `rawOf`.
 */
export type Raw = unknown | (() => unknown);

/** A memoised thunk for `raw`. */
export function lazyRaw(compute: () => unknown): () => unknown {
  let done = false;
  let value: unknown;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** The raw JSON of a record, whether it was stored eagerly or as a thunk. */
export function rawOf(raw: Raw): unknown {
  return typeof raw === "function" ? (raw as () => unknown)() : raw;
}

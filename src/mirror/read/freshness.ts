import type { ReadSource, ServedFrom } from "./read-source.js";

/** How fresh a record a request read is, and which source the request asked for. */
export interface Freshness {
  /** Where the record came from. */
  source: ServedFrom;
  /** Mirror: the later of when the row was written and when the entity was last in sync; live: when it was read. */
  syncedAt: string;
  /** The source the request asked for, which nested references (an invoice's contact) follow. */
  asked: ReadSource;
}

/**
 * Freshness kept beside the record object, never on it: it must not leak into `raw`, event
 * payloads, idempotent replays or the mirror's own rows. Records read from the mirror are fresh
 * `JSON.parse` objects and live records are new objects per read, so keying by identity is exact,
 * and an object nobody holds any more takes its entry with it.
 */
const FRESHNESS = new WeakMap<object, Freshness>();

/** Tags a record this request read with where it came from and how fresh it is; returns the record. */
export function markFreshness<T>(record: T, freshness: Freshness): T {
  if (typeof record === "object" && record !== null) FRESHNESS.set(record, freshness);
  return record;
}

/** The freshness of a record this request read; undefined for records it did not read (event payloads, write results). */
export function freshnessOf(record: unknown): Freshness | undefined {
  return typeof record === "object" && record !== null ? FRESHNESS.get(record) : undefined;
}

/** The later of two ISO instants (either may be missing). */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string {
  if (!a) return b ?? new Date(0).toISOString();
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * How a record's references (an invoice's `contact`) are loaded: with the source that produced the
 * record. A record from the mirror loads its references from the mirror (under AUTO, ids the mirror
 * lacks fall back to the provider; under MIRROR they never do); a live record loads them live; a
 * record the request did not read (an event payload) uses AUTO.
 */
export function referenceSource(parent: unknown): LoadSource {
  const freshness = freshnessOf(parent);
  if (!freshness) return "AUTO";
  if (freshness.source === "LIVE") return "LIVE";
  return freshness.asked === "MIRROR" ? "MIRROR" : "MIRROR_FIRST";
}

/**
 * What a loader reads: a `ReadSource`, or `MIRROR_FIRST` (the mirror, then one batched live read of
 * the ids it lacks, whatever the entity's state): how AUTO loads the references of a mirror record.
 */
export type LoadSource = ReadSource | "MIRROR_FIRST";

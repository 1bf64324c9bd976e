import type { EntityName } from "../../connector/entities.js";
import { columnsOf } from "../../mirror/columns.js";
import type { IndexedColumns, MirrorCommit, MirrorStore } from "../../mirror/mirror-store.js";
import type { OrganizationRecord } from "../../organizations/organization-record.js";

/**
 * Test helpers around a real mirror store: a wrapper that counts what detection reads and writes
 * through it and can make one commit fail (as if the process died there), and the columns function
 * the gateway uses (no connector-specific archived rule).
 */

/** What went through the store since the last `reset`. */
export interface ProbeCounts {
  /** Ids passed to `known()`, in all. */
  idsLookedUp: number;
  /** The most ids one `known()` call asked for. */
  largestLookup: number;
  /** Calls of `knownIds()` (a read of every id of an entity). */
  knownIdsCalls: number;
  /** Commits that reached the store. */
  commits: number;
  /** Rows upserted or removed by those commits, in all. */
  rowsWritten: number;
  /** Rows read back whole (`getMany`, `list`, snapshots). */
  rowsRead: number;
}

export interface MirrorProbe {
  store: MirrorStore;
  counts: ProbeCounts;
  /** Every commit that reached the store since the last `reset`, as plain JSON (what was written). */
  commits: MirrorCommit[];
  reset(): void;
  /** The `n`-th commit from now throws before it reaches the database (nothing of it is written); `Infinity` turns it off. */
  crashAtCommit(n: number): void;
}

const zero = (): ProbeCounts => ({ idsLookedUp: 0, largestLookup: 0, knownIdsCalls: 0, commits: 0, rowsWritten: 0, rowsRead: 0 });

/** Wraps a real store: every call goes to it, counted; `crashAtCommit` makes one commit fail first. */
export function probeMirror(inner: MirrorStore): MirrorProbe {
  let counts = zero();
  let commits: MirrorCommit[] = [];
  let sinceArmed = 0;
  let failAt = Number.POSITIVE_INFINITY;
  const store: MirrorStore = {
    kind: inner.kind,
    loadSync: (o, e) => inner.loadSync(o, e),
    async known(o, e, ids) {
      probe.counts.idsLookedUp += ids.length;
      probe.counts.largestLookup = Math.max(probe.counts.largestLookup, ids.length);
      return inner.known(o, e, ids);
    },
    async knownIds(o, e) {
      probe.counts.knownIdsCalls++;
      return inner.knownIds(o, e);
    },
    async commit(o, e, change) {
      if (++sinceArmed === failAt) throw new Error("killed");
      probe.counts.commits++;
      probe.counts.rowsWritten += change.upserts.length + change.removals.length;
      probe.commits.push(JSON.parse(JSON.stringify(change)) as MirrorCommit);
      return inner.commit(o, e, change);
    },
    version: (o) => inner.version(o),
    async list(o, e, query) {
      const page = await inner.list(o, e, query);
      probe.counts.rowsRead += page.rows.length;
      return page;
    },
    count: (o, e, filter) => inner.count(o, e, filter),
    async getMany(o, e, ids) {
      const rows = await inner.getMany(o, e, ids);
      probe.counts.rowsRead += rows.filter(Boolean).length;
      return rows;
    },
    entities: (o) => inner.entities(o),
    snapshot: (read) =>
      inner.snapshot((snapshot) =>
        read({
          async all(o, e) {
            const rows = await snapshot.all(o, e);
            probe.counts.rowsRead += rows.length;
            return rows;
          },
        })),
    forget: (o) => inner.forget(o),
    close: () => inner.close(),
  };
  const probe: MirrorProbe = {
    store,
    counts,
    commits,
    reset() {
      counts = zero();
      commits = [];
      probe.counts = counts;
      probe.commits = commits;
    },
    crashAtCommit(n) {
      sinceArmed = 0;
      failAt = n;
    },
  };
  return probe;
}

/** The indexed columns as the gateway extracts them, for recorders built in tests. */
export const testColumnsOf = (_organization: OrganizationRecord, entity: EntityName, record: Record<string, unknown>): IndexedColumns =>
  columnsOf(entity, record);

import { sql, type Kysely, type Transaction } from "kysely";
import { MirrorConflictError, MirrorFencedError } from "../mirror-store.js";
import type { EntityName } from "../../connector/entities.js";
import { systemClock, type Clock } from "../../infra/clock.js";
import { sortOf } from "../columns.js";
import type {
  EntitySyncRow,
  KnownRecord,
  MirrorCommit,
  MirrorFilter,
  MirrorListPage,
  MirrorListQuery,
  MirrorRecord,
  MirrorSnapshot,
  MirrorStore,
  SyncState,
} from "../mirror-store.js";
import { recordConditions } from "./record-filter.js";
import { chunksOf, endedOf, fromRecordRow, lastWritePerId, toRecordRow } from "./record-rows.js";
import { RECORD_CONTENT_COLUMNS, RECORD_VALUE_COLUMNS, type MirrorDatabase } from "./tables.js";

/**
 * Rows per upsert statement: 500 × 19 parameters stays far below SQLite's 32,766 and PostgreSQL's
 * 65,535 bound parameters, and keeps each statement's memory small with large records.
 */
const UPSERT_BATCH = 500;
/** Ids per IN list (known, getMany, removals). */
const ID_BATCH = 500;

/** Counts remembered per store. */
const COUNTS_KEPT = 1000;

const RECORD_FIELDS = ["remote_id", "fingerprint", "ended", "record", "raw", "written_at"] as const;

export interface KyselyMirrorStoreOptions {
  kind: "sqlite" | "postgres";
  /** Stamps `writtenAt`. */
  clock?: Clock;
  /** Where reads go when they should not share the writer's connection (a SQLite file's read-only connection); `db` otherwise. */
  reader?: Kysely<MirrorDatabase>;
}

/**
 * The mirror over a migrated Kysely database, the same SQL on SQLite and PostgreSQL. On SQLite,
 * Kysely runs every query of one connection behind a mutex, so a commit has the writer connection
 * to itself; reads go to `reader` (a second connection that sees the last committed state) so they
 * never wait for a commit's transaction to end.
 */
export function createKyselyMirrorStore(db: Kysely<MirrorDatabase>, { kind, clock = systemClock, reader }: KyselyMirrorStoreOptions): MirrorStore {
  const read = reader ?? db;
  const readVersion = async (organizationId: string): Promise<number> => {
    const row = await read.selectFrom("mirror_versions").select("version").where("organization_id", "=", organizationId).executeTakeFirst();
    return row ? Number(row.version) : 0;
  };
  /** Counts by organization, entity and filter, with the organization's version they were counted at (least recently used first). */
  const counts = new Map<string, { version: number; n: number }>();
  const allRecords = async (reader: Kysely<MirrorDatabase>, organizationId: string, entity: EntityName): Promise<MirrorRecord[]> => {
    const direction = sortOf(entity).direction;
    const rows = await reader
      .selectFrom("mirror_records")
      .select(RECORD_FIELDS)
      .where("organization_id", "=", organizationId)
      .where("entity", "=", entity)
      .orderBy("sort_value", direction)
      .orderBy("remote_id", direction)
      .execute();
    return rows.map(fromRecordRow);
  };

  return {
    kind,
    database: { kind, db, reader: read },

    async loadSync(organizationId, entity) {
      const row = await read
        .selectFrom("mirror_sync")
        .select(["state", "revision"])
        .where("organization_id", "=", organizationId)
        .where("entity", "=", entity)
        .executeTakeFirst();
      return row ? { ...(JSON.parse(row.state) as SyncState), revision: Number(row.revision) } : undefined;
    },

    async known(organizationId, entity, remoteIds) {
      const known = new Map<string, KnownRecord>();
      for (const ids of chunksOf([...new Set(remoteIds)], ID_BATCH)) {
        const rows = await read
          .selectFrom("mirror_records")
          .select(["remote_id", "fingerprint", "ended"])
          .where("organization_id", "=", organizationId)
          .where("entity", "=", entity)
          .where("remote_id", "in", ids)
          .execute();
        for (const row of rows) known.set(row.remote_id, { fingerprint: row.fingerprint, ended: endedOf(row.ended) });
      }
      return known;
    },

    async knownIds(organizationId, entity) {
      const rows = await read
        .selectFrom("mirror_records")
        .select("remote_id")
        .where("organization_id", "=", organizationId)
        .where("entity", "=", entity)
        .orderBy("remote_id")
        .execute();
      return rows.map((row) => row.remote_id);
    },

    async commit(organizationId, entity, change) {
      await db.transaction().execute((trx) => writeCommit(trx, organizationId, entity, change, clock.now().toISOString()));
    },

    version: readVersion,

    async list(organizationId, entity, query) {
      return listPage(read, organizationId, entity, query);
    },

    async count(organizationId, entity, filter) {
      // The version is read before counting: a commit landing in between makes the count fresher than
      // its key (harmless: the next reader sees a newer version and counts again), never staler.
      const version = await readVersion(organizationId);
      const key = `${organizationId}\u0000${entity}\u0000${JSON.stringify(filter)}`;
      const known = counts.get(key);
      if (known?.version === version) return known.n;
      const row = await read
        .selectFrom("mirror_records")
        .select((eb) => eb.fn.countAll().as("n"))
        .where((eb) => recordConditions(eb, organizationId, entity, filter))
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      counts.delete(key);
      counts.set(key, { version, n });
      if (counts.size > COUNTS_KEPT) counts.delete(counts.keys().next().value!);
      return n;
    },

    async getMany(organizationId, entity, remoteIds) {
      const found = new Map<string, MirrorRecord>();
      for (const ids of chunksOf([...new Set(remoteIds)], ID_BATCH)) {
        const rows = await read
          .selectFrom("mirror_records")
          .select(RECORD_FIELDS)
          .where("organization_id", "=", organizationId)
          .where("entity", "=", entity)
          .where("remote_id", "in", ids)
          .execute();
        for (const row of rows) found.set(row.remote_id, fromRecordRow(row));
      }
      return remoteIds.map((id) => found.get(id) ?? null);
    },

    async entities(organizationId) {
      const rows = await read
        .selectFrom("mirror_sync as s")
        .leftJoin("mirror_records as r", (join) => join.onRef("r.organization_id", "=", "s.organization_id").onRef("r.entity", "=", "s.entity"))
        .select((eb) => ["s.entity", "s.state", eb.fn.count<number | string | bigint>("r.remote_id").as("records")])
        .where("s.organization_id", "=", organizationId)
        .groupBy(["s.entity", "s.state"])
        .orderBy("s.entity")
        .execute();
      return rows.map(
        (row): EntitySyncRow => ({ entity: row.entity as EntityName, records: Number(row.records), sync: JSON.parse(row.state) as SyncState }),
      );
    },

    async snapshot(use) {
      // PostgreSQL: one REPEATABLE READ transaction sees the database as of its first read. SQLite: a
      // transaction on the reader sees the last commit before its first read (WAL) while commits go on;
      // on a database without a reader (":memory:") it holds the only connection, so no commit lands until it ends.
      const transaction = kind === "postgres" ? read.transaction().setIsolationLevel("repeatable read").setAccessMode("read only") : read.transaction();
      return transaction.execute((trx) => {
        const snapshot: MirrorSnapshot = { all: (organizationId, entity) => allRecords(trx, organizationId, entity) };
        return use(snapshot);
      });
    },

    async forget(organizationId) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("mirror_records").where("organization_id", "=", organizationId).execute();
        await trx.deleteFrom("mirror_sync").where("organization_id", "=", organizationId).execute();
        // The version moves on rather than restarting: anything cached at an old version (counts, reports) never matches again.
        await bumpVersion(trx, organizationId);
      });
    },

    async close() {
      await reader?.destroy();
      await db.destroy();
    },
  };
}

/**
 * One commit inside its transaction: upserts (a row whose content is unchanged is left alone and
 * does not count as a change), removals, the organization's version when anything changed, then the
 * sync state.
 */
async function writeCommit(
  trx: Transaction<MirrorDatabase>,
  organizationId: string,
  entity: EntityName,
  change: MirrorCommit,
  writtenAt: string,
): Promise<void> {
  let changed = 0;
  for (const writes of chunksOf(lastWritePerId(change.upserts), UPSERT_BATCH)) {
    const rows = writes.map((write) => toRecordRow(organizationId, entity, write, writtenAt));
    const result = await trx
      .insertInto("mirror_records")
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .columns(["organization_id", "entity", "remote_id"])
          .doUpdateSet(Object.fromEntries(RECORD_VALUE_COLUMNS.map((column) => [column, sql.ref(`excluded.${column}`)])))
          .where((eb) =>
            eb.or(RECORD_CONTENT_COLUMNS.map((column) => sql<boolean>`${sql.ref(`mirror_records.${column}`)} is distinct from ${sql.ref(`excluded.${column}`)}`)),
          ),
      )
      .executeTakeFirst();
    changed += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const ids of chunksOf([...new Set(change.removals)], ID_BATCH)) {
    const result = await trx
      .deleteFrom("mirror_records")
      .where("organization_id", "=", organizationId)
      .where("entity", "=", entity)
      .where("remote_id", "in", ids)
      .executeTakeFirst();
    changed += Number(result.numDeletedRows);
  }
  if (changed > 0) await bumpVersion(trx, organizationId);
  const { revision: _read, ...sync } = change.sync;
  const written = await writeSync(trx, organizationId, entity, change, JSON.stringify(sync));
  if (written === 1) return;
  // Nothing written (a throw rolls the whole commit back): a later lease holder's commit refuses this one, else another writer moved the revision.
  const stored = change.fence === undefined ? undefined : await storedFence(trx, organizationId, entity);
  if (stored !== undefined && stored > change.fence!) throw new MirrorFencedError(organizationId, entity, change.fence!, stored);
  throw new MirrorConflictError(organizationId, entity);
}

/**
 * Writes the sync state; how many rows it wrote (0: refused). The row must still be at the revision
 * the writer read (or still absent), unless the writer asks for no check; with a fence, its stored
 * fence must be no larger, and becomes the commit's.
 */
async function writeSync(trx: Transaction<MirrorDatabase>, organizationId: string, entity: EntityName, change: MirrorCommit, state: string): Promise<number> {
  const { fence, expectedRevision } = change;
  const fenced = fence === undefined ? {} : { fence };
  if (expectedRevision === undefined) {
    const result = await trx
      .insertInto("mirror_sync")
      .values({ organization_id: organizationId, entity, state, ...fenced })
      .onConflict((conflict) => {
        const update = conflict.columns(["organization_id", "entity"]).doUpdateSet({ state: sql.ref("excluded.state"), revision: sql`mirror_sync.revision + 1`, ...fenced });
        return fence === undefined ? update : update.where("mirror_sync.fence", "<=", fence);
      })
      .executeTakeFirst();
    return fence === undefined ? 1 : Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  if (expectedRevision === null) {
    const result = await trx
      .insertInto("mirror_sync")
      .values({ organization_id: organizationId, entity, state, ...fenced })
      .onConflict((conflict) => conflict.columns(["organization_id", "entity"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  let update = trx
    .updateTable("mirror_sync")
    .set({ state, revision: sql`revision + 1`, ...fenced })
    .where("organization_id", "=", organizationId)
    .where("entity", "=", entity)
    .where("revision", "=", expectedRevision);
  if (fence !== undefined) update = update.where("fence", "<=", fence);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The fence the sync row stores (undefined: no row). */
async function storedFence(trx: Transaction<MirrorDatabase>, organizationId: string, entity: EntityName): Promise<number | undefined> {
  const row = await trx
    .selectFrom("mirror_sync")
    .select("fence")
    .where("organization_id", "=", organizationId)
    .where("entity", "=", entity)
    .executeTakeFirst();
  return row ? Number(row.fence) : undefined;
}

/** The organization's version + 1 (1 for its first). */
async function bumpVersion(trx: Transaction<MirrorDatabase>, organizationId: string): Promise<void> {
  await trx
    .insertInto("mirror_versions")
    .values({ organization_id: organizationId, version: 1 })
    .onConflict((conflict) => conflict.column("organization_id").doUpdateSet({ version: sql`mirror_versions.version + 1` }))
    .execute();
}

/** One keyset page: rows after `query.after` in the entity's order, one extra fetched to know whether more follow. */
async function listPage(db: Kysely<MirrorDatabase>, organizationId: string, entity: EntityName, query: MirrorListQuery): Promise<MirrorListPage> {
  const first = Math.max(0, Math.floor(query.first));
  const direction = sortOf(entity).direction;
  const after = query.after;
  let select = db
    .selectFrom("mirror_records")
    .select([...RECORD_FIELDS, "sort_value"])
    .where((eb) => recordConditions(eb, organizationId, entity, query.filter as MirrorFilter));
  if (after) {
    const comparison = direction === "desc" ? sql.raw("<") : sql.raw(">");
    select = select.where(sql<boolean>`(${sql.ref("sort_value")}, ${sql.ref("remote_id")}) ${comparison} (${after.sortValue ?? ""}, ${after.remoteId})`);
  }
  const rows = await select
    .orderBy("sort_value", direction)
    .orderBy("remote_id", direction)
    .limit(first + 1)
    .execute();
  const page = rows.slice(0, first);
  return {
    rows: page.map(fromRecordRow),
    hasNextPage: rows.length > first,
    positions: page.map((row) => ({ sortValue: row.sort_value, remoteId: row.remote_id })),
  };
}

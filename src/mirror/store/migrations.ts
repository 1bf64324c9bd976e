import { sql, type Kysely } from "kysely";
import type { Migration, MigrationProvider } from "kysely/migration";

/** The backend a migration writes DDL for: a few types differ. */
export type MirrorDialect = "sqlite" | "postgres";

/**
 * The mirror's schema versions, in order. Names are "NNNN_what"; a shipped migration never changes,
 * a new one is appended.
 */
export function mirrorMigrations(dialect: MirrorDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001_mirror": { up: (db) => createMirror(db, dialect) },
    "0002_record_raw": { up: (db) => splitRaw(db) },
    "0003_sync_fence": { up: (db) => addSyncFence(db) },
    "0004_webhooks": { up: (db) => createWebhooks(db, dialect) },
  };
  return { getMigrations: async () => migrations };
}

async function createMirror(db: Kysely<any>, dialect: MirrorDialect): Promise<void> {
  // Byte-wise ("C") comparison on PostgreSQL, as SQLite's default: both backends order and page alike,
  // and plain btree indexes serve the range comparisons.
  const text = dialect === "postgres" ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable("mirror_records")
    .addColumn("organization_id", text, (c) => c.notNull())
    .addColumn("entity", text, (c) => c.notNull())
    .addColumn("remote_id", text, (c) => c.notNull())
    .addColumn("fingerprint", text, (c) => c.notNull())
    .addColumn("ended", text)
    .addColumn("record", "text", (c) => c.notNull())
    .addColumn("written_at", text, (c) => c.notNull())
    .addColumn("status", text)
    .addColumn("contact_remote_id", text)
    .addColumn("date", text)
    .addColumn("updated_at", text)
    .addColumn("number", text)
    .addColumn("name", text)
    .addColumn("email", text)
    .addColumn("phone", text)
    .addColumn("search_text", text, (c) => c.notNull())
    .addColumn("archived", "integer", (c) => c.notNull())
    .addColumn("sort_value", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("mirror_records_pk", ["organization_id", "entity", "remote_id"])
    .execute();
  await db.schema
    .createIndex("mirror_records_by_sort")
    .on("mirror_records")
    .columns(["organization_id", "entity", "sort_value", "remote_id"])
    .execute();
  // The usual list: one status (or none archived), a date range, newest first, and its count, from one index.
  await db.schema
    .createIndex("mirror_records_by_status_sort")
    .on("mirror_records")
    .columns(["organization_id", "entity", "archived", "status", "sort_value", "remote_id"])
    .execute();
  for (const column of ["status", "contact_remote_id", "date", "updated_at", "number", "name", "email", "phone"]) {
    await db.schema
      .createIndex(`mirror_records_by_${column}`)
      .on("mirror_records")
      .columns(["organization_id", "entity", column])
      .execute();
  }
  await db.schema
    .createTable("mirror_sync")
    .addColumn("organization_id", text, (c) => c.notNull())
    .addColumn("entity", text, (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("mirror_sync_pk", ["organization_id", "entity"])
    .execute();
  await db.schema
    .createTable("mirror_versions")
    .addColumn("organization_id", text, (c) => c.notNull().primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
}

/**
 * The provider's own payload (`raw`) gets a column of its own, so a read parses it only when a client
 * selects `raw` (it is about half of every record). Rows written before keep `raw` inside `record`
 * and read as before; the next listing that sees them writes them in the new shape.
 */
async function splitRaw(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("mirror_records").addColumn("raw", "text").execute();
}

/**
 * The largest poll-lease fencing token a commit of the row carried, so a poller whose lease passed to
 * another instance cannot overwrite what that one committed (see `MirrorCommit.fence`). Rows written
 * before read as 0: any token passes. bigint: tokens of a process-local lease table start at the clock's milliseconds.
 */
async function addSyncFence(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("mirror_sync").addColumn("fence", "bigint", (c) => c.notNull().defaultTo(0)).execute();
}

/**
 * Outbound webhooks beside the mirror, so one transaction queues an endpoint's deliveries and moves
 * its cursor: endpoints (with their cursor, lease fence and the last `seq` handed out), deliveries
 * (the outbox and the delivery log in one row) and each delivery's attempts.
 */
async function createWebhooks(db: Kysely<any>, dialect: MirrorDialect): Promise<void> {
  const text = dialect === "postgres" ? sql`text collate "C"` : sql`text`;
  const integer = dialect === "postgres" ? sql`bigint` : sql`integer`;
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", text, (c) => c.notNull().primaryKey())
    .addColumn("api_key_id", text, (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("organization_ids", "text")
    .addColumn("event_types", "text")
    .addColumn("filter", "text")
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("disabled_reason", "text")
    // The disabling's time, and whether its WEBHOOK_ENDPOINT_DISABLED event is still to be appended (an outbox flag).
    .addColumn("disabled_at", text)
    .addColumn("disabled_event_pending", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("secrets", "text", (c) => c.notNull())
    .addColumn("cursor", text)
    .addColumn("failing_since", text)
    .addColumn("fence", "bigint", (c) => c.notNull().defaultTo(0))
    // The last delivery `seq` handed out: the next rows take the numbers after it, under the row's lock.
    .addColumn("last_seq", integer, (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webhook_endpoints_by_key").on("webhook_endpoints").columns(["api_key_id"]).execute();
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", text, (c) => c.notNull().primaryKey())
    .addColumn("endpoint_id", text, (c) => c.notNull())
    .addColumn("event_id", text, (c) => c.notNull())
    .addColumn("event_cursor", text, (c) => c.notNull())
    .addColumn("event_type", text, (c) => c.notNull())
    .addColumn("organization_id", text)
    .addColumn("seq", integer, (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("attempt_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint")
    .addColumn("replay_of", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("detected_at", text, (c) => c.notNull())
    .addColumn("delivered_at", text)
    .execute();
  // Each organization's PENDING head (min seq per organization_id) read from the index alone.
  await db.schema
    .createIndex("webhook_deliveries_heads")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "status", "organization_id", "seq"])
    .execute();
  await db.schema.createIndex("webhook_deliveries_by_seq").on("webhook_deliveries").columns(["endpoint_id", "seq"]).unique().execute();
  await db.schema.createIndex("webhook_deliveries_by_detected").on("webhook_deliveries").columns(["detected_at"]).execute();
  await db.schema
    .createTable("webhook_attempts")
    .addColumn("delivery_id", text, (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("latency_ms", "integer", (c) => c.notNull())
    .addColumn("response_head", "text")
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("webhook_attempts_pk", ["delivery_id", "number"])
    .execute();
}

import { mkdirSync } from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import type { NewEvent, StoredEvent } from "../event.js";
import { createAppendSignal, decodeCursor, encodeCursor, type EventLog } from "./event-log.js";

export interface SqliteEventLogOptions {
  /** @default "ledgerline_events" */
  table?: string;
  /** How long a write waits for another connection's lock. @default 5000 */
  busyTimeoutMs?: number;
}

interface Row {
  seq: number;
  body: string;
}

/**
 * The event log as a plain SQLite table (in the store's own file by default): the
 * AUTOINCREMENT `seq` is the cursor (never reused, even after retention deletes the newest rows)
 * and the UNIQUE `event_id` drops re-detections. Appends run one transaction at a time.
 */
export async function openSqliteEventLog(file: string, { table = "ledgerline_events", busyTimeoutMs = 5000 }: SqliteEventLogOptions = {}): Promise<EventLog> {
  if (!/^\w+$/.test(table)) throw new Error(`invalid table name ${table}`);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = await open(file, busyTimeoutMs);
  const sql = createSql(db);
  await sql.run(`CREATE TABLE IF NOT EXISTS ${table} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL,
    detected_at INTEGER NOT NULL,
    body TEXT NOT NULL
  )`);
  await sql.run(`CREATE INDEX IF NOT EXISTS ${table}_detected_at ON ${table} (detected_at)`);
  // Readers use their own connection, so they never see rows of a transaction that may still roll back.
  const reader = file === ":memory:" ? db : await open(file, busyTimeoutMs);
  const read = createSql(reader);

  const signal = createAppendSignal();
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writing.then(work, work);
    writing = run.catch(() => undefined);
    return run;
  };
  const toStored = (row: Row): StoredEvent => ({ ...(JSON.parse(row.body) as NewEvent), cursor: encodeCursor(String(row.seq)) });

  return {
    append: (events) =>
      serially(async () => {
        if (events.length === 0) return [];
        const added: StoredEvent[] = [];
        await sql.run("BEGIN IMMEDIATE");
        try {
          for (const event of events) {
            const result = await sql.run(`INSERT OR IGNORE INTO ${table} (event_id, organization_id, detected_at, body) VALUES (?, ?, ?, ?)`, [
              event.id, event.organizationId, Date.parse(event.detectedAt), JSON.stringify(event),
            ]);
            if (result.changes > 0) added.push({ ...event, cursor: encodeCursor(String(result.lastID)) });
          }
          await sql.run("COMMIT");
        } catch (error) {
          await sql.run("ROLLBACK").catch(() => undefined);
          throw error;
        }
        if (added.length > 0) signal.notify();
        return added;
      }),
    async readAfter(cursor, limit) {
      const after = cursor === undefined ? 0 : Number(decodeCursor(cursor, /^\d+$/));
      const rows = await read.all<Row>(`SELECT seq, body FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ?`, [after, limit]);
      return rows.map(toStored);
    },
    async head() {
      const [row] = await read.all<{ seq: number | null }>(`SELECT MAX(seq) AS seq FROM ${table}`);
      return row?.seq ? encodeCursor(String(row.seq)) : undefined;
    },
    prune: (cutoff) => serially(async () => (await sql.run(`DELETE FROM ${table} WHERE detected_at < ?`, [cutoff.getTime()])).changes),
    onAppend: (listener) => signal.listen(listener),
    close: () => serially(async () => {
      if (reader !== db) await close(reader);
      await close(db);
    }),
  };
}

function open(file: string, busyTimeoutMs: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.configure("busyTimeout", busyTimeoutMs);
      resolve(db);
    });
  });
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function createSql(db: sqlite3.Database) {
  return {
    run: (statement: string, params: unknown[] = []) =>
      new Promise<{ lastID: number; changes: number }>((resolve, reject) => {
        db.run(statement, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastID: this.lastID, changes: this.changes });
        });
      }),
    all: <T>(statement: string, params: unknown[] = []) =>
      new Promise<T[]>((resolve, reject) => db.all(statement, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)))),
  };
}

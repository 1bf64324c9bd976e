import { openSqliteDatabase } from "../../store/sqlite-database.js";
import type { NewEvent, StoredEvent } from "../event.js";
import { createAppendSignal, compareIntegerCursors, decodeCursor, encodeCursor, type EventLog } from "./event-log.js";

export interface SqliteEventLogOptions {
  /** @default "ledgerline_events" */
  table?: string;
  /** How long a write waits for another process's lock on the file. @default 5000 */
  busyTimeoutMs?: number;
}

interface Row {
  seq: number;
  body: string;
}

/**
 * The event log as a plain SQLite table (in the store's own file by default): the
 * AUTOINCREMENT `seq` is the cursor (never reused, even after retention deletes the newest rows)
 * and the UNIQUE `event_id` drops re-detections. The file is the process's shared database (WAL,
 * one writer queue for the log and the key-value store alike), so appends run one transaction at a
 * time and readers, on the reader connection, never see rows of a transaction that may still roll back.
 */
export async function openSqliteEventLog(file: string, { table = "ledgerline_events", busyTimeoutMs = 5000 }: SqliteEventLogOptions = {}): Promise<EventLog> {
  if (!/^\w+$/.test(table)) throw new Error(`invalid table name ${table}`);
  const db = await openSqliteDatabase(file, { busyTimeoutMs });
  try {
    await db.run(`CREATE TABLE IF NOT EXISTS ${table} (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      organization_id TEXT NOT NULL,
      detected_at INTEGER NOT NULL,
      body TEXT NOT NULL
    )`);
    await db.run(`CREATE INDEX IF NOT EXISTS ${table}_detected_at ON ${table} (detected_at)`);
  } catch (error) {
    await db.close();
    throw error;
  }

  const signal = createAppendSignal();
  const toStored = (row: Row): StoredEvent => ({ ...(JSON.parse(row.body) as NewEvent), cursor: encodeCursor(String(row.seq)) });

  return {
    async append(events) {
      if (events.length === 0) return [];
      const added = await db.transaction(async (writer) => {
        const appended: StoredEvent[] = [];
        for (const event of events) {
          const result = await writer.run(`INSERT OR IGNORE INTO ${table} (event_id, organization_id, detected_at, body) VALUES (?, ?, ?, ?)`, [
            // Key events have no organization: "" keeps existing tables' NOT NULL column (OR IGNORE would silently drop the row).
            event.id, event.organizationId ?? "", Date.parse(event.detectedAt), JSON.stringify(event),
          ]);
          if (result.changes > 0) appended.push({ ...event, cursor: encodeCursor(String(result.lastID)) });
        }
        return appended;
      });
      if (added.length > 0) signal.notify();
      return added;
    },
    async readAfter(cursor, limit) {
      const after = cursor === undefined ? 0 : Number(decodeCursor(cursor, /^\d+$/));
      const rows = await db.all<Row>(`SELECT seq, body FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ?`, [after, limit]);
      return rows.map(toStored);
    },
    async head() {
      const [row] = await db.all<{ seq: number | null }>(`SELECT MAX(seq) AS seq FROM ${table}`);
      return row?.seq ? encodeCursor(String(row.seq)) : undefined;
    },
    prune: async (cutoff) => (await db.run(`DELETE FROM ${table} WHERE detected_at < ?`, [cutoff.getTime()])).changes,
    compareCursors: compareIntegerCursors,
    onAppend: (listener) => signal.listen(listener),
    close: () => db.close(),
  };
}

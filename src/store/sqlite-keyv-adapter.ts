import { EventEmitter } from "node:events";
import type { SqliteDatabase } from "./sqlite-database.js";

/**
 * keyv's storage adapter over the process's shared SQLite database (see `openSqliteDatabase`):
 * reads on its reader connection, writes through its one writer queue, so the key-value store and
 * the event log never hold competing locks on the file. Same table as @keyv/sqlite (`keyv`: key,
 * value), so files written by earlier versions keep their data. keyv itself serializes values and
 * keeps their expiry inside them.
 */
export class SqliteKeyvAdapter extends EventEmitter {
  readonly opts = { dialect: "sqlite", table: "keyv" };
  namespace?: string;

  private constructor(private readonly db: SqliteDatabase) {
    super();
  }

  static async open(db: SqliteDatabase): Promise<SqliteKeyvAdapter> {
    await db.run("CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)");
    return new SqliteKeyvAdapter(db);
  }

  async get(key: string): Promise<string | undefined> {
    const [row] = await this.db.all<{ value: string }>("SELECT value FROM keyv WHERE key = ?", [key]);
    return row?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const rows = await this.db.all<{ key: string; value: string }>("SELECT key, value FROM keyv WHERE key IN (SELECT value FROM json_each(?))", [JSON.stringify(keys)]);
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.run("INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value]);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM keyv WHERE key = ?", [key])).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return (await this.db.run("DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?))", [JSON.stringify(keys)])).changes > 0;
  }

  async clear(): Promise<void> {
    await this.db.run("DELETE FROM keyv WHERE key LIKE ?", [this.namespace ? `${this.namespace}:%` : "%"]);
  }

  async disconnect(): Promise<void> {
    await this.db.close();
  }
}

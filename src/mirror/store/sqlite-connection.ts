import type Database from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct SQL texts kept prepared per connection (IN lists of every length up to the batch size fit). */
const STATEMENTS_KEPT = 600;

/**
 * A better-sqlite3 connection as Kysely's SQLite dialect uses it, with its prepared statements kept
 * and reused: the dialect prepares every query afresh, and preparing costs as much as running a
 * small indexed read. The least recently used statement is dropped past `STATEMENTS_KEPT`; a
 * statement still being iterated (a streamed query) is never handed out twice.
 */
export function withPreparedStatements(database: Database.Database, kept = STATEMENTS_KEPT): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached as unknown as SqliteStatement;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > kept) statements.delete(statements.keys().next().value!);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}

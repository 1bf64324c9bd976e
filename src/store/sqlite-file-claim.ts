import sqlite3 from "sqlite3";
import { ConfigError } from "../config/config-error.js";
import { ensurePrivateFile } from "./private-files.js";

/** What holds a SQLite store file for this gateway until released. */
export interface SqliteFileClaim {
  release(): Promise<void>;
}

/** The file beside the store whose lock says which gateway uses it. */
export const claimFileOf = (file: string) => `${file}-owner`;

/**
 * One gateway per SQLite file. On the embedded default the leases (token refresh), the pollers'
 * schedule and the event log's wake-ups live in the process, so a second gateway on the same file
 * would refresh the same tokens and poll beside the first: it is refused at start instead. The
 * claim is an exclusive SQLite lock on `<file>-owner`, held while the store is open; the operating
 * system drops it when the process ends, even by SIGKILL, so a restart never finds a stale claim.
 * Tools that only read the file (or open its event log) do not claim it.
 */
export async function claimSqliteFile(file: string, { waitMs = 2000 }: { waitMs?: number } = {}): Promise<SqliteFileClaim> {
  const claimFile = claimFileOf(file);
  ensurePrivateFile(claimFile);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(claimFile, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure("busyTimeout", waitMs);
  const exec = (statement: string) => new Promise<void>((resolve, reject) => db.exec(statement, (error) => (error ? reject(error) : resolve())));
  const close = () => new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
  try {
    // In EXCLUSIVE locking mode the lock BEGIN EXCLUSIVE takes is kept after COMMIT, until the connection closes;
    // the file holds no data, so it needs no journal.
    await exec("PRAGMA journal_mode=OFF; PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
  } catch (error) {
    await close().catch(() => undefined);
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new ConfigError([
        `LEDGERLINE_STORE_URL: ${file} is in use by another gateway (only one gateway may use a SQLite file); stop the other one, give this one its own LEDGERLINE_DATA_DIR, or run several gateways on Redis (LEDGERLINE_STORE_URL=redis://…)`,
      ]);
    }
    throw error;
  }
  let released: Promise<void> | undefined;
  return { release: () => (released ??= close()) };
}

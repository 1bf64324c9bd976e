import { existsSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";

/** SQLite checkpoints a WAL once it holds this many pages (its default `wal_autocheckpoint`). */
const AUTOCHECKPOINT_PAGES = 1000;

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * Bytes SQLite writes to one WAL-mode database file, measured from beside the process that writes
 * it: `reset()` checkpoints the WAL into the database and truncates it; `bytes()` then reads what the
 * writers appended since (frames of page size + 24 bytes, after a 32-byte header). While the WAL stays
 * under the auto-checkpoint size it cannot have been restarted, so its length is exactly the bytes
 * written since the reset; past it the figure is a lower bound (`exact: false`).
 */
export function walMeter(file: string) {
  const db = new Database(file, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  const wal = `${file}-wal`;
  let mainAtReset = sizeOf(file);
  return {
    /** Checkpoints and truncates the WAL (retrying while a reader holds it); false when it could not. */
    async reset(): Promise<boolean> {
      for (let attempt = 0; attempt < 40; attempt++) {
        const [row] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
        if (row && row.busy === 0 && sizeOf(wal) === 0) {
          mainAtReset = sizeOf(file);
          return true;
        }
        await sleep(50);
      }
      return false;
    },
    /** WAL bytes appended since the last reset, and how much the database file itself grew. */
    bytes(): { wal: number; main: number; exact: boolean } {
      const walBytes = sizeOf(wal);
      return { wal: walBytes, main: sizeOf(file) - mainAtReset, exact: walBytes < 32 + AUTOCHECKPOINT_PAGES * (pageSize + 24) };
    },
    /** The database file and its WAL, in bytes. */
    size: () => sizeOf(file) + sizeOf(wal),
    close: () => db.close(),
  };
}
export type WalMeter = ReturnType<typeof walMeter>;

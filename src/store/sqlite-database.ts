import path from "node:path";
import sqlite3 from "sqlite3";
import { ensurePrivateFile, narrowToPrivate } from "./private-files.js";

/** Statements on one connection. */
export interface SqlStatements {
  run(statement: string, params?: unknown[]): Promise<{ lastID: number; changes: number }>;
  all<T>(statement: string, params?: unknown[]): Promise<T[]>;
}

/**
 * A SQLite file as this process uses it: everything that keeps state in the file (the key-value
 * store, the event log) shares it, so the process has one writer and its writes never contend.
 */
export interface SqliteDatabase {
  readonly file: string;
  /** Reads on the reader connection: committed state only, never a transaction still running. */
  all<T>(statement: string, params?: unknown[]): Promise<T[]>;
  /** One write on the writer, after every write of this process queued before it. */
  run(statement: string, params?: unknown[]): Promise<{ lastID: number; changes: number }>;
  /** `work` alone on the writer inside BEGIN IMMEDIATE … COMMIT (ROLLBACK when it throws), queued like `run`. */
  transaction<T>(work: (writer: SqlStatements) => Promise<T>): Promise<T>;
  /** Lets go of the file; the connections close when the last user of the file in this process closes. */
  close(): Promise<void>;
}

export interface OpenSqliteOptions {
  /** How long a statement waits for another process's lock on the file before failing with SQLITE_BUSY. @default 5000 */
  busyTimeoutMs?: number;
}

interface Connections {
  writer: SqlStatements;
  reader: SqlStatements;
  queue<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const openFiles = new Map<string, { users: number; opened: Promise<Connections> }>();

/**
 * Opens a SQLite file once per process, whoever asks: WAL journal (readers never block the writer
 * nor the writer the readers; synchronous=NORMAL, durable at each checkpoint and safe across
 * crashes), one writer connection whose writes run one after the other through a queue, one reader
 * connection, and a busy timeout on both for locks held by another process. The file is created
 * 0600 (its folder 0700) and SQLite gives its -wal and -shm files the same mode. `:memory:` is a
 * new private database on every open.
 */
export async function openSqliteDatabase(file: string, { busyTimeoutMs = 5000 }: OpenSqliteOptions = {}): Promise<SqliteDatabase> {
  if (file === ":memory:") {
    const connections = await connect(file, busyTimeoutMs);
    return handle(file, connections, () => connections.close());
  }
  const key = path.resolve(file);
  let entry = openFiles.get(key);
  if (!entry) {
    const opened = connect(key, busyTimeoutMs);
    entry = { users: 0, opened };
    openFiles.set(key, entry);
    opened.catch(() => openFiles.get(key)?.opened === opened && openFiles.delete(key));
  }
  const shared = entry;
  shared.users++;
  let connections: Connections;
  try {
    connections = await shared.opened;
  } catch (error) {
    shared.users--;
    throw error;
  }
  return handle(key, connections, async () => {
    if (--shared.users > 0) return;
    if (openFiles.get(key) === shared) openFiles.delete(key);
    await connections.close();
  });
}

function handle(file: string, connections: Connections, release: () => Promise<void>): SqliteDatabase {
  let closed: Promise<void> | undefined;
  const { writer, reader, queue } = connections;
  return {
    file,
    all: (statement, params) => reader.all(statement, params),
    run: (statement, params) => queue(() => writer.run(statement, params)),
    transaction: (work) =>
      queue(async () => {
        await writer.run("BEGIN IMMEDIATE");
        try {
          const result = await work(writer);
          await writer.run("COMMIT");
          return result;
        } catch (error) {
          await writer.run("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
    close: () => (closed ??= release()),
  };
}

async function connect(file: string, busyTimeoutMs: number): Promise<Connections> {
  const memory = file === ":memory:";
  if (!memory) ensurePrivateFile(file);
  const writerDb = await openConnection(file, busyTimeoutMs);
  let readerDb = writerDb;
  try {
    const writer = statements(writerDb);
    if (!memory) {
      const [answer] = await writer.all<{ journal_mode: string }>("PRAGMA journal_mode=WAL");
      if (answer?.journal_mode.toLowerCase() !== "wal") {
        throw new Error(`${file}: SQLite kept journal mode "${answer?.journal_mode}" instead of WAL; keep the data folder on a local file system`);
      }
      await writer.run("PRAGMA synchronous=NORMAL");
      readerDb = await openConnection(file, busyTimeoutMs);
      // Files an earlier version left readable by others; new ones take the database file's mode.
      for (const companion of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) narrowToPrivate(companion);
    }
    let tail: Promise<unknown> = Promise.resolve();
    const queue = <T>(work: () => Promise<T>): Promise<T> => {
      const run = tail.then(work, work);
      tail = run.catch(() => undefined);
      return run;
    };
    return {
      writer,
      reader: statements(readerDb),
      queue,
      async close() {
        await tail;
        if (readerDb !== writerDb) await closeConnection(readerDb);
        await closeConnection(writerDb);
      },
    };
  } catch (error) {
    if (readerDb !== writerDb) await closeConnection(readerDb).catch(() => undefined);
    await closeConnection(writerDb).catch(() => undefined);
    throw error;
  }
}

function openConnection(file: string, busyTimeoutMs: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.configure("busyTimeout", busyTimeoutMs);
      resolve(db);
    });
  });
}

function closeConnection(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function statements(db: sqlite3.Database): SqlStatements {
  return {
    run: (statement, params = []) =>
      new Promise((resolve, reject) => {
        db.run(statement, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastID: this.lastID, changes: this.changes });
        });
      }),
    all: <T>(statement: string, params: unknown[] = []) =>
      new Promise<T[]>((resolve, reject) => db.all(statement, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)))),
  };
}

import { EventEmitter } from "node:events";
import type pg from "pg";

/** Sweep interval and clock of a `PostgresKeyvAdapter`. */
export interface PostgresKeyvAdapterOptions {
  /** How often rows past their expiry are deleted (they read as absent before that). @default 600000 */
  sweepEveryMs?: number;
  /** Milliseconds since the epoch, for expiries. @default Date.now */
  now?: () => number;
}

/**
 * keyv's storage adapter over a PostgreSQL table (see `openPostgresState`): key, the value keyv
 * serialized, and an expiry in milliseconds since the epoch (null: none). A row past its expiry reads
 * as absent; a timer deletes such rows now and then. Each call is one statement, so instances sharing
 * the table never lose each other's writes.
 */
export class PostgresKeyvAdapter extends EventEmitter {
  readonly opts: { dialect: string; table: string };
  namespace?: string;
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
    { sweepEveryMs = 600_000, now = Date.now }: PostgresKeyvAdapterOptions = {},
  ) {
    super();
    this.opts = { dialect: "postgres", table };
    this.now = now;
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => this.emit("error", error));
    }, sweepEveryMs);
    this.sweeper.unref();
  }

  async get(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(`SELECT value FROM ${this.table} WHERE key = $1 AND (expires_at IS NULL OR expires_at > $2)`, [key, this.now()]);
    return rows[0]?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const { rows } = await this.pool.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${this.table} WHERE key = ANY($1::text[]) AND (expires_at IS NULL OR expires_at > $2)`,
      [keys, this.now()],
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  /** `ttl` in milliseconds; none (or 0) keeps the value until it is deleted. */
  async set(key: string, value: string, ttl?: number): Promise<void> {
    const expiresAt = typeof ttl === "number" && ttl > 0 ? this.now() + ttl : null;
    await this.pool.query(
      `INSERT INTO ${this.table} (key, value, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [key, value, expiresAt],
    );
  }

  /** True when a live (unexpired) value was deleted. */
  async delete(key: string): Promise<boolean> {
    return this.deleteMany([key]);
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const { rows } = await this.pool.query<{ live: boolean }>(
      `DELETE FROM ${this.table} WHERE key = ANY($1::text[]) RETURNING (expires_at IS NULL OR expires_at > $2) AS live`,
      [keys, this.now()],
    );
    return rows.some((row) => row.live);
  }

  /** Deletes every key of this adapter's namespace (every key when it has none). */
  async clear(): Promise<void> {
    if (!this.namespace) {
      await this.pool.query(`DELETE FROM ${this.table}`);
      return;
    }
    await this.pool.query(`DELETE FROM ${this.table} WHERE starts_with(key, $1)`, [`${this.namespace}:`]);
  }

  /** Deletes the rows past their expiry; how many. */
  async sweep(): Promise<number> {
    return (await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= $1`, [this.now()])).rowCount ?? 0;
  }

  /** Stops the sweeps; the pool belongs to whoever opened it. */
  async disconnect(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

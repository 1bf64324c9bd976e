import { POSTGRES_URL, postgresSchema } from "../../../test/support/postgres.js";
import type { MirrorStore } from "../../mirror/mirror-store.js";
import { openMirrorStore } from "../../mirror/open-mirror-store.js";

/** A mirror backend a test file runs its cases on. */
export interface MirrorBackend {
  name: "sqlite" | "postgres";
  /** False when the backend cannot be reached here: its cases are skipped (the reason was printed). */
  available: boolean;
  /** A store on this backend; SQLite in memory, PostgreSQL in this file's own schema. */
  open(): Promise<MirrorStore>;
  /** Drops what `open` created (PostgreSQL's schema), once every store is closed. */
  dispose(): Promise<void>;
}

/**
 * SQLite in memory, always; PostgreSQL in a schema of its own when it answers (else its cases skip,
 * with a warning saying why). Organization ids must differ between cases sharing a backend.
 */
export async function mirrorBackends(prefix: string): Promise<MirrorBackend[]> {
  const schema = await postgresSchema(prefix);
  if (!schema) console.warn(`PostgreSQL unreachable at ${POSTGRES_URL}: skipping the ${prefix} cases on PostgreSQL`);
  return [
    { name: "sqlite", available: true, open: () => openMirrorStore({ kind: "sqlite", file: ":memory:" }), dispose: async () => undefined },
    {
      name: "postgres",
      available: schema !== undefined,
      open: () => openMirrorStore({ kind: "postgres", url: POSTGRES_URL, schema: schema!.schema }),
      dispose: async () => schema?.drop(),
    },
  ];
}

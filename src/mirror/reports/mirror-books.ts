import type { EntityName, EntityTypes } from "../../connector/entities.js";
import type { BooksReader } from "../../reports/books.js";
import type { MirrorRecord, MirrorStore } from "../mirror-store.js";

/**
 * The unified record a mirror row holds, as the engine reads it live. Rows are the connector's
 * records through JSON (`snapshotOf`): money, quantities and dates were strings before and still are;
 * a lazy `raw` became its JSON (the engine never reads it); fields that were `undefined` are absent,
 * which reads the same. The round-trip test (`mirror-books.test.ts`) proves a report is unchanged.
 */
export function recordOfRow<E extends EntityName>(row: MirrorRecord): EntityTypes[E] {
  return row.record as unknown as EntityTypes[E];
}

/**
 * Every record of `entities` for one organization, read inside ONE mirror snapshot, so the report
 * sees one moment of the books even while detection commits; then served from memory. Asking the
 * reader for an entity not loaded is a programming error (the report's declared inputs are wrong).
 */
export async function loadMirrorBooks(store: MirrorStore, organizationId: string, entities: readonly EntityName[]): Promise<BooksReader> {
  const wanted = [...new Set(entities)];
  const rows = await store.snapshot(async (snapshot) => {
    const read = new Map<EntityName, MirrorRecord[]>();
    // One snapshot is one transaction (one connection): its reads go one after another.
    for (const entity of wanted) read.set(entity, await snapshot.all(organizationId, entity));
    return read;
  });
  const records = new Map<EntityName, unknown[]>([...rows].map(([entity, list]) => [entity, list.map((row) => recordOfRow(row))]));
  return {
    async all<E extends EntityName>(entity: E): Promise<Array<EntityTypes[E]>> {
      const list = records.get(entity);
      if (!list) throw new Error(`The mirror books were loaded for ${wanted.join(", ")}, not ${entity}: declare it in the connector's reportInputs.`);
      return list as Array<EntityTypes[E]>;
    },
  };
}

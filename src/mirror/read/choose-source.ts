import type { EntityName } from "../../connector/entities.js";
import type { MirrorAccess } from "../mirror-access.js";
import { mirrorNotReady, neverSynced, noMirror, notMirrored, type EntityReadiness, type ReadSource, type ServedFrom } from "./read-source.js";

/** The kind of cursor `after` carried, if any. */
export type CursorKind = "offset" | "mirror" | undefined;

/** Where one list page is read from, with the entity's readiness when it is the mirror. */
export type ListSource = { from: "LIVE" } | { from: "MIRROR"; readiness: EntityReadiness };

export interface ListSourceQuestion {
  mirror: MirrorAccess | undefined;
  organizationId: string;
  entity: EntityName;
  /** Whether the mirror keeps this entity at all (the connector can list it). */
  mirrored: boolean;
  source: ReadSource;
  cursor: CursorKind;
  /** BAD_USER_INPUT on `after` for a cursor of the other source than the one asked for. */
  wrongCursor(asked: ServedFrom): Error;
}

/**
 * Decides where a list page is read from.
 *
 * - No mirror: AUTO and LIVE read live; MIRROR is BAD_USER_INPUT on `source`; a mirror cursor is
 *   BAD_USER_INPUT on `after`.
 * - LIVE: live (a mirror cursor is refused).
 * - MIRROR: the mirror whatever its state (a live cursor is refused), except MIRROR_NOT_READY while
 *   the entity has never completed a backfill.
 * - AUTO: a cursor's kind decides, so a client paging a list never mixes the two orders; without one,
 *   the mirror when the entity is IN_SYNC, live otherwise.
 */
export async function chooseListSource(q: ListSourceQuestion): Promise<ListSource> {
  if (!q.mirror) {
    if (q.source === "MIRROR") throw noMirror();
    if (q.cursor === "mirror") throw q.wrongCursor("LIVE");
    return { from: "LIVE" };
  }
  switch (q.source) {
    case "LIVE":
      if (q.cursor === "mirror") throw q.wrongCursor("LIVE");
      return { from: "LIVE" };
    case "MIRROR": {
      if (q.cursor === "offset") throw q.wrongCursor("MIRROR");
      if (!q.mirrored) throw notMirrored(q.entity);
      const readiness = await q.mirror.entityState(q.organizationId, q.entity);
      if (neverSynced(readiness)) throw mirrorNotReady(q.entity, { restart: q.cursor === "mirror" });
      return { from: "MIRROR", readiness };
    }
    case "AUTO": {
      if (q.cursor === "offset" || !q.mirrored) return { from: "LIVE" };
      const readiness = await q.mirror.entityState(q.organizationId, q.entity);
      if (q.cursor === "mirror") {
        // The next page of a mirror list stays on the mirror, unless the mirror lost the entity (forgotten and backfilling again).
        if (neverSynced(readiness)) throw mirrorNotReady(q.entity, { restart: true });
        return { from: "MIRROR", readiness };
      }
      return readiness.state === "IN_SYNC" ? { from: "MIRROR", readiness } : { from: "LIVE" };
    }
  }
}

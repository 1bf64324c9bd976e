import type { EntityName } from "../../connector/entities.js";
import { badUserInput, ErrorCode, GatewayError } from "../../errors/index.js";
import type { MirrorAccess, MirrorEntityState } from "../mirror-access.js";
import type { ReadSource as ReadSourceEnum } from "../../../schema/common/read-source.enum.js";

/**
 * Where a read is answered from. `AUTO`: the mirror when the entity is IN_SYNC, the provider
 * otherwise. `MIRROR`: the mirror whatever its state (never the provider). `LIVE`: the provider.
 */
export type ReadSource = `${ReadSourceEnum}`;

/** Where a record actually came from. */
export type ServedFrom = "MIRROR" | "LIVE";

/** The mirror's verdict for one entity, as the read path needs it. */
export interface EntityReadiness {
  state: MirrorEntityState;
  syncedAt: string | null;
}

/** True when the entity has never completed a backfill: the mirror cannot answer for it yet. */
export function neverSynced(readiness: EntityReadiness): boolean {
  return readiness.state === "BACKFILLING" && readiness.syncedAt === null;
}

/**
 * MIRROR_NOT_READY: `source: MIRROR` asked for an entity whose first backfill has not completed.
 * Says where the progress shows and which sources answer now (`restart` when a cursor was given:
 * the mirror's pages cannot be continued from the provider).
 */
export function mirrorNotReady(entity: EntityName, { restart = false }: { restart?: boolean } = {}): GatewayError {
  const then = restart ? " Start the list again without `after`" : " Ask";
  return new GatewayError(
    ErrorCode.MIRROR_NOT_READY,
    `The mirror has not finished its first backfill of ${entity} records, so it cannot answer source: MIRROR yet; ` +
      `its progress is in organization { mirror { entities { entity state backfilled } } }.${then} with source: LIVE or AUTO to be answered from the provider now.`,
    { details: { entity } },
  );
}

/** BAD_USER_INPUT on `source`: MIRROR asked of a gateway that keeps no mirror. */
export function noMirror(field = "source"): GatewayError {
  return badUserInput([{ field, message: "is MIRROR, but this gateway keeps no mirror of the books (the mirror needs LEDGERLINE_TRIGGERS=on, and LEDGERLINE_MIRROR not off); ask with source: LIVE or AUTO." }]);
}

/** BAD_USER_INPUT on `source`: MIRROR asked for an entity the mirror does not keep (its provider cannot list it). */
export function notMirrored(entity: EntityName, field = "source"): GatewayError {
  return badUserInput([{ field, message: `is MIRROR, but the mirror keeps no ${entity} records for this organization (its provider cannot list them); ask with source: LIVE or AUTO.` }]);
}

/**
 * Rejects `source: MIRROR` when the gateway keeps no mirror (BAD_USER_INPUT naming `field`). Run
 * before anything else so the error is the same for every entity.
 */
export function requireMirrorFor(source: ReadSource, mirror: MirrorAccess | undefined, field = "source"): void {
  if (source === "MIRROR" && !mirror) throw noMirror(field);
}

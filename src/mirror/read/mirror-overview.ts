import type { MirrorAccess, MirrorEntityState, MirrorEntityStatus } from "../mirror-access.js";

/** The mirror of one organization as a whole: OFF without a mirror, else the worst state of its entities. */
export type MirrorOverallState = "OFF" | MirrorEntityState;

export interface MirrorOverview {
  state: MirrorOverallState;
  entities: MirrorEntityStatus[];
}

/**
 * BACKFILLING if any entity is, else STALE if any is, else IN_SYNC (also when the connector lists
 * nothing, so nothing is behind).
 */
export function overallState(entities: readonly Pick<MirrorEntityStatus, "state">[]): MirrorEntityState {
  if (entities.some((e) => e.state === "BACKFILLING")) return "BACKFILLING";
  if (entities.some((e) => e.state === "STALE")) return "STALE";
  return "IN_SYNC";
}

/** One organization's mirror for `organization { mirror }`: its state and each entity's. */
export async function mirrorOverview(mirror: MirrorAccess | undefined, organizationId: string): Promise<MirrorOverview> {
  if (!mirror) return { state: "OFF", entities: [] };
  const entities = await mirror.status(organizationId);
  return { state: overallState(entities), entities };
}

import type { ConnectorAdapter } from "../../connector/adapter.js";
import { supports } from "../../connector/capabilities.js";
import type { EntityName } from "../../connector/entities.js";
import type { MirrorAccess } from "../mirror-access.js";
import { markFreshness, type LoadSource } from "./freshness.js";
import { mirrorRecordOf } from "./mirror-list.js";
import { mirrorNotReady, neverSynced, noMirror, notMirrored, type ReadSource } from "./read-source.js";

export interface LoadRecordsDeps {
  adapter: () => Promise<ConnectorAdapter>;
  mirror: MirrorAccess | undefined;
}

type Loaded = Record<string, unknown> | null;

/**
 * One batch of a per-request loader: records of one organization and entity by remote id, in the
 * order asked, each tagged with its freshness.
 *
 * - LIVE: one `getMany` at the provider.
 * - MIRROR: the mirror only (null where it has no row), never the provider; MIRROR_NOT_READY while
 *   the entity has never completed a backfill.
 * - AUTO: as MIRROR_FIRST when the entity is IN_SYNC, LIVE otherwise (and without a mirror).
 * - MIRROR_FIRST: the mirror, then one batched live `getMany` for the ids it lacks (a record created
 *   at the provider a second ago still resolves), when the connector can fetch by id.
 */
export async function loadRecords(deps: LoadRecordsDeps, organizationId: string, entity: EntityName, source: LoadSource, ids: readonly string[]): Promise<Loaded[]> {
  const { mirror } = deps;
  if (!mirror) {
    if (source === "MIRROR") throw noMirror();
    return loadLive(deps, entity, ids, source === "MIRROR_FIRST" ? "AUTO" : source);
  }
  if (source === "LIVE") return loadLive(deps, entity, ids, "LIVE");
  const adapter = await deps.adapter();
  const mirrored = supports(adapter.capabilities, entity, "list");
  if (source === "MIRROR") {
    if (!mirrored) throw notMirrored(entity);
    const readiness = await mirror.entityState(organizationId, entity);
    if (neverSynced(readiness)) throw mirrorNotReady(entity);
    const rows = await mirror.store.getMany(organizationId, entity, ids);
    return rows.map((row) => (row ? mirrorRecordOf(row, readiness, "MIRROR") : null));
  }
  if (!mirrored) return loadLive(deps, entity, ids, "AUTO");
  const readiness = await mirror.entityState(organizationId, entity);
  if (source === "AUTO" && readiness.state !== "IN_SYNC") return loadLive(deps, entity, ids, "AUTO");
  const rows = await mirror.store.getMany(organizationId, entity, ids);
  const found: Loaded[] = rows.map((row) => (row ? mirrorRecordOf(row, readiness, "AUTO") : null));
  const missing = ids.filter((_id, i) => found[i] === null);
  if (missing.length === 0 || !supports(adapter.capabilities, entity, "get")) return found;
  const live = await loadLive(deps, entity, missing, "AUTO");
  const byId = new Map(missing.map((id, i) => [id, live[i] ?? null]));
  return ids.map((id, i) => found[i] ?? byId.get(id) ?? null);
}

/** One `getMany` at the provider, each record tagged LIVE as of now. */
async function loadLive(deps: LoadRecordsDeps, entity: EntityName, ids: readonly string[], asked: ReadSource): Promise<Loaded[]> {
  const records = (await (await deps.adapter()).getMany(entity, ids)) as unknown as Loaded[];
  const readAt = new Date().toISOString();
  return records.map((record) => (record ? markFreshness(record, { source: "LIVE", syncedAt: readAt, asked }) : null));
}

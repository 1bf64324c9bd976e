import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { mapWithConcurrency } from "../../../src/upstream/index.js";
import type { DaftraApi } from "../client/daftra-api.js";
import type { DaftraEntity } from "../entities/daftra-entity.js";
import type { MappingContext } from "../mapping/common.js";

/** Single GETs in flight for one lookup (the governor still caps the organization). */
const CONCURRENCY = 4;

const isNotFound = (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND;

/**
 * Records by unified remote id, in input order, null where missing. Daftra v1 has no batch read,
 * so each id costs one bounded GET on the endpoint it belongs to (the next endpoint on a 404).
 * Ids no endpoint can hold cost no call.
 */
export async function getEach<E extends EntityName>(
  def: DaftraEntity<E>,
  api: DaftraApi,
  remoteIds: readonly string[],
  ctx: MappingContext,
): Promise<Array<EntityTypes[E] | null>> {
  const unique = [...new Set(remoteIds)];
  const found = await mapWithConcurrency(unique, CONCURRENCY, async (remoteId) => {
    for (const source of def.sources) {
      const id = source.idOf(remoteId);
      if (id === undefined) continue;
      try {
        // GET /{path}/{id} (see the entity definition for the doc link)
        return source.map(await api.get(source.path, id), ctx);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return null;
  });
  const byId = new Map(unique.map((id, i) => [id, found[i] ?? null]));
  return remoteIds.map((id) => byId.get(id) ?? null);
}

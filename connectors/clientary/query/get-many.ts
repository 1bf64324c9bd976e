import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { mapWithConcurrency } from "../../../src/upstream/index.js";
import type { ClientaryServices } from "../create-clientary-services.js";
import type { ClientaryEntity } from "../entities/clientary-entity.js";
import type { MappingContext } from "../mapping/common.js";
import { mapRecords } from "./list-records.js";

/** Clientary ids are integers: anything else cannot exist and costs no call. */
const INTEGER_ID = /^\d+$/;
/** Single GETs in flight for one lookup (the governor still caps the organization). */
const EACH_CONCURRENCY = 4;
/** Most ids fetched one by one in one lookup; the gateway's loaders batch well below it. */
export const MAX_IDS_PER_LOOKUP = 100;

const isNotFound = (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND;

/**
 * Records by Clientary id, in input order, null where missing: bounded single GETs where Clientary
 * has them, otherwise the whole list (cached briefly) searched by id.
 */
export async function getMany<E extends EntityName>(
  def: ClientaryEntity<E>,
  services: ClientaryServices,
  remoteIds: readonly string[],
  ctx: MappingContext,
  scan: () => Promise<unknown[]>,
): Promise<Array<EntityTypes[E] | null>> {
  const wanted = [...new Set(remoteIds)].filter((id) => INTEGER_ID.test(id));
  if (wanted.length > MAX_IDS_PER_LOOKUP) {
    throw new GatewayError(ErrorCode.BAD_USER_INPUT, `Clientary fetches ${def.entity} records one by one; ask for at most ${MAX_IDS_PER_LOOKUP} at a time.`);
  }
  let records: unknown[] = [];
  const lookup = def.lookup;
  if (wanted.length > 0 && lookup.kind === "each") {
    const found = await mapWithConcurrency(wanted, EACH_CONCURRENCY, (id) =>
      services.api.get(lookup.path(id), lookup.schema).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      }));
    records = found.filter((r) => r !== undefined);
  } else if (wanted.length > 0) {
    const ids = new Set(wanted);
    records = (await scan()).filter((r) => ids.has((r as { id: string }).id));
  }
  const byId = new Map((await mapRecords(def, services, records, ctx)).map((r) => [r.remoteId, r]));
  return remoteIds.map((id) => byId.get(id) ?? null);
}

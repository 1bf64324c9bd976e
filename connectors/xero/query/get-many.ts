import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { mapWithConcurrency } from "../../../src/upstream/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { XeroEntity } from "../entities/xero-entity.js";
import type { MappingContext } from "../mapping/common.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids per `IDs=` call: keeps URLs short and matches the loader's batch size. */
const BATCH_SIZE = 100;
/** Single GETs in flight for one lookup (the governor still caps the organization at 5). */
const EACH_CONCURRENCY = 5;

const isNotFound = (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND;

/**
 * Records by Xero id, in input order, null where missing: `IDs=` batches where Xero has them,
 * bounded single GETs otherwise, or the (cached) whole list. Ids that cannot exist cost no call.
 */
export async function getMany<E extends EntityName>(
  def: XeroEntity<E>,
  api: XeroApi,
  remoteIds: readonly string[],
  ctx: MappingContext,
  wholeList: () => Promise<Array<EntityTypes[E]>>,
): Promise<Array<EntityTypes[E] | null>> {
  const keyOf = (id: string) => (def.guidIds ? id.toLowerCase() : id);
  const wanted = [...new Set(remoteIds)].filter((id) => !def.guidIds || GUID.test(id));
  const found = new Map<string, EntityTypes[E]>();
  const keep = (record: unknown) => {
    if (record === undefined) return;
    const unified = def.map(record, ctx);
    found.set(keyOf(unified.remoteId), unified);
  };
  if (wanted.length > 0) {
    const lookup = def.lookup;
    if (lookup.kind === "batch") {
      for (let i = 0; i < wanted.length; i += BATCH_SIZE) (await lookup.fetch(api, wanted.slice(i, i + BATCH_SIZE))).forEach(keep);
    } else if (lookup.kind === "each") {
      await mapWithConcurrency(wanted, EACH_CONCURRENCY, (id) =>
        lookup.fetch(api, id).then(keep, (error: unknown) => {
          if (!isNotFound(error)) throw error;
        }),
      );
    } else {
      for (const record of await wholeList()) found.set(keyOf(record.remoteId), record);
    }
  }
  return remoteIds.map((id) => {
    const record = found.get(keyOf(id));
    return record && (def.keep?.(record) ?? true) ? record : null;
  });
}

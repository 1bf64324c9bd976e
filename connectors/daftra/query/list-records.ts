import type { ListParams, Page } from "../../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { DaftraApi, QueryParams } from "../client/daftra-api.js";
import type { WireRow } from "../client/envelope.js";
import type { DaftraEntity } from "../entities/daftra-entity.js";
import type { MappingContext } from "../mapping/common.js";
import { planWindow } from "./paging.js";
import { pageInMemory } from "../../../src/connector/in-memory.js";
export { pageInMemory };

/** Page size when a list is fetched whole (reference data). */
const WHOLE_PAGE = 500;

/**
 * One Relay page across the entity's endpoints in order: each endpoint is asked for the part of
 * the window that falls in it (one call each), and its `total_results` moves the window on.
 */
export async function listPaged<E extends EntityName>(
  def: DaftraEntity<E>,
  api: DaftraApi,
  { first, offset, filter }: ListParams,
  ctx: MappingContext,
): Promise<Page<EntityTypes[E]>> {
  const query = def.query?.(filter);
  if (query === null) return { items: [], hasNextPage: false, totalCount: 0 };
  const items: Array<EntityTypes[E]> = [];
  let localOffset = offset;
  let total = 0;
  for (const source of def.sources) {
    const wanted = first - items.length;
    const plan = planWindow(localOffset, Math.max(1, wanted));
    // Each source's list endpoint (see its definition for the doc link).
    const answer = await api.list(source.path, { ...query, page: plan.page, limit: plan.limit });
    const window = wanted > 0 ? answer.rows.slice(plan.skip, plan.skip + wanted) : [];
    items.push(...window.map((row) => source.map(row, ctx)));
    const sourceTotal = answer.total ?? localOffset + answer.rows.length - plan.skip;
    total += sourceTotal;
    localOffset = Math.max(0, localOffset - sourceTotal);
  }
  return { items, hasNextPage: offset + items.length < total, totalCount: total };
}

/** Every row of one endpoint, page by page. */
export async function fetchAll(api: DaftraApi, path: string, query: QueryParams = {}): Promise<WireRow[]> {
  const rows: WireRow[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.list(path, { ...query, page, limit: WHOLE_PAGE });
    rows.push(...answer.rows);
    if (answer.rows.length < WHOLE_PAGE || (answer.total !== undefined && rows.length >= answer.total)) return rows;
  }
}


import type { ListParams, Page } from "../../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { DaftraApi, QueryParams } from "../client/daftra-api.js";
import type { WireRow } from "../client/envelope.js";
import type { DaftraEntity } from "../entities/daftra-entity.js";
import type { MappingContext } from "../mapping/common.js";
import { DAFTRA_MAX_LIMIT, planWindow } from "./paging.js";
import { pageInMemory } from "../../../src/connector/in-memory.js";
import { mapInSlices } from "../../../src/infra/event-loop-slices.js";
export { pageInMemory };

/**
 * One Relay page across the entity's endpoints in order: each endpoint is asked for the part of
 * the window that falls in it (one call where one page holds that part, consecutive pages of
 * Daftra's maximum otherwise), and its `total_results` moves the window on.
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
    const { rows, total: sourceTotal } = await fetchWindow(api, source.path, query ?? {}, localOffset, wanted);
    items.push(...(await mapInSlices(rows, (row) => source.map(row, ctx))));
    total += sourceTotal;
    localOffset = Math.max(0, localOffset - sourceTotal);
  }
  return { items, hasNextPage: offset + items.length < total, totalCount: total };
}

/**
 * Rows offset..offset+wanted-1 of one endpoint, and its total. Asked for none (the window is already
 * full), it still costs one small call: the total is what the Relay page needs from it.
 */
async function fetchWindow(api: DaftraApi, path: string, query: QueryParams, offset: number, wanted: number): Promise<{ rows: WireRow[]; total: number }> {
  const plan = planWindow(offset, Math.max(1, wanted));
  const fetched: WireRow[] = [];
  let total: number | undefined;
  for (const page of plan.pages) {
    // Each source's list endpoint (see its definition for the doc link).
    const answer = await api.list(path, { ...query, page, limit: plan.limit });
    fetched.push(...answer.rows);
    total = answer.total ?? total;
    const ended = answer.rows.length < plan.limit || (total !== undefined && page * plan.limit >= total);
    if (ended) break;
  }
  const rows = wanted > 0 ? fetched.slice(plan.skip, plan.skip + wanted) : [];
  return { rows, total: total ?? offset + fetched.length - plan.skip };
}

/** Every row of one endpoint, page by page at Daftra's largest `limit` (reference data, lookups, journals). */
export async function fetchAll(api: DaftraApi, path: string, query: QueryParams = {}): Promise<WireRow[]> {
  const rows: WireRow[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.list(path, { ...query, page, limit: DAFTRA_MAX_LIMIT });
    rows.push(...answer.rows);
    if (answer.rows.length < DAFTRA_MAX_LIMIT || (answer.total !== undefined && rows.length >= answer.total)) return rows;
  }
}

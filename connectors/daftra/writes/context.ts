/**
 * What every Daftra write needs: the API client, the mapping context, lookups of ids the unified
 * inputs name by code, and the one send path that answers a dry run with the exact request instead.
 */
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { ProviderRequest, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { DaftraApi } from "../client/daftra-api.js";
import { daftraEntity } from "../entities/index.js";
import type { MappingContext } from "../mapping/common.js";
import type { ChartLookup, ProductLookup } from "./lookups.js";

export interface WriteContext {
  api: DaftraApi;
  ctx(): MappingContext;
  /** The organization's day (YYYY-MM-DD) by the gateway clock. */
  today(): string;
  chart: ChartLookup;
  products: ProductLookup;
}

export const request = (method: "POST" | "PUT" | "DELETE", path: string, body: unknown = null): ProviderRequest => ({ method, path, body });

/** Sends `req` (or, on a dry run, answers it unsent), then reads back what the write made. */
export async function send<T>(w: WriteContext, req: ProviderRequest, options: WriteOptions, after: (id: string | undefined) => Promise<T>): Promise<WriteResult<T>> {
  if (options.dryRun) return { kind: "dryRun", request: req };
  const { id } = await w.api.write(req);
  return { kind: "done", record: await after(id) };
}

/** The id a create answered with; Daftra always sends one, so its absence is a broken answer. */
export function createdId(id: string | undefined, what: string): string {
  if (id) return id;
  throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Daftra accepted the ${what} but sent no id. List the ${what}s to check before retrying.`, {
    details: { provider: "DAFTRA" },
  });
}

/** One record read back through the entity's `source` (0: first endpoint, e.g. clients; 1: suppliers, incomes). */
export async function readBack<E extends EntityName>(w: WriteContext, entity: E, source: number, id: string): Promise<EntityTypes[E]> {
  const def = daftraEntity(entity).sources[source]!;
  // GET /{path}/{id} (see the entity definition for the doc link)
  return def.map(await w.api.get(def.path, id), w.ctx());
}

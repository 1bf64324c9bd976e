import type { z } from "zod";
import type { ListFilter } from "../../../src/connector/adapter.js";
import type { ListFilterName } from "../../../src/connector/capabilities.js";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { QueryParams } from "../client/daftra-api.js";
import { unwrap, type WireRow } from "../client/envelope.js";
import type { MappingContext } from "../mapping/common.js";

/** One Daftra endpoint that serves records of a unified entity. */
export interface Source<E extends EntityName> {
  /** Path below `/api2`, without `.json`, e.g. "clients". */
  path: string;
  /** CakePHP model wrapping each record, e.g. "Client". */
  model: string;
  /** The Daftra id behind a unified remote id, or undefined when the id is not this endpoint's. */
  idOf(remoteId: string): string | undefined;
  /** A wrapped row (`{"Client": {...}}`) → the unified record. */
  map(row: WireRow, ctx: MappingContext): EntityTypes[E];
}

/** Everything the adapter knows about one unified entity at Daftra. */
export interface DaftraEntity<E extends EntityName = EntityName> {
  entity: E;
  /** Filters declared in the capabilities (server-side, or in memory for cached reference data). */
  filters: readonly ListFilterName[];
  notes?: string;
  /** Endpoints listed one after the other (clients then suppliers; expenses then incomes). */
  sources: ReadonlyArray<Source<E>>;
  /** Query parameters for a list filter; null when nothing can match. */
  query?(filter: ListFilter): QueryParams | null;
  /** Reference data: every source fetched whole, joined here, cached, then filtered and paged in memory. */
  whole?(lists: WireRow[][], ctx: MappingContext): Array<EntityTypes[E]>;
}

/** Parses a wrapped row with its schema; a row that does not fit is a broken answer. */
export function parseRow<S extends z.ZodTypeAny>(schema: S, row: WireRow, model: string): z.output<S> {
  const parsed = schema.safeParse(unwrap(row, model));
  if (!parsed.success) {
    throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Daftra sent a ${model} that could not be read. Try again; report it if it persists.`, {
      details: { provider: "DAFTRA", model, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`) },
    });
  }
  return parsed.data;
}

/** A source whose records map straight from one schema. */
export function source<E extends EntityName, S extends z.ZodTypeAny>(
  path: string,
  model: string,
  schema: S,
  map: (record: z.output<S>, ctx: MappingContext) => EntityTypes[E],
  idOf: (remoteId: string) => string | undefined = (id) => (/^\d+$/.test(id) ? id : undefined),
): Source<E> {
  return { path, model, idOf, map: (row, ctx) => map(parseRow(schema, row, model), ctx) };
}

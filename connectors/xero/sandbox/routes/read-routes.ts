/**
 * The shared GET list and GET by id for every accounting endpoint, driven by a ResourceSpec:
 * includeArchived, If-Modified-Since, batch ids, searchTerm, endpoint filters, where, order,
 * paging, summaries, unit amounts rounded to `unitdp`, then the wire conversion and the envelope.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses
 */
import { requireScope } from "../identity/bearer.js";
import { header, queryBoolean, queryList, queryParam, type RequestContext } from "../http/context.js";
import { notFound, queryError } from "../http/errors.js";
import type { Reply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { recordToWire } from "../wire/dates.js";
import { envelopeReply } from "../wire/envelope.js";
import { fieldAt } from "../wire/field-path.js";
import { modifiedSince, parseIfModifiedSince } from "../wire/if-modified-since.js";
import { applyOrder } from "../wire/order.js";
import { paginate, readPaging, type Pagination } from "../wire/paging.js";
import { requestedUnitDp, withUnitDp } from "../wire/unit-dp.js";
import { compileWhere, WhereSyntaxError } from "../wire/where/index.js";
import type { ResourceSpec } from "./resource-spec.js";

export const API_BASE = "/api.xro/2.0";

function without<T extends object>(record: T, fields: string[] | undefined): T {
  if (!fields || fields.length === 0) return record;
  const copy = { ...record } as Record<string, unknown>;
  for (const field of fields) delete copy[field];
  return copy as T;
}

function whereFilter(expression: string | undefined): (record: unknown) => boolean {
  if (expression === undefined || expression.trim() === "") return () => true;
  try {
    return compileWhere(expression);
  } catch (error) {
    if (error instanceof WhereSyntaxError) throw queryError(`Invalid where expression: ${error.message}`);
    throw error;
  }
}

function selectRecords<T extends object>(spec: ResourceSpec<T>, runtime: SandboxRuntime, ctx: RequestContext): T[] {
  let records = spec.records(runtime.state.books);
  if (spec.archived && !queryBoolean(ctx, "includeArchived")) {
    records = records.filter((r) => fieldAt(r, spec.archived!.field) !== spec.archived!.value);
  }
  const since = parseIfModifiedSince(header(ctx, "if-modified-since"));
  const updatedField = spec.updatedField ?? "UpdatedDateUTC";
  if (since !== undefined && updatedField) records = records.filter((r) => modifiedSince(fieldAt(r, updatedField) as string | undefined, since));
  for (const [param, field] of Object.entries(spec.batch ?? {})) {
    const wanted = queryList(ctx, param)?.map((v) => v.toLowerCase());
    if (wanted) records = records.filter((r) => wanted.includes(String(fieldAt(r, field) ?? "").toLowerCase()));
  }
  const term = queryParam(ctx, "searchTerm")?.toLowerCase();
  if (term && spec.searchFields) {
    records = records.filter((r) => spec.searchFields!.some((f) => String(fieldAt(r, f) ?? "").toLowerCase().includes(term)));
  }
  if (spec.filter) records = spec.filter(records, ctx);
  if (spec.where !== false) records = records.filter(whereFilter(queryParam(ctx, "where")));
  return applyOrder(records, queryParam(ctx, "order"), spec.defaultOrder ?? `${updatedField || "UpdatedDateUTC"} ASC`);
}

function list<T extends object>(spec: ResourceSpec<T>, runtime: SandboxRuntime, ctx: RequestContext): Reply {
  requireScope(ctx.grant!, spec.scopes, "read");
  let records = selectRecords(spec, runtime, ctx);
  const paging = spec.paging ? readPaging(queryParam(ctx, "page"), queryParam(ctx, "pageSize"), spec.paging === "pagination") : undefined;
  let pagination: Pagination | undefined;
  if (paging) ({ items: records, pagination } = paginate(records, paging));
  const drops = [
    ...(paging ? [] : spec.summaryWithoutPage ?? []),
    ...(queryBoolean(ctx, "summaryOnly") ? spec.summaryOnlyDrops ?? [] : []),
  ];
  const unitdp = requestedUnitDp(ctx);
  const items = records.map((r) => recordToWire(withUnitDp(without(spec.shape ? spec.shape(r, ctx) : r, drops), spec.type, unitdp), spec.type));
  const withPagination = spec.paging === "pagination" && pagination ? { pagination } : {};
  return envelopeReply(runtime.providerName, ctx.now, spec.plural, items, { ...spec.extras, ...withPagination });
}

export function findRecord<T extends object>(spec: ResourceSpec<T>, runtime: SandboxRuntime, key: string): T | undefined {
  const records = spec.records(runtime.state.books);
  const lower = key.toLowerCase();
  return records.find((r) => String(fieldAt(r, spec.idField) ?? "").toLowerCase() === lower)
    ?? records.find((r) => (spec.altKeys ?? []).some((field) => fieldAt(r, field) === key));
}

function getOne<T extends object>(spec: ResourceSpec<T>, runtime: SandboxRuntime, ctx: RequestContext): Reply {
  requireScope(ctx.grant!, spec.scopes, "read");
  const record = findRecord(spec, runtime, ctx.params.key!);
  if (!record) return notFound();
  const shaped = spec.shape ? spec.shape(record, { ...ctx, query: new URLSearchParams({ includeArchived: "true" }) }) : record;
  return envelopeReply(runtime.providerName, ctx.now, spec.plural, [recordToWire(withUnitDp(shaped, spec.type, requestedUnitDp(ctx)), spec.type)], spec.extras);
}

/** `GET /{path}` and, unless `listOnly`, `GET /{path}/{key}`. */
export function readRoutes<T extends object>(runtime: SandboxRuntime, spec: ResourceSpec<T>, listOnly = false): Route[] {
  const base = `${API_BASE}/${spec.path ?? spec.plural}`;
  const routes = [route("GET", base, (ctx) => list(spec, runtime, ctx))];
  if (!listOnly) routes.push(route("GET", `${base}/:key`, (ctx) => getOne(spec, runtime, ctx)));
  return routes;
}

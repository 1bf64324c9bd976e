/**
 * The read routes every v1 resource shares: `GET /{path}` (paged list of `{Model: {...}}` rows)
 * and `GET /{path}/{id}` (`data: {Model: {...}}`, 404 "<Model> not found" otherwise).
 */
import type { DaftraBooks } from "../books/types.js";
import { ok, okList, failed } from "../http/reply.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { wireContext, type WireContext } from "../wire/context.js";
import { pageOf, sortRows } from "./paging.js";

type Wire = Record<string, unknown>;

export interface ResourceSpec<R extends { id: number }> {
  path: string;
  model: string;
  rows(books: DaftraBooks): R[];
  /** `depth` -1 header only, 0 with its party, 1 with child rows. */
  wire(row: R, ctx: WireContext, depth: number): Wire;
  /** Server-side filters of this resource; unknown parameters are ignored. */
  filter?(rows: R[], query: URLSearchParams, runtime: SandboxRuntime): R[];
  /** Order when no `sort` is given (lists are stored oldest first). @default "ASC" */
  defaultDirection?: "ASC" | "DESC";
}

export function resourceRoutes<R extends { id: number }>(runtime: SandboxRuntime, spec: ResourceSpec<R>): Route[] {
  const path = `/${spec.path}`;
  return [
    {
      method: "GET",
      pattern: path,
      handler: ({ query }) => {
        const ctx = wireContext(runtime.state.books);
        const depth = Number(query.get("recursive") ?? 0) || 0;
        const filtered = spec.filter ? spec.filter(spec.rows(ctx.books), query, runtime) : spec.rows(ctx.books);
        const sorted = sortRows(filtered, query, (row, field) => (row as Record<string, unknown>)[field], spec.defaultDirection ?? "ASC");
        const { items, pagination } = pageOf(sorted, query, path);
        return okList(items.map((row) => ({ [spec.model]: spec.wire(row, ctx, depth) })), pagination);
      },
    },
    {
      method: "GET",
      pattern: `${path}/:id`,
      handler: ({ params }) => {
        const ctx = wireContext(runtime.state.books);
        const row = /^\d+$/.test(params.id!) ? spec.rows(ctx.books).find((r) => r.id === Number(params.id)) : undefined;
        return row ? ok({ [spec.model]: spec.wire(row, ctx, 1) }) : failed(404, `${spec.model} not found`);
      },
    },
  ];
}

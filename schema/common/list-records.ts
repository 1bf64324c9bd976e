import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName, EntityTypes } from "../../src/connector/entities.js";
import type { ListFilter } from "../../src/connector/index.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { ConnectionArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection.args.js";
import type { Connection } from "./connection.factory.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import type { DocumentFilter, RecordFilter } from "./filters.input.js";

type AnyFilter = RecordFilter & Partial<DocumentFilter> & { status?: string[] };

/** One page of any entity for one organization, as a Relay connection. The only list path resolvers use. */
export async function listRecords<E extends EntityName>(
  ctx: GatewayContext,
  organizationId: string,
  entity: E,
  args: ConnectionArgs,
  filter: AnyFilter | undefined,
): Promise<Connection<EntityTypes[E]>> {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const adapter = await ctx.organizations.adapter(organizationId);
  const listFilter = toListFilter(organizationId, filter);
  const page = await adapter.list(entity, { first, offset, filter: listFilter });
  const edges = page.items.map((node, i) => ({ node, cursor: encodeCursor(offset + i) }));
  return {
    edges,
    totalCount: page.totalCount ?? null,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput([{ field: "first", message: `must be between 1 and ${MAX_PAGE_SIZE}; got ${first}. Page with 'after' for more.` }]);
  }
  return first;
}

function toListFilter(organizationId: string, filter: AnyFilter | undefined): ListFilter {
  if (!filter) return {};
  const out: ListFilter = {};
  if (filter.status?.length) out.status = filter.status;
  if (filter.updatedSince) out.updatedSince = filter.updatedSince;
  if (filter.search?.trim()) out.search = filter.search.trim();
  if (filter.includeArchived) out.includeArchived = true;
  if (filter.dateFrom) out.dateFrom = filter.dateFrom;
  if (filter.dateTo) out.dateTo = filter.dateTo;
  if (out.dateFrom && out.dateTo && out.dateFrom > out.dateTo) {
    throw badUserInput([{ field: "filter.dateFrom", message: `(${out.dateFrom}) is after filter.dateTo (${out.dateTo}); swap them.` }]);
  }
  if (filter.contactId) out.contactRemoteId = contactRemoteId(organizationId, filter.contactId);
  return out;
}

function contactRemoteId(organizationId: string, contactId: string): string {
  const parts = fromGlobalId(contactId, "filter.contactId");
  if (parts.type !== "Contact" || parts.organizationId !== organizationId) {
    throw badUserInput([{ field: "filter.contactId", message: "must be the id of a Contact in this organization." }]);
  }
  return parts.remoteId;
}

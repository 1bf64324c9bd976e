import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { EntityName, EntityTypes } from "../../src/connector/entities.js";
import type { ConnectorAdapter, ListFilter } from "../../src/connector/index.js";
import { supports } from "../../src/connector/capabilities.js";
import { requestedFilters } from "../../src/connector/capability-guard.js";
import { badUserInput, notSupported } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { chooseListSource } from "../../src/mirror/read/choose-source.js";
import { markFreshness } from "../../src/mirror/read/freshness.js";
import { readMirrorPage } from "../../src/mirror/read/mirror-list.js";
import { requireMirrorFor, type EntityReadiness, type ReadSource } from "../../src/mirror/read/read-source.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import { requireRemoteIds } from "../../src/ids/remote-id-shape.js";
import { ConnectionArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection.args.js";
import type { Connection } from "./connection.factory.js";
import { decodePageCursor, encodeCursor, encodeMirrorCursor, wrongCursorKind, type PageCursor } from "./cursor.js";
import type { DocumentFilter, RecordFilter } from "./filters.input.js";

type AnyFilter = RecordFilter & Partial<DocumentFilter> & { status?: string[] };

/**
 * One page of any entity for one organization, as a Relay connection. The only list path resolvers
 * use: it reads the mirror or the provider as `args.source` and the cursor decide (`chooseListSource`).
 */
export async function listRecords<E extends EntityName>(
  ctx: GatewayContext,
  organizationId: string,
  entity: E,
  args: ConnectionArgs,
  filter: AnyFilter | undefined,
): Promise<Connection<EntityTypes[E]>> {
  const first = pageSize(args.first);
  const source: ReadSource = args.source ?? "AUTO";
  const cursor = decodePageCursor(args.after);
  const adapter = await ctx.organizations.adapter(organizationId);
  const listFilter = toListFilter(organizationId, filter);
  requireMirrorFor(source, ctx.mirror);
  // An entity the connector cannot list is in no mirror: the capability guard answers NOT_SUPPORTED, before any upstream call.
  if (!supports(adapter.capabilities, entity, "list")) return liveList(adapter, entity, first, cursor, listFilter, source);
  const chosen = await chooseListSource({
    mirror: ctx.mirror,
    organizationId,
    entity,
    mirrored: true,
    source,
    cursor: cursor?.kind,
    wrongCursor: wrongCursorKind,
  });
  if (chosen.from === "MIRROR") {
    const after = cursor?.kind === "mirror" ? cursor.position : undefined;
    return mirrorList(ctx.mirror!, adapter, { organizationId, entity, first, after, filter: listFilter, readiness: chosen.readiness, asked: source, given: cursor !== undefined });
  }
  if (source === "AUTO" && ctx.mirror) refuseMirrorOnlyFilters(adapter, entity, listFilter);
  return liveList(adapter, entity, first, cursor, listFilter, source);
}

/**
 * Under AUTO, while the entity is not IN_SYNC, a filter only the mirror applies cannot be answered
 * live: NOT_SUPPORTED (as the capability guard would say), adding when the mirror will answer it.
 */
function refuseMirrorOnlyFilters(adapter: ConnectorAdapter, entity: EntityName, filter: ListFilter): void {
  const declared = adapter.capabilities.entities[entity]?.filters ?? [];
  const missing = requestedFilters(filter).filter((f) => !declared.includes(f));
  if (missing.length === 0) return;
  throw notSupported(
    adapter.provider,
    `filtering ${entity} by ${missing.join(", ")}`,
    `The gateway's mirror applies ${missing.length === 1 ? "it" : "them"} once its ${entity} records are IN_SYNC (organization { mirror } shows its progress); until then source: AUTO reads the provider.`,
  );
}

/** A page from the provider: offset cursors, each record tagged LIVE as of now. */
async function liveList<E extends EntityName>(adapter: ConnectorAdapter, entity: E, first: number, cursor: PageCursor | undefined, filter: ListFilter, asked: ReadSource): Promise<Connection<EntityTypes[E]>> {
  const offset = cursor?.kind === "offset" ? cursor.offset : 0;
  const page = await adapter.list(entity, { first, offset, filter });
  const readAt = new Date().toISOString();
  const edges = page.items.map((node, i) => ({ node: markFreshness(node, { source: "LIVE", syncedAt: readAt, asked }), cursor: encodeCursor(offset + i) }));
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

interface MirrorListArgs<E extends EntityName> {
  organizationId: string;
  entity: E;
  first: number;
  after: Parameters<typeof encodeMirrorCursor>[0] | undefined;
  filter: ListFilter;
  readiness: EntityReadiness;
  asked: ReadSource;
  /** Whether `after` was given (so there is a previous page). */
  given: boolean;
}

/**
 * A page from the mirror: keyset cursors, every filter applied whatever the provider can do, and a
 * `totalCount` that is a function, so graphql-js runs the count only when the field is selected.
 */
async function mirrorList<E extends EntityName>(mirror: MirrorAccess, adapter: ConnectorAdapter, q: MirrorListArgs<E>): Promise<Connection<EntityTypes[E]>> {
  // The same id check the capability guard makes before a live list: forged ids are refused the same way.
  if (q.filter.contactRemoteId) requireRemoteIds(adapter.capabilities.remoteIds, adapter.provider, "Contact", [q.filter.contactRemoteId], () => "filter.contactId");
  const page = await readMirrorPage(mirror.store, { organizationId: q.organizationId, entity: q.entity, first: q.first, after: q.after, filter: q.filter, readiness: q.readiness, asked: q.asked });
  const edges = page.records.map((node, i) => ({ node: node as unknown as EntityTypes[E], cursor: encodeMirrorCursor(page.positions[i]!) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: q.given,
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

import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { EntityName } from "../../connector/entities.js";
import { badUserInput } from "../../errors/index.js";
import { normaliseInstant, sortOf } from "../columns.js";
import type { MirrorFilter } from "../mirror-store.js";
import type { MirrorDatabase } from "./tables.js";

type RecordsExpressions = ExpressionBuilder<MirrorDatabase, "mirror_records">;

/** The escape character of search patterns: `!` needs no quoting in either dialect's string literals. */
const LIKE_ESCAPE = "!";

/**
 * The WHERE conditions of a mirror list or count: one organization and entity, then every filter
 * given. An empty status list and a blank search filter nothing (as the live path treats them);
 * archived rows are left out unless `includeArchived`.
 */
export function recordConditions(eb: RecordsExpressions, organizationId: string, entity: EntityName, filter: MirrorFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb("organization_id", "=", organizationId), eb("entity", "=", entity)];
  if (filter.status && filter.status.length > 0) conditions.push(eb("status", "in", [...filter.status]));
  if (filter.contactRemoteId !== undefined && filter.contactRemoteId !== null) conditions.push(eb("contact_remote_id", "=", filter.contactRemoteId));
  // A document's sort value is its date (or "" without one): the date range is asked of the sort
  // value, so one index (…, archived, status, sort_value) serves the filter, the order and the count.
  const dateColumn = sortOf(entity).key === "date" ? "sort_value" : "date";
  if (filter.dateFrom) conditions.push(eb(dateColumn, ">=", filter.dateFrom));
  if (filter.dateTo) {
    conditions.push(eb(dateColumn, "<=", filter.dateTo));
    if (dateColumn === "sort_value") conditions.push(eb("sort_value", ">", ""));
  }
  if (filter.updatedSince) conditions.push(eb("updated_at", ">=", updatedSinceOf(filter.updatedSince)));
  const needle = filter.search?.trim().toLowerCase();
  if (needle) conditions.push(sql<SqlBool>`${sql.ref("search_text")} like ${containsPattern(needle)} escape '${sql.raw(LIKE_ESCAPE)}'`);
  if (!filter.includeArchived) conditions.push(eb("archived", "=", 0));
  return eb.and(conditions);
}

/** A LIKE pattern matching `text` anywhere, its own `%`, `_` and escape characters taken literally. */
export function containsPattern(text: string): string {
  const escaped = text.replace(/[%_!]/g, (char) => LIKE_ESCAPE + char);
  return `%${escaped}%`;
}

function updatedSinceOf(value: string): string {
  const instant = normaliseInstant(value);
  if (instant === null) {
    throw badUserInput([{ field: "filter.updatedSince", message: `"${value}" is not a date-time; give an ISO 8601 instant such as 2024-05-01T00:00:00Z.` }]);
  }
  return instant;
}

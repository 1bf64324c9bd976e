import { Provider } from "../../../schema/common/provider.enum.js";
import type { EntityName } from "../../../src/connector/entities.js";
import { lazyRaw } from "../../../src/connector/raw.js";
import { toGlobalId } from "../../../src/ids/global-id.js";
import { toIsoTimestamp, type DateOrder } from "./dates.js";

/** What every mapper needs besides the record: whose books, "now" (overdue) and how to read slashed dates. */
export interface MappingContext {
  organizationId: string;
  now: Date;
  dateOrder?: DateOrder;
}

export const globalId = (ctx: MappingContext, type: EntityName, remoteId: string) =>
  toGlobalId({ organizationId: ctx.organizationId, type, remoteId });

/** The Node fields every unified record carries; `raw` is the record as Daftra sent it. */
export function nodeFields(ctx: MappingContext, type: EntityName, remoteId: string, modified: string | null, raw: unknown) {
  return {
    id: globalId(ctx, type, remoteId),
    remoteId,
    organizationId: ctx.organizationId,
    provider: Provider.DAFTRA,
    updatedAt: toIsoTimestamp(modified, ctx.dateOrder),
    raw: lazyRaw(() => raw),
  };
}

/**
 * Clients and suppliers have separate id spaces, as do journal accounts and treasuries, so their
 * unified remote ids carry a prefix: "client:12", "supplier:7", "treasury:3".
 */
export const prefixedId = (prefix: string, id: string) => `${prefix}:${id}`;

export function unprefixId(prefix: string, remoteId: string): string | undefined {
  return remoteId.startsWith(`${prefix}:`) ? remoteId.slice(prefix.length + 1) : undefined;
}

export const isTrue = (value: string | null) => value === "1" || value === "true";

export const joinName = (...parts: Array<string | null>) => parts.filter(Boolean).join(" ").trim();

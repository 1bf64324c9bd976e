import type { ContactRef } from "../../../schema/common/document.type.js";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { EntityName } from "../../../src/connector/entities.js";
import { lazyRaw } from "../../../src/connector/raw.js";
import { toGlobalId } from "../../../src/ids/global-id.js";
import { toIsoTimestamp } from "./dates.js";

/** What every mapper needs besides the record: whose books, "now" for derived flags, and the account currency. */
export interface MappingContext {
  organizationId: string;
  now: Date;
  /** Clientary states no currency on expenses and payments; they are in the account's. */
  currency: string;
}

export const globalId = (ctx: MappingContext, type: EntityName, remoteId: string) => toGlobalId({ organizationId: ctx.organizationId, type, remoteId });

/** The global id of a referenced record, or null when the reference is empty. */
export const refId = (ctx: MappingContext, type: EntityName, remoteId: string | null | undefined) => (remoteId ? globalId(ctx, type, remoteId) : null);

/** The Node fields every unified record carries; `raw` is the parsed wire record, kept lazily. */
export function nodeFields(ctx: MappingContext, type: EntityName, record: { id: string; updated_at?: string | null; created_at?: string | null }) {
  return {
    id: globalId(ctx, type, record.id),
    remoteId: record.id,
    organizationId: ctx.organizationId,
    provider: Provider.CLIENTARY,
    updatedAt: toIsoTimestamp(record.updated_at ?? record.created_at),
    raw: lazyRaw(() => record),
  };
}

export const orNull = <T>(value: T | undefined | null): T | null => (value === undefined || value === null || value === "" ? null : value);

export const contactRefOf = (clientId: string | null | undefined, name?: string | null): ContactRef | null => (clientId ? { remoteId: clientId, name: orNull(name) } : null);

/** Numeric status codes arrive as numbers or strings. */
export const statusCode = (value: number | string | null | undefined) => (value === null || value === undefined || value === "" ? undefined : Number(value));

import type { Contact as XeroContact, LineItem as XeroLineItem } from "xero-node";
import type { ContactRef } from "../../../schema/common/document.type.js";
import type { LineItem } from "../../../schema/common/line-item.type.js";
import { Provider } from "../../../schema/common/provider.enum.js";
import type { EntityName } from "../../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { toGlobalId } from "../../../src/ids/global-id.js";
import { decimalString, money } from "../../../src/money/decimal.js";
import { toIsoTimestamp } from "./dates.js";
import { lazyRaw } from "../../../src/connector/raw.js";

/** What every mapper needs besides the record: whose books, and "now" for derived flags (overdue). */
export interface MappingContext {
  organizationId: string;
  now: Date;
}

/** Xero ids are required; a record without one is a broken answer, not something to map. */
export function requireId(value: string | undefined | null, field: string): string {
  if (!value) {
    throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Xero returned a record without ${field}. Try again; report it if it persists.`, {
      details: { provider: "XERO", field },
    });
  }
  return value;
}

export function globalId(ctx: MappingContext, type: EntityName, remoteId: string): string {
  return toGlobalId({ organizationId: ctx.organizationId, type, remoteId });
}

/** The Node fields every unified record carries. */
/** `raw` is built only when selected (see `lazyRaw`). */
export function nodeFields(ctx: MappingContext, type: EntityName, remoteId: string, updatedAt: unknown, raw: () => unknown) {
  return {
    id: globalId(ctx, type, remoteId),
    remoteId,
    organizationId: ctx.organizationId,
    provider: Provider.XERO,
    updatedAt: toIsoTimestamp(updatedAt),
    raw: lazyRaw(raw),
  };
}

export const orNull = <T>(value: T | undefined | null): T | null => (value === undefined || value === null || value === "" ? null : value);

export function toContactRef(contact: XeroContact | undefined): ContactRef | null {
  return contact?.contactID ? { remoteId: contact.contactID, name: orNull(contact.name) } : null;
}

export function toLineItems(lines: XeroLineItem[] | undefined): LineItem[] {
  return (lines ?? []).map((line) => ({
    remoteId: orNull(line.lineItemID),
    description: orNull(line.description),
    quantity: decimalString(line.quantity),
    unitAmount: decimalString(line.unitAmount),
    discountRate: decimalString(line.discountRate),
    accountCode: orNull(line.accountCode),
    itemCode: orNull(line.itemCode),
    taxRateCode: orNull(line.taxType),
    taxAmount: money(line.taxAmount),
    lineAmount: money(line.lineAmount),
    tracking: (line.tracking ?? []).map((t) => ({
      categoryRemoteId: orNull(t.trackingCategoryID),
      categoryName: t.name ?? "",
      optionRemoteId: orNull(t.trackingOptionID),
      optionName: t.option ?? "",
    })),
  }));
}

/** Fields every commercial document shares (invoices, bills, credit notes, quotes, orders, bank transactions). */
export function documentTotals(doc: { subTotal?: number; totalTax?: number; total?: number; currencyRate?: number; currencyCode?: unknown }) {
  return {
    currency: doc.currencyCode === undefined || doc.currencyCode === null ? "" : String(doc.currencyCode),
    currencyRate: decimalString(doc.currencyRate),
    subTotal: money(doc.subTotal) ?? "0.00",
    totalTax: money(doc.totalTax) ?? "0.00",
    total: money(doc.total) ?? "0.00",
  };
}

import type { EntityName } from "../connector/entities.js";
import type { IndexedColumns } from "./mirror-store.js";

/**
 * How a record's filterable facts are pulled out of the unified record once, when the mirror writes
 * it, and how each entity's lists are ordered. One place for both, so every backend sorts and filters
 * the same way.
 */

/** Entities whose records carry an accounting date: listed newest first. */
export const DOCUMENT_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  "Invoice",
  "Bill",
  "CreditNote",
  "Quote",
  "PurchaseOrder",
  "Payment",
  "BankTransaction",
  "Expense",
  "TimeEntry",
]);

/** Entities whose date is `issueDate` (commercial documents); the other documents use `date`. */
const ISSUE_DATE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(["Invoice", "Bill", "CreditNote", "Quote", "PurchaseOrder", "BankTransaction"]);

/** How an entity's mirror list is ordered: by its sort value, then by remote id, both in `direction`. */
export interface EntitySort {
  /** What the sort value is: the accounting date (documents) or the lower-cased name. */
  key: "date" | "name";
  direction: "asc" | "desc";
}

/**
 * The list order of an entity: documents by date, newest first (then remote id descending);
 * everything else by name A→Z, case-insensitive (then remote id ascending).
 */
export function sortOf(entity: EntityName): EntitySort {
  return DOCUMENT_ENTITIES.has(entity) ? { key: "date", direction: "desc" } : { key: "name", direction: "asc" };
}

/**
 * The value a row is ordered by, stored at write time: the date (YYYY-MM-DD) or the lower-cased name.
 * Never null: a record without one gets "", which sorts after every date in a newest-first list and
 * before every name in an A→Z list, and keeps keyset comparisons total (no NULL in row values).
 */
export function sortValueOf(entity: EntityName, columns: Pick<IndexedColumns, "date" | "name">): string {
  return sortOf(entity).key === "date" ? (columns.date ?? "") : (columns.name ?? "").toLowerCase();
}

/** Decides whether the provider's default list leaves a record out (shown only with includeArchived). */
export type ArchivedRule = (record: Record<string, unknown>) => boolean;

/** The rule when the connector gives none: a status of ARCHIVED or DELETED hides the record. */
export const defaultArchivedRule: ArchivedRule = (record) => {
  const status = text(record.status)?.toUpperCase();
  return status === "ARCHIVED" || status === "DELETED";
};

/**
 * Extracts the indexed columns of one unified record (plain JSON, as the connector returned it):
 * status, contact, date, updatedAt (normalised to ISO UTC with milliseconds, so text comparison
 * orders instants), number, name, email, phone, the lower-cased search text and whether it is archived.
 */
export function columnsOf(entity: EntityName, record: Record<string, unknown>, isArchived: ArchivedRule = defaultArchivedRule): IndexedColumns {
  const contactRef = objectOf(record.contactRef);
  const phones = phoneNumbers(record.phones);
  const name = text(record.name);
  const number = numberOf(entity, record);
  const email = text(record.email);
  const searchText = [
    name,
    text(record.firstName),
    text(record.lastName),
    text(record.companyName),
    text(record.title),
    number,
    text(record.reference),
    text(record.documentNumber),
    email,
    ...phones,
    text(contactRef?.name),
  ]
    .filter((part): part is string => part !== null)
    .join("\n")
    .toLowerCase();
  return {
    status: statusOf(record),
    contactRemoteId: text(contactRef?.remoteId),
    date: dateOf(entity, record),
    updatedAt: normaliseInstant(text(record.updatedAt)),
    number,
    name,
    email,
    phone: phones[0] ?? null,
    searchText,
    archived: isArchived(record),
  };
}

/**
 * An instant as ISO 8601 UTC with milliseconds ("2024-05-01T10:00:00.000Z"), the one spelling the
 * mirror stores and compares as text; null when missing or not a date. Sub-millisecond digits are dropped.
 */
export function normaliseInstant(iso: string | null | undefined): string | null {
  if (iso === null || iso === undefined || iso.trim() === "") return null;
  const time = Date.parse(iso.trim());
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}

function statusOf(record: Record<string, unknown>): string | null {
  return text(record.status);
}

function dateOf(entity: EntityName, record: Record<string, unknown>): string | null {
  if (!DOCUMENT_ENTITIES.has(entity)) return null;
  const value = text(ISSUE_DATE_ENTITIES.has(entity) ? record.issueDate : record.date);
  if (value === null) return null;
  // A date-time where a date was expected keeps its calendar day, so date ranges still compare as text.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return day ? day[0] : value;
}

function numberOf(entity: EntityName, record: Record<string, unknown>): string | null {
  switch (entity) {
    case "Contact":
      return text(record.accountNumber);
    case "Item":
    case "Account":
    case "TaxRate":
      return text(record.code);
    default:
      return text(record.number);
  }
}

function phoneNumbers(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((phone) => text(objectOf(phone)?.number)).filter((number): number is string => number !== null);
}

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

import type { ConnectorAdapter, ListFilter } from "../connector/adapter.js";
import type { EntityName, EntityTypes } from "../connector/entities.js";
import { listAll } from "../connector/list-all.js";
import type { DocumentBooks } from "./engine/document-index.js";

/**
 * Where a computed report reads the organization's books: every record of each entity it needs.
 * Live, that is the provider's listings read page by page; from the mirror, every record of those
 * entities read at one moment (`src/mirror/reports/mirror-books.ts`). The engine gets the same
 * unified records either way, so the same books give the same report.
 */
export interface BooksReader {
  /** Every record of `entity` the organization holds (as the provider's default list shows them). */
  all<E extends EntityName>(entity: E): Promise<Array<EntityTypes[E]>>;
}

/**
 * Upstream narrowing for live reads, per entity (e.g. Clientary's expenses up to the report's last
 * day). Only for windows that cannot change the report: records outside them post nothing to any
 * column asked for. A reader over the whole books (the mirror) gives the same report without them.
 */
export type LiveNarrowing = Partial<Record<EntityName, ListFilter>>;

/** The books as the provider lists them now, page by page (today's reads: slow, and not one moment). */
export function liveBooks(adapter: Pick<ConnectorAdapter, "list">, narrowing: LiveNarrowing = {}): BooksReader {
  return { all: (entity) => listAll(adapter, entity, narrowing[entity] ?? {}) };
}

/** The document books fields the engine reads, by the entity that fills each. */
const DOCUMENT_FIELDS = {
  Invoice: "invoices",
  Bill: "bills",
  CreditNote: "creditNotes",
  Payment: "payments",
  Expense: "expenses",
  BankTransaction: "bankTransactions",
} as const satisfies Partial<Record<EntityName, keyof DocumentBooks>>;

/** Entities a fixed-chart (document) ledger can read. */
export type DocumentEntity = keyof typeof DOCUMENT_FIELDS;

/** Reads the listed document entities through `books` (in parallel) into the engine's `DocumentBooks`. */
export async function readDocumentBooks(books: BooksReader, entities: readonly DocumentEntity[]): Promise<DocumentBooks> {
  const lists = await Promise.all(entities.map((entity) => books.all(entity)));
  const read: Record<string, unknown> = {};
  entities.forEach((entity, i) => (read[DOCUMENT_FIELDS[entity]] = lists[i]));
  return read as DocumentBooks;
}

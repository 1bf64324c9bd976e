/** How one accounting endpoint lists and fetches its records (consumed by read-routes.ts). */
import type { XeroBooks } from "../books/types.js";
import type { RequestContext } from "../http/context.js";
import type { EnvelopeExtras } from "../wire/envelope.js";

export interface ResourceSpec<T extends object = object> {
  /** Envelope key and (unless `path` is set) path segment, e.g. "Invoices". */
  plural: string;
  /** Path segment when it differs from the envelope key (`/Organisation` answers `Organisations`). */
  path?: string;
  /** Xero's name for one element (e.g. "Invoice"); picks the wire companions. */
  type: string;
  idField: string;
  /** Other unique fields accepted in place of the id in `GET /{plural}/{key}` (e.g. ContactNumber). */
  altKeys?: string[];
  records(books: XeroBooks): T[];
  /** Write-level scopes that open this endpoint (their `.read` variants open reads). */
  scopes: string[];
  /** Whether `where` is accepted (Quotes and PurchaseOrders have their own filters instead). */
  where?: boolean;
  /** "pagination": page + pageSize + `pagination` object; "plain": page of 100 only; absent: no paging. */
  paging?: "pagination" | "plain";
  /** Field compared by If-Modified-Since (default UpdatedDateUTC); false: the header is ignored. */
  updatedField?: string | false;
  /** Order when the request gives none (default `<updatedField> ASC`). */
  defaultOrder?: string;
  /** Fields left out of list responses requested without `page` (Invoices drop LineItems). */
  summaryWithoutPage?: string[];
  /** Fields left out when `summaryOnly=true`. */
  summaryOnlyDrops?: string[];
  /** Batch parameters: query name → field path (`IDs` → `InvoiceID`, `ContactIDs` → `Contact.ContactID`). */
  batch?: Record<string, string>;
  /** Records with this field value are hidden unless `includeArchived=true`. */
  archived?: { field: string; value: string };
  /** Fields matched (case-insensitive substring) by `searchTerm`. */
  searchFields?: string[];
  /** Endpoint-specific query parameters. */
  filter?(records: T[], ctx: RequestContext): T[];
  /** Shapes a stored record just before the wire conversion (e.g. nested archived options). */
  shape?(record: T, ctx: RequestContext): T;
  extras?: EnvelopeExtras;
}

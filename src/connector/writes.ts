import type { ContactInput, InvoiceInput, PaymentInput, QuoteInput } from "./inputs.js";

/** Unified entity → the input its create action takes. Grows with the actions each connector supports. */
export interface InputTypes {
  Contact: ContactInput;
  Invoice: InvoiceInput;
  Bill: InvoiceInput;
  Payment: PaymentInput;
  Quote: QuoteInput;
}
export type CreatableEntity = keyof InputTypes;

/** Unified entity → the changes its update action takes (absent fields stay as they are). */
export interface UpdateTypes {
  Contact: Partial<ContactInput>;
  Invoice: InvoiceChanges;
  Bill: InvoiceChanges;
  Quote: Partial<Omit<QuoteInput, "contactRemoteId">>;
}

/** Changes to an invoice or bill: status moves, dates, reference, and (where the provider allows) lines. */
export type InvoiceChanges = Partial<Omit<InvoiceInput, "type" | "contactRemoteId">>;
export type UpdatableEntity = keyof UpdateTypes;

export interface WriteOptions {
  /** Passed to providers that deduplicate themselves (Xero's Idempotency-Key); the gateway dedupes too. */
  idempotencyKey?: string;
  /** Validate and describe the provider request instead of sending it. */
  dryRun: boolean;
}

/** The exact request a write would send, for dry runs. */
export interface ProviderRequest {
  method: string;
  path: string;
  body: unknown;
}

export type WriteResult<T> = { kind: "done"; record: T } | { kind: "dryRun"; request: ProviderRequest };

/** What deleting did: providers delete some records and void or archive others (they keep the books' history). */
export type RemovalOutcome = "DELETED" | "VOIDED" | "ARCHIVED";
export interface Removal {
  outcome: RemovalOutcome;
}

/** A note added to a record's history. */
export interface NoteAdded {
  text: string;
  /** ISO timestamp. */
  addedAt: string;
}

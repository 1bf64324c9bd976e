import type {
  BankTransactionInput,
  BankTransferInput,
  ContactInput,
  CreditAllocationInput,
  CreditNoteInput,
  ExpenseInput,
  InvoiceInput,
  ItemInput,
  PaymentInput,
  ProjectInput,
  PurchaseOrderInput,
  QuoteInput,
  StockAdditionInput,
  TaskInput,
  TimeEntryInput,
} from "./inputs.js";
import type { EntityTypes } from "./entities.js";

/** Unified entity → the input its create action takes. Grows with the actions each connector supports. */
export interface InputTypes {
  Contact: ContactInput;
  Invoice: InvoiceInput;
  Bill: InvoiceInput;
  Payment: PaymentInput;
  Quote: QuoteInput;
  PurchaseOrder: PurchaseOrderInput;
  CreditNote: CreditNoteInput;
  BankTransaction: BankTransactionInput;
  Expense: ExpenseInput;
  Item: ItemInput;
  Project: ProjectInput;
  Task: TaskInput;
  TimeEntry: TimeEntryInput;
}
export type CreatableEntity = keyof InputTypes;

/** Unified entity → the changes its update action takes (absent fields stay as they are). */
export interface UpdateTypes {
  Contact: Partial<ContactInput>;
  Invoice: InvoiceChanges;
  Bill: InvoiceChanges;
  Quote: Partial<Omit<QuoteInput, "contactRemoteId">>;
  Expense: Partial<ExpenseInput>;
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

/** Actions that are neither create nor update of one record: their input and what they return. */
export interface ActionInputs {
  allocateCredit: CreditAllocationInput;
  addStock: StockAdditionInput;
  transfer: BankTransferInput;
}
export type ActionName = keyof ActionInputs;

export interface ActionResults {
  /** The credit note and the document as they are after the allocation. */
  allocateCredit: { creditNote: EntityTypes["CreditNote"]; document: EntityTypes["Invoice"] | EntityTypes["Bill"]; amount: string; date: string };
  /** The item with its new stock level; `via` names the provider record that added the stock. */
  addStock: { item: EntityTypes["Item"]; quantityAdded: string; via: string };
  transfer: BankTransfer;
}

/** Money moved between two bank accounts. */
export interface BankTransfer {
  remoteId: string;
  fromAccountCode: string;
  toAccountCode: string;
  amount: string;
  date: string;
  reference?: string | null;
  /** Provider ids of the two bank transactions the transfer made, where the provider makes them. */
  fromTransactionRemoteId?: string | null;
  toTransactionRemoteId?: string | null;
}

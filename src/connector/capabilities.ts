import type { EntityName } from "./entities.js";
import type { ActionName } from "./writes.js";
import type { RemoteIdShapes } from "../ids/remote-id-shape.js";

/** What can be done with an entity. Reads now; writes and triggers are declared the same way. */
/** `note` adds a note to a record's history; `send` emails a document to its contact. */
/** `allocate` applies a credit note; `addStock` adds stock to an item; `transfer` moves money between bank accounts. */
export type Operation = "list" | "get" | "create" | "update" | "delete" | "note" | "send" | "allocate" | "addStock" | "transfer";
export const OPERATIONS: readonly Operation[] = ["list", "get", "create", "update", "delete", "note", "send", "allocate", "addStock", "transfer"];
/** Every report the schema has, in the order the capability matrix and the coverage table list them. */
export const REPORT_NAMES = ["BalanceSheet", "ProfitAndLoss", "TrialBalance", "AgedReceivables", "AgedPayables", "CashSummary"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
/** Changes a connector can report as events: `voided` is a document moving to VOIDED (deleted covers both status DELETED and records that disappear). */
export type TriggerName = "created" | "updated" | "deleted" | "voided";
export const TRIGGER_NAMES: readonly TriggerName[] = ["created", "updated", "deleted", "voided"];

/**
 * The usual sets of triggers a connector declares for an entity (`EntityCapability.triggers`).
 * `deleted` covers a status moving to DELETED and a record the reconciliation scan no longer finds;
 * `voided` a status moving to VOIDED.
 */
export const TRIGGERS = {
  /** A document with a VOIDED and a DELETED status. */
  document: ["created", "updated", "voided", "deleted"],
  /** A record with versions, which can be deleted. */
  record: ["created", "updated", "deleted"],
  /** New records, and records that go away; edits raise no event. */
  arrivals: ["created", "deleted"],
} as const satisfies Record<string, readonly TriggerName[]>;

export interface EntityCapability {
  operations: readonly Operation[];
  /** Changes reported as events (`src/triggers`); only for entities the connector can list. */
  triggers?: readonly TriggerName[];
  /** Filters the provider can apply server-side for this entity. */
  filters?: readonly ListFilterName[];
  /** Why something is absent, shown in the capabilities query and in NOT_SUPPORTED errors. */
  notes?: string;
  /** What writes can and cannot do, shown for write operations instead of `notes` (which then speak of reads). */
  writeNotes?: string;
  /** How the entity's list behaves, so a mirror of it can answer exactly as a live list would (only for entities the connector can list). */
  listing?: ListingCapability;
}

/**
 * Facts about an entity's list that a mirror needs to answer as the live list would (`src/connector/listing.ts` reads them).
 */
export interface ListingCapability {
  /**
   * Unified statuses (the record's `status`) the default list leaves out and a list with
   * `includeArchived: true` includes, e.g. ["ARCHIVED"] for Xero contacts. Empty or absent: the
   * default list hides nothing. When the rule is not status-based the entity's `notes` say so.
   */
  hidden?: readonly string[];
  /**
   * The largest `first` one list call serves in the fewest upstream calls: the provider's maximum
   * page size for the entity's list endpoint (for lists the provider answers whole, the page the
   * connector serves from one answer). Absent: 100 (`maxPageSizeOf`).
   */
  maxPageSize?: number;
}

export type ListFilterName = "status" | "contact" | "dateRange" | "updatedSince" | "search";

/** Declared once per connector; the capabilities query and the contract tests are generated from it. */
export interface CapabilityDeclaration {
  entities: Partial<Record<EntityName, EntityCapability>>;
  reports: Partial<Record<ReportName, { native: boolean; notes?: string }>>;
  /** The decimals the provider keeps; every write is checked against them before any upstream call (absent: no check). */
  decimals?: DecimalLimits;
  /** What the provider's record ids look like; every id is checked before any upstream call (absent: length only). */
  remoteIds?: RemoteIdShapes;
}

/**
 * The kinds of decimal a write carries: `quantity` (line quantities, stock added, hours), `unitAmount`
 * (unit prices and costs, hourly rates), `money` (payments, transfers, allocations, expenses, budgets,
 * and each line's quantity × unit amount) and `percent` (discount rates).
 */
export type DecimalKind = "quantity" | "unitAmount" | "money" | "percent";

/** How far a decimal may go: digits after the point (`scale`) and digits before it (`integerDigits`). */
export interface DecimalBound {
  scale: number;
  integerDigits: number;
}

/** A provider's decimal limits by kind, with narrower ones for entities that keep less (e.g. Xero quotes' unit amounts). */
export interface DecimalLimits extends Record<DecimalKind, DecimalBound> {
  byEntity?: Partial<Record<EntityName, Partial<Record<DecimalKind, DecimalBound>>>>;
}

export function supports(decl: CapabilityDeclaration, entity: EntityName, op: Operation): boolean {
  return decl.entities[entity]?.operations.includes(op) ?? false;
}

/** Which entity and operation each non-record action is declared under. */
export const ACTION_OPERATIONS: Record<ActionName, { entity: EntityName; operation: Operation }> = {
  allocateCredit: { entity: "CreditNote", operation: "allocate" },
  addStock: { entity: "Item", operation: "addStock" },
  transfer: { entity: "BankTransaction", operation: "transfer" },
};

const READ_OPERATIONS: readonly Operation[] = ["list", "get"];

/** The notes that explain an operation: the write notes for writes (when declared), the entity's notes otherwise. */
export function notesFor(capability: EntityCapability | undefined, operation: Operation): string | undefined {
  if (!capability) return undefined;
  return READ_OPERATIONS.includes(operation) ? capability.notes : (capability.writeNotes ?? capability.notes);
}

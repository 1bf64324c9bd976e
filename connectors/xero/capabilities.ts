import type { EntityName } from "../../src/connector/entities.js";
import { ACTION_OPERATIONS, TRIGGERS, type CapabilityDeclaration, type DecimalLimits, type EntityCapability, type ListingCapability, type Operation, type TriggerName } from "../../src/connector/capabilities.js";
import { EXACT_DECIMAL_LIMITS } from "../../src/connector/decimal-limits.js";
import type { ActionName } from "../../src/connector/writes.js";
import { GUID, type RemoteIdShapes } from "../../src/ids/remote-id-shape.js";
import { XERO_ENTITIES, XERO_ENTITY_NAMES } from "./entities/index.js";
import { XERO_CREATORS, XERO_REMOVERS, XERO_UPDATERS } from "./writes/index.js";
import { XERO_ACTIONS } from "./writes/actions.js";
import { XERO_NOTE_ENTITIES } from "./writes/history-notes.js";
import { XERO_FIXED_PAGE_SIZE, XERO_MAX_PAGE_SIZE } from "./query/paging.js";
import { WHOLE_LIST_PAGE_SIZE } from "../../src/connector/listing.js";
import type { XeroEntity } from "./entities/xero-entity.js";

const NOTES: Partial<Record<EntityName, string>> = {
  Quote: "Xero filters quotes by one status at a time and has no free-text search for them.",
  PurchaseOrder: "Xero filters purchase orders by one status at a time, and not by contact or free text.",
  CreditNote: "Filtering by PARTIALLY_PAID returns every AUTHORISED credit note: Xero cannot compare remaining credit with the total server-side.",
  Contact: "Contacts have no accounting date, so there is no date-range filter. Lists leave out archived contacts (Xero's ARCHIVED and GDPRREQUEST) unless includeArchived is set.",
  Item: "Xero returns all items in one answer; the gateway pages them in memory. Stock is added by buying the item (a bill, or spend money), as Xero has no stock adjustment.",
  Account: "Reference data: cached (10 minutes by default), filtered and paged in memory; archived and deleted accounts only with includeArchived.",
  TaxRate: "Reference data: cached (10 minutes by default), filtered and paged in memory; archived and deleted rates only with includeArchived. The id is Xero's TaxType code.",
  TrackingCategory: "Reference data: cached (10 minutes by default), filtered and paged in memory; archived categories only with includeArchived (their options, archived ones included, always).",
};

/**
 * Changes reported as events. Contacts are archived, never deleted, at Xero (archiving is an update).
 * Contacts, invoices and bills, and credit notes also arrive through Xero's webhooks.
 */
const XERO_TRIGGERS: Partial<Record<EntityName, readonly TriggerName[]>> = {
  Contact: ["created", "updated"],
  Invoice: TRIGGERS.document,
  Bill: TRIGGERS.document,
  CreditNote: TRIGGERS.document,
  BankTransaction: TRIGGERS.document,
  Payment: TRIGGERS.record,
  Quote: TRIGGERS.record,
};

const PROJECTS_API = "Xero Projects is a separate API (projects.xro) with its own projects scope, which this connector does not use.";

/** Entities Xero's accounting API does not have: declared with no operations, so NOT_SUPPORTED says why. */
const ABSENT: Partial<Record<EntityName, string>> = {
  Expense: "Xero records spending as bank transactions: use createBankTransaction with kind SPEND.",
  Project: PROJECTS_API,
  Task: PROJECTS_API,
  TimeEntry: PROJECTS_API,
};

/** The operations each entity gets from the actions Xero runs (allocate credit, add stock, transfer). */
function actionOperations(entity: EntityName): Operation[] {
  return (Object.keys(XERO_ACTIONS) as ActionName[]).filter((action) => ACTION_OPERATIONS[action].entity === entity).map((action) => ACTION_OPERATIONS[action].operation);
}

/**
 * How an entity's list behaves: the statuses its default list hides, and the largest page one list
 * call serves — `pageSize` up to 1000 where Xero takes it, Quotes' fixed 100, and for the lists
 * Xero answers whole (items, reference data) one answer paged in memory.
 */
export function xeroListing(def: XeroEntity): ListingCapability {
  const listing = def.listing;
  const maxPageSize = listing.kind === "whole" ? WHOLE_LIST_PAGE_SIZE : listing.sized ? XERO_MAX_PAGE_SIZE : XERO_FIXED_PAGE_SIZE;
  return { hidden: def.hidden, maxPageSize };
}

function entityCapability(entity: EntityName): EntityCapability {
  const note = NOTES[entity];
  const triggers = XERO_TRIGGERS[entity];
  const writes: Operation[] = [
    ...(entity in XERO_CREATORS ? ["create" as const] : []),
    ...(entity in XERO_UPDATERS ? ["update" as const] : []),
    ...(entity in XERO_REMOVERS ? ["delete" as const] : []),
    ...(XERO_NOTE_ENTITIES.includes(entity) ? ["note" as const] : []),
    ...(entity === "Invoice" ? ["send" as const] : []),
    ...actionOperations(entity),
  ];
  const def = XERO_ENTITIES[entity]!;
  return { operations: ["list", "get", ...writes], filters: def.filters, listing: xeroListing(def), ...(triggers ? { triggers } : {}), ...(note ? { notes: note } : {}) };
}

/**
 * The decimals Xero keeps: quantities and unit amounts to 4 places (writes opt in with `unitdp=4`;
 * purchase orders keep 4 natively), every amount to 2. Quotes take no `unitdp`, so Xero rounds their
 * unit amounts to 2 places: the gateway refuses more rather than let Xero round them.
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
export const XERO_DECIMALS: DecimalLimits = {
  ...EXACT_DECIMAL_LIMITS,
  byEntity: { Quote: { unitAmount: { ...EXACT_DECIMAL_LIMITS.unitAmount, scale: 2 } } },
};

/** Xero's record ids are GUIDs, except tax rates, which are named by their TaxType code. */
export const XERO_REMOTE_IDS: RemoteIdShapes = {
  default: GUID,
  byEntity: { TaxRate: { pattern: /^[A-Za-z0-9]{1,50}$/, describe: "a TaxType code such as OUTPUT or TAX001" } },
};

/** What the Xero connector can do: reads of every entity, the writes Xero allows, the changes it reports as events, native balance sheet and P&L. */
export const xeroCapabilities: CapabilityDeclaration = {
  entities: {
    ...Object.fromEntries(XERO_ENTITY_NAMES.map((entity) => [entity, entityCapability(entity)])),
    ...Object.fromEntries(Object.entries(ABSENT).map(([entity, notes]) => [entity, { operations: [], notes }])),
  },
  reports: {
    BalanceSheet: { native: true, notes: "Xero's own report; CASH basis uses paymentsOnly=true." },
    ProfitAndLoss: { native: true, notes: "Xero's own report; CASH basis uses paymentsOnly=true." },
    TrialBalance: { native: true, notes: "Xero's own TrialBalance; CASH basis uses paymentsOnly=true." },
    AgedReceivables: { native: true, notes: "Xero's own AgedReceivablesByContact when a contactId is given; across all contacts, computed from invoices, credit notes and payments." },
    AgedPayables: { native: true, notes: "Xero's own AgedPayablesByContact when a contactId is given; across all contacts, computed from bills, credit notes and payments." },
    CashSummary: { native: true, notes: "Xero's own BankSummary, one call per period." },
  },
  decimals: XERO_DECIMALS,
  remoteIds: XERO_REMOTE_IDS,
};

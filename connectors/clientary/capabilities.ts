import { EXACT_DECIMAL_LIMITS } from "../../src/connector/decimal-limits.js";
import { TRIGGERS, type CapabilityDeclaration, type EntityCapability, type ListingCapability, type Operation, type TriggerName } from "../../src/connector/capabilities.js";
import type { EntityName } from "../../src/connector/entities.js";
import { CLIENTARY_ENTITIES, CLIENTARY_ENTITY_NAMES } from "./entities/index.js";
import { CLIENTARY_CREATORS, CLIENTARY_REMOVERS, CLIENTARY_SENDABLE, CLIENTARY_UPDATERS } from "./writes/index.js";
import { NUMERIC_ID, type RemoteIdShapes } from "../../src/ids/remote-id-shape.js";
import { WHOLE_LIST_PAGE_SIZE } from "../../src/connector/listing.js";
import { CLIENTARY_MAX_PAGE_SIZE } from "./query/page-plan.js";
import type { ClientaryEntity } from "./entities/clientary-entity.js";

/** What Clientary's writes cannot do, said where the entity is, so NOT_SUPPORTED and the capabilities query explain it. */
const WRITE_NOTES: Partial<Record<EntityName, string>> = {
  Contact:
    "Deleting a client deletes its projects, invoices (with their payments), estimates and contacts, as Clientary does. A client keeps one address and no tax number; email, names and phones live on its first contact, which needs an email.",
  Invoice:
    "Sales invoices only. Clientary's API has no notes on invoices (no addNote). Status DRAFT or AUTHORISED (sent), no approval step; PAID follows payments. Lines have no discounts, item codes or tracking; TAXABLE lines take the invoice's own tax rates (the unified input sets none). A paid invoice keeps its lines, one with payments keeps its client and cannot go back to draft, and is not deleted until its payments are.",
  Payment:
    "Recorded against sales invoices, at most the balance due; Clientary has no bank accounts (accountCode is not sent) and no payment edits (delete and record again).",
  Quote:
    "Estimates have no expiry date; ACCEPTED, DECLINED and archived estimates keep their lines. Clientary turns estimates into invoices in its app only (no INVOICED through the API).",
  Expense:
    "They have no category or reference either; a rebilled expense keeps its amount and client and cannot be deleted.",
  Project: "A project belongs to a client; the unified schema has no project update.",
  Task: "Clientary tasks have no estimated hours.",
  TimeEntry:
    "Clientary hours have no task link: a task's title names the hours, and they read back without taskId. Billed hours cannot be deleted.",
  Lead: "Leads are deleted (with their estimates and contacts); the unified schema has no lead create.",
  Staff: "Clientary's API reads staff only.",
};

/** What the unified schema has and Clientary does not: declared with no operations, so NOT_SUPPORTED says why. */
const ABSENT: Partial<Record<EntityName, string>> = {
  Bill: "Clientary has no bills or suppliers: it invoices clients; what the business spends is recorded as expenses (createExpense).",
  CreditNote: "Clientary has no credit notes: change the invoice's lines, or delete a payment, instead.",
  PurchaseOrder: "Clientary has no purchase orders.",
  Item: "Clientary has no products or items catalogue: lines are described in full, and there is no stock to add.",
  BankTransaction: "Clientary has no bank accounts: money arrives as invoice payments and leaves as expenses (recordPayment, createExpense), so there are no bank transactions or transfers.",
  Account: "Clientary has no chart of accounts; its reports are computed on the gateway's fixed chart.",
  TaxRate: "Clientary has no tax rate list: each invoice and estimate carries its own percentages, and a line is TAXABLE or not.",
  TrackingCategory: "Clientary has no tracking categories.",
};

/**
 * Changes reported as events, found by polling (Clientary documents no webhooks): new records of every kind
 * it lists except hours, and records that go away. There is no "new contract": contracts and proposals
 * are a feature of Clientary's app with no resource in its API, so nothing can be watched for them.
 */
const CLIENTARY_TRIGGERS: Partial<Record<EntityName, readonly TriggerName[]>> = {
  Expense: TRIGGERS.arrivals,
  Project: TRIGGERS.arrivals,
  Contact: TRIGGERS.arrivals,
  Quote: TRIGGERS.arrivals,
  Invoice: TRIGGERS.arrivals,
  Lead: TRIGGERS.arrivals,
  Task: TRIGGERS.arrivals,
  Payment: TRIGGERS.arrivals,
  Staff: TRIGGERS.arrivals,
};

function writesOf(entity: EntityName): Operation[] {
  return [
    ...(entity in CLIENTARY_CREATORS ? ["create" as const] : []),
    ...(entity in CLIENTARY_UPDATERS ? ["update" as const] : []),
    ...(entity in CLIENTARY_REMOVERS ? ["delete" as const] : []),
    ...(CLIENTARY_SENDABLE.includes(entity) ? ["send" as const] : []),
  ];
}

/**
 * How an entity's list behaves: the statuses its default list hides (completed projects), and the
 * largest page one call serves — Clientary's `page_size` maximum of 100 on paged lists, one answer
 * paged in memory for the lists it returns whole (expenses, hours, staff).
 */
export function clientaryListing(def: ClientaryEntity): ListingCapability {
  return { hidden: def.hidden, maxPageSize: def.listing.kind === "paged" ? CLIENTARY_MAX_PAGE_SIZE : WHOLE_LIST_PAGE_SIZE };
}

function entityCapability(entity: EntityName): EntityCapability {
  const def = CLIENTARY_ENTITIES[entity]!;
  const notes = def.notes;
  const writeNotes = WRITE_NOTES[entity];
  const triggers = CLIENTARY_TRIGGERS[entity];
  return { operations: ["list", "get", ...writesOf(entity)], filters: def.filters, listing: clientaryListing(def), ...(triggers ? { triggers } : {}), ...(notes ? { notes } : {}), ...(writeNotes ? { writeNotes } : {}) };
}

/**
 * The decimals Clientary keeps. Its docs show amounts as JSON numbers (binary doubles) and state no
 * precision, so the gateway keeps every value within 15 significant digits (exact as a JSON number):
 * quantities and prices to 4 places, amounts to 2. Decimals are sent as strings.
 */
const CLIENTARY_DECIMALS = EXACT_DECIMAL_LIMITS;

/** Clientary's record ids are numbers. */
export const CLIENTARY_REMOTE_IDS: RemoteIdShapes = { default: NUMERIC_ID };

/**
 * What the Clientary connector can do: reads of clients, leads, invoices, payments, estimates,
 * expenses, projects, tasks, hours and staff; the writes Clientary's API has; the changes it reports
 * as events; reports computed by
 * the shared engine (Clientary has none). Entities it does not have carry the reason in `notes`.
 */
export const clientaryCapabilities: CapabilityDeclaration = {
  entities: {
    ...Object.fromEntries(CLIENTARY_ENTITY_NAMES.map((entity) => [entity, entityCapability(entity)])),
    ...Object.fromEntries(Object.entries(ABSENT).map(([entity, notes]) => [entity, { operations: [], notes }])),
  },
  reports: {
    BalanceSheet: { native: false, notes: "Computed from invoices, payments and expenses on a fixed chart (receivables, bank, sales tax, sales, one account per expense category)." },
    ProfitAndLoss: { native: false, notes: "Computed from invoices, payments and expenses; ACCRUAL at issue date, CASH as paid." },
    TrialBalance: { native: false, notes: "Computed on the fixed chart from invoices, payments and expenses." },
    AgedReceivables: { native: false, notes: "Computed from invoices and payments." },
    AgedPayables: { native: false, notes: "Always empty: Clientary has no bills (expenses are recorded as paid)." },
    CashSummary: { native: false, notes: "Computed on the fixed chart: one Bank account." },
  },
  decimals: CLIENTARY_DECIMALS,
  remoteIds: CLIENTARY_REMOTE_IDS,
};

import type { EntityName } from "../../src/connector/entities.js";
import { EXACT_DECIMAL_LIMITS } from "../../src/connector/decimal-limits.js";
import { TRIGGERS, type CapabilityDeclaration, type EntityCapability, type ListingCapability, type Operation, type TriggerName } from "../../src/connector/capabilities.js";
import { DAFTRA_ENTITIES, DAFTRA_ENTITY_NAMES } from "./entities/index.js";
import { DAFTRA_CREATORS, DAFTRA_NOTE_ENTITIES, DAFTRA_REMOVERS, DAFTRA_UPDATERS } from "./writes/index.js";
import { BILL_PAYMENTS_NOTE } from "./writes/payments.js";
import { NUMERIC_ID, type RemoteIdShapes } from "../../src/ids/remote-id-shape.js";
import { WHOLE_LIST_PAGE_SIZE } from "../../src/connector/listing.js";
import { DAFTRA_MAX_LIMIT } from "./query/paging.js";
import type { DaftraEntity } from "./entities/daftra-entity.js";

/** What writes can and cannot do per entity, beyond what the read side says; shown in NOT_SUPPORTED errors. */
const WRITE_NOTES: Partial<Record<EntityName, string>> = {
  Contact: "A create makes a client unless its role is SUPPLIER; a client never becomes a supplier. Deleting is refused while documents or payments point at the contact.",
  Invoice:
    "No sending: Daftra's API has no endpoint that emails an invoice. SUBMITTED is kept as a draft (Daftra has no approval step). " +
    "An invoice with payments cannot go back to draft or be deleted; its lines and dates can still change, and its payment status follows. Line account codes and tracking have no Daftra field.",
  Bill: `Bills are Daftra purchase invoices. ${BILL_PAYMENTS_NOTE}`,
  Payment: `${BILL_PAYMENTS_NOTE} A payment above what the invoice still owes, or on a draft, is refused.`,
  Quote: "INVOICED comes only from converting the estimate in Daftra; estimates have no title.",
  CreditNote:
    "Sales credit notes only. No allocation: Daftra adds a credit note to the client's credit balance, which a client-credit invoice payment later spends " +
    "without naming the credit note, and its API has no allocation endpoint.",
  Expense: "Creates make expenses (the input names no kind); incomes are updated like expenses. Daftra links expenses to clients only; reference and billable have no Daftra field.",
  Item: "Stock is added as a manual Daftra stock transaction (addStock), valued at the unit cost or the product's purchase price. Products carry no account codes.",
  PurchaseOrder: "Daftra's API has no purchase orders: its 'PurchaseOrder' model is the purchase invoice, which the gateway serves as a Bill (createBill).",
  BankTransaction: "Daftra's API has no bank transactions and no treasury transfers: money moves through invoice payments, expenses and incomes (recordPayment, createExpense).",
  Project: "Daftra has no projects (work orders are the nearest record, and the gateway does not map them).",
  Task: "Daftra has no tasks.",
  TimeEntry: "Daftra's time tracking logs hours by staff, activity and work order, not by project task; the gateway does not map it.",
};

/** Changes reported as events, found by polling (Daftra's webhooks are for its App Hub apps only). */
const DAFTRA_TRIGGERS: Partial<Record<EntityName, readonly TriggerName[]>> = {
  Invoice: TRIGGERS.record,
  Item: TRIGGERS.record,
  Contact: TRIGGERS.arrivals,
  Quote: TRIGGERS.arrivals,
};

function writeOperations(entity: EntityName): Operation[] {
  return [
    ...(entity in DAFTRA_CREATORS ? ["create" as const] : []),
    ...(entity in DAFTRA_UPDATERS ? ["update" as const] : []),
    ...(entity in DAFTRA_REMOVERS ? ["delete" as const] : []),
    ...(DAFTRA_NOTE_ENTITIES.includes(entity) ? ["note" as const] : []),
    ...(entity === "Item" ? ["addStock" as const] : []),
  ];
}

/**
 * How an entity's list behaves. Daftra's v1 lists have no archived or deleted records to hide (the
 * connector reads every endpoint whole, client-credit payments included), so the default list hides
 * nothing; one call serves up to Daftra's largest `limit` per endpoint, and reference data is one
 * cached answer paged in memory.
 */
export function daftraListing(def: DaftraEntity): ListingCapability {
  return { hidden: [], maxPageSize: def.whole ? WHOLE_LIST_PAGE_SIZE : DAFTRA_MAX_LIMIT };
}

function entityCapability(entity: EntityName): EntityCapability {
  const def = DAFTRA_ENTITIES[entity];
  const notes = def ? def.notes : WRITE_NOTES[entity];
  const writeNotes = def ? WRITE_NOTES[entity] : undefined;
  const operations: Operation[] = [...(def ? (["list", "get"] as const) : []), ...writeOperations(entity)];
  const triggers = def ? DAFTRA_TRIGGERS[entity] : undefined;
  return { operations, ...(def ? { filters: def.filters, listing: daftraListing(def as DaftraEntity) } : {}), ...(triggers ? { triggers } : {}), ...(notes ? { notes } : {}), ...(writeNotes ? { writeNotes } : {}) };
}

const DECLARED = [...new Set([...DAFTRA_ENTITY_NAMES, ...(Object.keys(WRITE_NOTES) as EntityName[])])];

/**
 * The decimals Daftra keeps. Its docs say only that quantities may have decimals; its answers carry
 * amounts with up to 4 places (as numeric strings), so quantities and unit prices go to 4 places and
 * amounts to 2, within the magnitudes that keep reports exact. Decimals are sent as strings.
 */
const DAFTRA_DECIMALS = EXACT_DECIMAL_LIMITS;

/** Daftra's ids are numbers; contacts and treasuries carry the kind, as the mapping names them ("client:12", "treasury:3"). */
export const DAFTRA_REMOTE_IDS: RemoteIdShapes = {
  default: NUMERIC_ID,
  byEntity: {
    Contact: { pattern: /^(client|supplier):[0-9]{1,20}$/, describe: 'a kind and a number such as "client:12" or "supplier:7"' },
    Account: { pattern: /^(treasury:)?[0-9]{1,20}$/, describe: 'a number such as 31, or "treasury:3" for a treasury' },
  },
};

/**
 * What the Daftra connector can do: reads of the entities Daftra has, the writes its API allows
 * (each with Daftra's rules), the changes it reports as events, and balance sheet and P&L computed by the shared engine from Daftra's
 * journals (Daftra has no report endpoints). Entities it cannot serve carry the reason in `notes`.
 */
export const daftraCapabilities: CapabilityDeclaration = {
  entities: Object.fromEntries(DECLARED.map((entity) => [entity, entityCapability(entity)])),
  reports: {
    BalanceSheet: { native: false, notes: "ACCRUAL computed from Daftra's journals; CASH (and ACCRUAL when journals are unreadable) from documents on a fixed chart." },
    ProfitAndLoss: { native: false, notes: "ACCRUAL computed from Daftra's journals; CASH (and ACCRUAL when journals are unreadable) from documents on a fixed chart." },
    TrialBalance: { native: false, notes: "ACCRUAL from Daftra's journals; CASH from documents on a fixed chart." },
    AgedReceivables: { native: false, notes: "Computed from invoices, credit notes and payments." },
    AgedPayables: { native: false, notes: "Computed from purchase invoices (bills), purchase credits and payments." },
    CashSummary: { native: false, notes: "Computed from the treasury accounts in Daftra's journals (documents on a fixed chart when journals are unreadable)." },
  },
  decimals: DAFTRA_DECIMALS,
  remoteIds: DAFTRA_REMOTE_IDS,
};

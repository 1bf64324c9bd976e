import type { TriggerName } from "../connector/capabilities.js";
import type { EntityName } from "../connector/entities.js";
import type { ChangeKind } from "./event.js";

type Table = Partial<Record<EntityName, readonly TriggerName[]>>;

const DOCUMENT: readonly TriggerName[] = ["created", "updated", "voided", "deleted"];
const RECORD: readonly TriggerName[] = ["created", "updated", "deleted"];
const NEW_ONLY: readonly TriggerName[] = ["created", "deleted"];

/**
 * Which changes each connector reports as events, per entity. `deleted` covers a status moving to
 * DELETED and a record the reconciliation scan no longer finds; `voided` a status moving to VOIDED.
 *
 * Kept here until it moves into each connector's capability declaration (`EntityCapability.triggers`);
 * until then `withTriggerDeclarations` merges it into the declarations at the composition root.
 */
export const TRIGGER_TABLE: Record<"XERO" | "DAFTRA" | "CLIENTARY", Table> = {
  // Contacts are archived, never deleted, at Xero (archiving is an update).
  XERO: { Contact: ["created", "updated"], Invoice: DOCUMENT, Bill: DOCUMENT, CreditNote: DOCUMENT, BankTransaction: DOCUMENT, Payment: RECORD, Quote: RECORD },
  DAFTRA: { Invoice: RECORD, Item: RECORD, Contact: NEW_ONLY, Quote: NEW_ONLY },
  CLIENTARY: {
    Expense: NEW_ONLY, Project: NEW_ONLY, Contact: NEW_ONLY, Quote: NEW_ONLY, Invoice: NEW_ONLY,
    Lead: NEW_ONLY, Task: NEW_ONLY, Payment: NEW_ONLY, Staff: NEW_ONLY,
  },
};

export const changeOfTrigger = (trigger: TriggerName): ChangeKind => trigger.toUpperCase() as ChangeKind;

/** Every entity some connector reports events for, in a stable order (the GraphQL EventType enum is built from it). */
export function triggerEntities(): EntityName[] {
  const seen = new Set<EntityName>();
  for (const table of Object.values(TRIGGER_TABLE)) for (const entity of Object.keys(table) as EntityName[]) seen.add(entity);
  return [...seen];
}

import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { CreatableEntity, InputTypes, Removal, UpdatableEntity, UpdateTypes, WriteResult } from "../../../src/connector/writes.js";
import { createContact, removeContact, removeLead, updateContact } from "./contacts.js";
import { createExpense, removeExpense, updateExpense } from "./expenses.js";
import { createInvoice, removeInvoice, updateInvoice } from "./invoices.js";
import { createPayment, removePayment } from "./payments.js";
import { createQuote, removeQuote, updateQuote } from "./quotes.js";
import { createProject, createTask, createTimeEntry, removeWork } from "./work.js";
import type { WriteContext } from "./write-context.js";

type Creator<E extends CreatableEntity> = (w: WriteContext, input: InputTypes[E]) => Promise<WriteResult<EntityTypes[E]>>;
type Updater<E extends UpdatableEntity> = (w: WriteContext, remoteId: string, changes: UpdateTypes[E]) => Promise<WriteResult<EntityTypes[E]>>;
type Remover = (w: WriteContext, remoteId: string) => Promise<WriteResult<Removal>>;

/** What Clientary creates; the capability declaration is generated from these tables. */
export const CLIENTARY_CREATORS: { [E in CreatableEntity]?: Creator<E> } = {
  Contact: createContact,
  Invoice: createInvoice,
  Payment: createPayment,
  Quote: createQuote,
  Expense: createExpense,
  Project: createProject,
  Task: createTask,
  TimeEntry: createTimeEntry,
};

/** What Clientary updates (of the entities the unified schema can update). */
export const CLIENTARY_UPDATERS: { [E in UpdatableEntity]?: Updater<E> } = {
  Contact: updateContact,
  Invoice: updateInvoice,
  Quote: updateQuote,
  Expense: updateExpense,
};

/** What Clientary deletes: every record it deletes is gone (Clientary voids and archives nothing through its API). */
export const CLIENTARY_REMOVERS: Partial<Record<EntityName, Remover>> = {
  Contact: removeContact,
  Lead: removeLead,
  Invoice: removeInvoice,
  Payment: removePayment,
  Quote: removeQuote,
  Expense: removeExpense,
  Project: removeWork("projects", "Project"),
  Task: removeWork("tasks", "Task"),
  TimeEntry: removeWork("hours", "TimeEntry"),
};

export const clientaryCreator = <E extends CreatableEntity>(entity: E) => CLIENTARY_CREATORS[entity] as Creator<E> | undefined;
export const clientaryUpdater = <E extends UpdatableEntity>(entity: E) => CLIENTARY_UPDATERS[entity] as Updater<E> | undefined;

export { sendDocument, CLIENTARY_SENDABLE } from "./send-document.js";
export type { WriteContext } from "./write-context.js";

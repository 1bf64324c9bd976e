/**
 * Every write the Daftra connector makes, by unified entity. The capability declaration is derived
 * from these tables, so what is declared is exactly what is implemented.
 */
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { ActionInputs, ActionName, ActionResults, CreatableEntity, InputTypes, Removal, UpdatableEntity, UpdateTypes, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { createContact, removeContact, updateContact } from "./contacts.js";
import type { WriteContext } from "./context.js";
import { createCreditNote, createInvoice, createQuote, removeDocument, updateInvoice, updateQuote } from "./documents.js";
import { createExpense, removeExpense, updateExpense } from "./expenses.js";
import { addStock, createItem, removeItem } from "./items.js";
import { createPayment, removePayment } from "./payments.js";

type Creator<E extends CreatableEntity> = (w: WriteContext, input: InputTypes[E], options: WriteOptions) => Promise<WriteResult<EntityTypes[E]>>;
type Updater<E extends UpdatableEntity> = (w: WriteContext, remoteId: string, changes: UpdateTypes[E], options: WriteOptions) => Promise<WriteResult<EntityTypes[E]>>;
type Remover = (w: WriteContext, remoteId: string, options: WriteOptions) => Promise<WriteResult<Removal>>;
type Performer<A extends ActionName> = (w: WriteContext, input: ActionInputs[A], options: WriteOptions) => Promise<WriteResult<ActionResults[A]>>;

export const DAFTRA_CREATORS: { [E in CreatableEntity]?: Creator<E> } = {
  Contact: createContact,
  Invoice: createInvoice,
  Bill: createInvoice as Creator<"Bill">,
  Payment: createPayment,
  Quote: createQuote,
  CreditNote: createCreditNote,
  Expense: createExpense,
  Item: createItem,
};

export const DAFTRA_UPDATERS: { [E in UpdatableEntity]?: Updater<E> } = {
  Contact: updateContact,
  Invoice: (w, id, changes, options) => updateInvoice(w, "Invoice", id, changes, options),
  Bill: (w, id, changes, options) => updateInvoice(w, "Bill", id, changes, options) as Promise<WriteResult<EntityTypes["Bill"]>>,
  Quote: updateQuote,
  Expense: updateExpense,
};

export const DAFTRA_REMOVERS: Partial<Record<EntityName, Remover>> = {
  Contact: removeContact,
  Invoice: removeDocument("Invoice"),
  Bill: removeDocument("Bill"),
  Quote: removeDocument("Quote"),
  CreditNote: removeDocument("CreditNote"),
  Payment: removePayment,
  Expense: removeExpense,
  Item: removeItem,
};

export const DAFTRA_PERFORMERS: { [A in ActionName]?: Performer<A> } = {
  addStock,
};

export const daftraCreator = <E extends CreatableEntity>(entity: E) => DAFTRA_CREATORS[entity] as Creator<E> | undefined;
export const daftraUpdater = <E extends UpdatableEntity>(entity: E) => DAFTRA_UPDATERS[entity] as Updater<E> | undefined;
export const daftraPerformer = <A extends ActionName>(action: A) => DAFTRA_PERFORMERS[action] as Performer<A> | undefined;

export { addNote, DAFTRA_NOTE_ENTITIES } from "./notes.js";
export type { WriteContext } from "./context.js";
export { createChartLookup, createProductLookup } from "./lookups.js";

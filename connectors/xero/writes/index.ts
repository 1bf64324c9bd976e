import type { CreatableEntity, InputTypes, UpdatableEntity, UpdateTypes, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { EntityTypes } from "../../../src/connector/entities.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { createContact } from "./create-contact.js";
import { createInvoice } from "./create-invoice.js";
import { createPayment, deletePayment } from "./payments.js";
import { archiveContact, removeInvoice } from "./remove-records.js";
import { updateContact } from "./update-contact.js";
import { updateInvoice } from "./update-invoice.js";
import { createQuote, deleteQuote, updateQuote } from "./quotes.js";
import { createPurchaseOrder } from "./purchase-orders.js";
import { createCreditNote } from "./credit-notes.js";
import { createBankTransaction } from "./bank-transactions.js";
import { createItem } from "./items.js";
import type { EntityName } from "../../../src/connector/entities.js";
import type { Removal } from "../../../src/connector/writes.js";

type Creator<E extends CreatableEntity> = (api: XeroApi, input: InputTypes[E], options: WriteOptions, ctx: MappingContext) => Promise<WriteResult<EntityTypes[E]>>;

/** How Xero creates each entity it can create; the capability declaration lists the same entities. */
export const XERO_CREATORS: { [E in CreatableEntity]?: Creator<E> } = {
  Contact: createContact,
  Invoice: createInvoice,
  Bill: createInvoice,
  Payment: createPayment,
  Quote: createQuote,
  PurchaseOrder: createPurchaseOrder,
  CreditNote: createCreditNote,
  BankTransaction: createBankTransaction,
  Item: createItem,
};

type Remover = (api: XeroApi, remoteId: string, options: WriteOptions) => Promise<WriteResult<Removal>>;

/** How Xero deletes (or voids, or archives) each entity it can. */
export const XERO_REMOVERS: Partial<Record<EntityName, Remover>> = {
  Payment: deletePayment,
  Invoice: removeInvoice,
  Bill: removeInvoice,
  Contact: archiveContact,
  Quote: deleteQuote,
};

export function xeroCreator<E extends CreatableEntity>(entity: E): Creator<E> | undefined {
  return XERO_CREATORS[entity] as Creator<E> | undefined;
}

type Updater<E extends UpdatableEntity> = (api: XeroApi, remoteId: string, changes: UpdateTypes[E], options: WriteOptions, ctx: MappingContext) => Promise<WriteResult<EntityTypes[E]>>;

/** How Xero updates each entity it can. */
export const XERO_UPDATERS: { [E in UpdatableEntity]?: Updater<E> } = {
  Contact: updateContact,
  Invoice: updateInvoice,
  Bill: updateInvoice,
  Quote: updateQuote,
};

export function xeroUpdater<E extends UpdatableEntity>(entity: E): Updater<E> | undefined {
  return XERO_UPDATERS[entity] as Updater<E> | undefined;
}

import type { EntityName } from "../../../src/connector/entities.js";
import { bankTransactionsEntity } from "./bank-transactions.entity.js";
import { contactsEntity } from "./contacts.entity.js";
import { creditNotesEntity } from "./credit-notes.entity.js";
import { invoicesEntity } from "./invoices.entity.js";
import { itemsEntity } from "./items.entity.js";
import { paymentsEntity } from "./payments.entity.js";
import { purchaseOrdersEntity } from "./purchase-orders.entity.js";
import { quotesEntity } from "./quotes.entity.js";
import { accountsEntity, taxRatesEntity, trackingCategoriesEntity } from "./reference-data.entity.js";
import type { XeroEntity } from "./xero-entity.js";

/** The unified entities Xero has, and how it serves each. */
export const XERO_ENTITIES: { [E in EntityName]?: XeroEntity<E> } = {
  Contact: contactsEntity,
  Invoice: invoicesEntity("Invoice", "ACCREC"),
  Bill: invoicesEntity("Bill", "ACCPAY"),
  Payment: paymentsEntity,
  Quote: quotesEntity,
  CreditNote: creditNotesEntity,
  PurchaseOrder: purchaseOrdersEntity,
  Item: itemsEntity,
  Account: accountsEntity,
  TaxRate: taxRatesEntity,
  TrackingCategory: trackingCategoriesEntity,
  BankTransaction: bankTransactionsEntity,
};

export type { XeroEntity } from "./xero-entity.js";

/** The entities Xero serves, in declaration order. */
export const XERO_ENTITY_NAMES = Object.keys(XERO_ENTITIES) as EntityName[];

/** The definition of an entity Xero has; callers are behind the capability guard, so a miss is a bug. */
export function xeroEntity<E extends EntityName>(entity: E): XeroEntity<E> {
  const def = XERO_ENTITIES[entity];
  if (!def) throw new Error(`Xero has no ${entity}; the capability guard should have refused this call`);
  return def as XeroEntity<E>;
}

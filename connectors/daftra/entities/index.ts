import type { EntityName } from "../../../src/connector/entities.js";
import type { DaftraEntity } from "./daftra-entity.js";
import { billEntity, creditNoteEntity, invoiceEntity, paymentEntity, quoteEntity } from "./documents.entity.js";
import { contactEntity, expenseEntity } from "./parties.entity.js";
import { accountEntity, itemEntity, taxRateEntity } from "./reference.entity.js";

/** The unified entities Daftra has, and how it serves each. */
export const DAFTRA_ENTITIES: { [E in EntityName]?: DaftraEntity<E> } = {
  Contact: contactEntity,
  Invoice: invoiceEntity,
  Bill: billEntity,
  Payment: paymentEntity,
  Quote: quoteEntity,
  CreditNote: creditNoteEntity,
  Item: itemEntity,
  Account: accountEntity,
  TaxRate: taxRateEntity,
  Expense: expenseEntity,
};

export const DAFTRA_ENTITY_NAMES = Object.keys(DAFTRA_ENTITIES) as EntityName[];

export type { DaftraEntity, Source } from "./daftra-entity.js";

/** The definition of an entity Daftra has; callers are behind the capability guard, so a miss is a bug. */
export function daftraEntity<E extends EntityName>(entity: E): DaftraEntity<E> {
  const def = DAFTRA_ENTITIES[entity];
  if (!def) throw new Error(`Daftra has no ${entity}; the capability guard should have refused this call`);
  return def as DaftraEntity<E>;
}

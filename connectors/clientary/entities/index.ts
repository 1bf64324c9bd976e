import type { EntityName } from "../../../src/connector/entities.js";
import type { ClientaryEntity } from "./clientary-entity.js";
import { contactsEntity, leadsEntity } from "./parties.entity.js";
import { expensesEntity, invoicesEntity, paymentsEntity, quotesEntity } from "./sales.entity.js";
import { projectsEntity, staffEntity, tasksEntity, timeEntriesEntity } from "./work.entity.js";

/** The unified entities Clientary has, and how it serves each. */
export const CLIENTARY_ENTITIES: { [E in EntityName]?: ClientaryEntity<E> } = {
  Contact: contactsEntity,
  Lead: leadsEntity,
  Invoice: invoicesEntity,
  Payment: paymentsEntity,
  Quote: quotesEntity,
  Expense: expensesEntity,
  Project: projectsEntity,
  Task: tasksEntity,
  TimeEntry: timeEntriesEntity,
  Staff: staffEntity,
};

export type { ClientaryEntity } from "./clientary-entity.js";

export const CLIENTARY_ENTITY_NAMES = Object.keys(CLIENTARY_ENTITIES) as EntityName[];

/** The definition of an entity Clientary has; callers are behind the capability guard, so a miss is a bug. */
export function clientaryEntity<E extends EntityName>(entity: E): ClientaryEntity<E> {
  const def = CLIENTARY_ENTITIES[entity];
  if (!def) throw new Error(`Clientary has no ${entity}; the capability guard should have refused this call`);
  return def as ClientaryEntity<E>;
}

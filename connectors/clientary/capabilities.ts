import type { CapabilityDeclaration, EntityCapability } from "../../src/connector/capabilities.js";
import type { EntityName } from "../../src/connector/entities.js";
import { CLIENTARY_ENTITIES, CLIENTARY_ENTITY_NAMES } from "./entities/index.js";

function entityCapability(entity: EntityName): EntityCapability {
  const def = CLIENTARY_ENTITIES[entity]!;
  return { operations: ["list", "get"], filters: def.filters, ...(def.notes ? { notes: def.notes } : {}) };
}

/**
 * What the Clientary connector can do: reads of clients, leads, invoices, payments, estimates,
 * expenses, projects, tasks, hours and staff; reports computed by the shared engine (Clientary has none).
 */
export const clientaryCapabilities: CapabilityDeclaration = {
  entities: Object.fromEntries(CLIENTARY_ENTITY_NAMES.map((entity) => [entity, entityCapability(entity)])),
  reports: {
    BalanceSheet: { native: false, notes: "Computed from invoices, payments and expenses on a fixed chart (receivables, bank, sales tax, sales, one account per expense category)." },
    ProfitAndLoss: { native: false, notes: "Computed from invoices, payments and expenses; ACCRUAL at issue date, CASH as paid." },
  },
};

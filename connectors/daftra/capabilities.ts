import type { EntityName } from "../../src/connector/entities.js";
import type { CapabilityDeclaration, EntityCapability } from "../../src/connector/capabilities.js";
import { DAFTRA_ENTITIES, DAFTRA_ENTITY_NAMES } from "./entities/index.js";

function entityCapability(entity: EntityName): EntityCapability {
  const def = DAFTRA_ENTITIES[entity]!;
  return { operations: ["list", "get"], filters: def.filters, ...(def.notes ? { notes: def.notes } : {}) };
}

/**
 * What the Daftra connector can do: reads of the entities Daftra has; balance sheet and P&L
 * computed by the shared engine from Daftra's journals (Daftra has no report endpoints).
 */
export const daftraCapabilities: CapabilityDeclaration = {
  entities: Object.fromEntries(DAFTRA_ENTITY_NAMES.map((entity) => [entity, entityCapability(entity)])),
  reports: {
    BalanceSheet: { native: false, notes: "ACCRUAL computed from Daftra's journals; CASH (and ACCRUAL when journals are unreadable) from documents on a fixed chart." },
    ProfitAndLoss: { native: false, notes: "ACCRUAL computed from Daftra's journals; CASH (and ACCRUAL when journals are unreadable) from documents on a fixed chart." },
  },
};

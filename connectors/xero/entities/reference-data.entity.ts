import type { Account, TaxRate, TrackingCategory } from "xero-node";
import type { EntityName, EntityTypes } from "../../../src/connector/entities.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedAccount, toUnifiedTaxRate, toUnifiedTrackingCategory } from "../mapping/to-reference-data.js";
import { REFERENCE_HIDDEN } from "../query/reference-filter.js";
import { defineEntity } from "./xero-entity.js";

/**
 * Reference data: fetched whole, cached with a TTL, filtered (status, search) and paged in memory;
 * archived and deleted records only with `includeArchived` (or when their status is asked for).
 */
function referenceEntity<E extends EntityName, R>(
  entity: E,
  guidIds: boolean,
  fetch: (api: XeroApi) => Promise<R[]>,
  map: (record: R, ctx: MappingContext) => EntityTypes[E],
) {
  return defineEntity<E, R>({
    entity,
    filters: ["status", "search"],
    hidden: REFERENCE_HIDDEN,
    guidIds,
    listing: { kind: "whole", cached: true, fetch },
    lookup: { kind: "whole" },
    map,
  });
}

export const accountsEntity = referenceEntity<"Account", Account>(
  "Account",
  true,
  // https://developer.xero.com/documentation/api/accounting/accounts#get-accounts
  async (api) => (await api.call({ what: "Account" }, (x, tenant) => x.getAccounts(tenant))).accounts ?? [],
  toUnifiedAccount,
);

/** Tax rates are identified by their TaxType code, not a GUID. */
export const taxRatesEntity = referenceEntity<"TaxRate", TaxRate>(
  "TaxRate",
  false,
  // https://developer.xero.com/documentation/api/accounting/taxrates#get-taxrates
  async (api) => (await api.call({ what: "TaxRate" }, (x, tenant) => x.getTaxRates(tenant))).taxRates ?? [],
  toUnifiedTaxRate,
);

/** Archived categories are fetched too and hidden in memory unless asked for. */
export const trackingCategoriesEntity = referenceEntity<"TrackingCategory", TrackingCategory>(
  "TrackingCategory",
  true,
  // https://developer.xero.com/documentation/api/accounting/trackingcategories#get-trackingcategories
  async (api) => (await api.call({ what: "TrackingCategory" }, (x, tenant) => x.getTrackingCategories(tenant, undefined, undefined, true))).trackingCategories ?? [],
  toUnifiedTrackingCategory,
);

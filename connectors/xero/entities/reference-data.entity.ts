import type { Account, TaxRate, TrackingCategory } from "xero-node";
import { toUnifiedAccount, toUnifiedTaxRate, toUnifiedTrackingCategory } from "../mapping/to-reference-data.js";
import { defineEntity } from "./xero-entity.js";

/** Reference data: fetched whole, cached with a TTL, filtered (status, search) and paged in memory. */
const REFERENCE_FILTERS = ["status", "search"] as const;

export const accountsEntity = defineEntity<"Account", Account>({
  entity: "Account",
  filters: REFERENCE_FILTERS,
  guidIds: true,
  listing: {
    kind: "whole",
    cached: true,
    async fetch(api) {
      // https://developer.xero.com/documentation/api/accounting/accounts#get-accounts
      const body = await api.call({ what: "Account" }, (x, tenant) => x.getAccounts(tenant));
      return body.accounts ?? [];
    },
  },
  lookup: { kind: "whole" },
  map: toUnifiedAccount,
});

export const taxRatesEntity = defineEntity<"TaxRate", TaxRate>({
  entity: "TaxRate",
  filters: REFERENCE_FILTERS,
  guidIds: false,
  listing: {
    kind: "whole",
    cached: true,
    async fetch(api) {
      // https://developer.xero.com/documentation/api/accounting/taxrates#get-taxrates
      const body = await api.call({ what: "TaxRate" }, (x, tenant) => x.getTaxRates(tenant));
      return body.taxRates ?? [];
    },
  },
  lookup: { kind: "whole" },
  map: toUnifiedTaxRate,
});

export const trackingCategoriesEntity = defineEntity<"TrackingCategory", TrackingCategory>({
  entity: "TrackingCategory",
  filters: REFERENCE_FILTERS,
  guidIds: true,
  listing: {
    kind: "whole",
    cached: true,
    async fetch(api) {
      // https://developer.xero.com/documentation/api/accounting/trackingcategories#get-trackingcategories (archived too; hidden in memory)
      const body = await api.call({ what: "TrackingCategory" }, (x, tenant) => x.getTrackingCategories(tenant, undefined, undefined, true));
      return body.trackingCategories ?? [];
    },
  },
  lookup: { kind: "whole" },
  map: toUnifiedTrackingCategory,
});

import type { Item } from "xero-node";
import { toUnifiedItem } from "../mapping/to-item.js";
import { contains, or } from "../query/where.js";
import { UNIT_DP } from "../writes/unit-dp.js";
import { defineEntity, sinceOf } from "./xero-entity.js";

/** Xero returns every item in one answer (no paging), so lists page in memory and lookups reuse the list. */
export const itemsEntity = defineEntity<"Item", Item>({
  entity: "Item",
  filters: ["updatedSince", "search"],
  hidden: [],
  guidIds: true,
  listing: {
    kind: "whole",
    cached: false,
    async fetch(api, filter) {
      const where = filter.search ? or(contains("Name", filter.search), contains("Code", filter.search)) : undefined;
      // https://developer.xero.com/documentation/api/accounting/items#get-items (unitdp=4: prices unrounded)
      const body = await api.call({ what: "Item" }, (x, tenant) => x.getItems(tenant, sinceOf(filter), where, undefined, UNIT_DP));
      return body.items ?? [];
    },
  },
  lookup: { kind: "whole" },
  map: toUnifiedItem,
});

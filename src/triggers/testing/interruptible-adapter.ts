import type { ConnectorAdapter, ListParams } from "../../connector/adapter.js";
import type { EntityName } from "../../connector/entities.js";

/** One list call as the adapter was asked for it. */
export interface ListCall {
  entity: EntityName;
  first: number;
  offset: number;
  filter: ListParams["filter"];
}

/**
 * A real adapter whose list calls are recorded, and whose `n`-th list call from `failAtList(n)` on
 * throws before reaching the provider (a dropped connection, a process stopped mid-listing).
 * Everything else is the adapter's own (it is the prototype, as the capability guard wraps it).
 */
export function interruptibleAdapter(adapter: ConnectorAdapter) {
  const lists: ListCall[] = [];
  let sinceArmed = 0;
  let failAt = Number.POSITIVE_INFINITY;
  const wrapped = Object.assign(Object.create(adapter) as ConnectorAdapter, {
    list: (async (entity, params) => {
      lists.push({ entity, first: params.first, offset: params.offset, filter: params.filter });
      if (++sinceArmed === failAt) throw new Error("connection reset by peer");
      return adapter.list(entity, params);
    }) as ConnectorAdapter["list"],
  });
  return {
    adapter: wrapped,
    /** Every list call so far, oldest first. */
    lists,
    /** The `n`-th list call from now fails; `Infinity` turns it off. */
    failAtList(n: number) {
      sinceArmed = 0;
      failAt = n;
    },
  };
}

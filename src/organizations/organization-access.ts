import type { OrganizationAccess, Principal } from "../context/gateway-context.js";
import type { OrganizationRepository } from "./organization-repository.js";
import type { AdapterPool } from "./adapter-pool.js";
import type { OrganizationRecord } from "./organization-record.js";
import { notFound } from "../errors/index.js";

const granted = (principal: Principal, id: string) => principal.organizationIds === "*" || principal.organizationIds.includes(id);

/** The organizations one API key may see. An organization it may not see is indistinguishable from a missing one. */
export function createOrganizationAccess(principal: Principal, repository: OrganizationRepository, pool: AdapterPool): OrganizationAccess {
  const cache = new Map<string, Promise<OrganizationRecord>>();
  const get = (id: string) => {
    let found = cache.get(id);
    if (!found) {
      found = (async () => {
        const record = granted(principal, id) ? await repository.get(id) : undefined;
        if (!record) throw notFound("Organization", id);
        return record;
      })();
      cache.set(id, found);
    }
    return found;
  };
  // One listing per request: pricing `organizations` and resolving it read the same list.
  let listed: Promise<OrganizationRecord[]> | undefined;
  return {
    list: () => (listed ??= repository.list().then((records) => records.filter((r) => granted(principal, r.id)))),
    get,
    adapter: async (id) => pool.adapterFor(await get(id)),
  };
}

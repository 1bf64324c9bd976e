/**
 * Clients and suppliers (separate id spaces). Observed: `created_from`/`created_to` filter by day.
 * https://docs.daftara.dev (Clients, Suppliers)
 */
import type { PartyRow } from "../books/types.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { partyWire } from "../wire/reference.js";
import { resourceRoutes } from "./resource.js";

const createdBetween = (rows: PartyRow[], query: URLSearchParams) => {
  const from = query.get("created_from");
  const to = query.get("created_to");
  return rows.filter((r) => (!from || r.created.slice(0, 10) >= from) && (!to || r.created.slice(0, 10) <= to));
};

export const contactRoutes = (runtime: SandboxRuntime): Route[] => [
  ...resourceRoutes(runtime, { path: "clients", model: "Client", rows: (b) => b.clients, wire: (r) => partyWire(r, "client_number"), filter: createdBetween }),
  ...resourceRoutes(runtime, { path: "suppliers", model: "Supplier", rows: (b) => b.suppliers, wire: (r) => partyWire(r, "supplier_number"), filter: createdBetween }),
];

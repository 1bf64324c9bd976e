/**
 * GET /Organisation: one element, whose OrganisationID is the tenant id.
 * https://developer.xero.com/documentation/api/accounting/organisation
 */
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";

export function organisationRoutes(runtime: SandboxRuntime): Route[] {
  return readRoutes(runtime, {
    plural: "Organisations",
    path: "Organisation",
    type: "Organisation",
    idField: "OrganisationID",
    records: (books) => [books.organisation],
    scopes: ["accounting.settings"],
    where: false,
    updatedField: false,
  }, true);
}

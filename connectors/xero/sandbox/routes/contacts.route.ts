/**
 * Contacts: GET list (where, order, IDs, page, pageSize, includeArchived, summaryOnly, searchTerm),
 * GET by ContactID or ContactNumber, PUT (create) / POST (create-or-update) / POST /{id}.
 * https://developer.xero.com/documentation/api/accounting/contacts
 */
import type { XeroContact } from "../books/types.js";
import { writeContacts } from "../books/writes/index.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { readRoutes } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";
import { writeRoutes } from "./write-routes.js";

export const CONTACTS: ResourceSpec<XeroContact> = {
  plural: "Contacts",
  type: "Contact",
  idField: "ContactID",
  altKeys: ["ContactNumber"],
  records: (books) => books.contacts,
  scopes: ["accounting.contacts"],
  paging: "pagination",
  batch: { IDs: "ContactID" },
  archived: { field: "ContactStatus", value: "ARCHIVED" },
  searchFields: ["Name", "FirstName", "LastName", "ContactNumber", "CompanyNumber", "EmailAddress"],
  summaryOnlyDrops: ["Addresses", "Phones", "ContactPersons", "PaymentTerms", "BankAccountDetails"],
};

export function contactsRoutes(runtime: SandboxRuntime): Route[] {
  return [...readRoutes(runtime, CONTACTS), ...writeRoutes(runtime, { read: CONTACTS, write: writeContacts, errorFlag: "HasValidationErrors" })];
}

import type { ContactInput } from "../../../src/connector/inputs.js";
import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Contact } from "../../../schema/contact/contact.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedContact, toXeroContact } from "../mapping/to-contact.js";
import { toWireJson } from "../mapping/wire-json.js";

/** https://developer.xero.com/documentation/api/accounting/contacts#put-contacts */
export async function createContact(api: XeroApi, input: ContactInput, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Contact>> {
  const model = toXeroContact(input);
  if (options.dryRun) {
    return { kind: "dryRun", request: { method: "PUT", path: "/api.xro/2.0/Contacts?summarizeErrors=true", body: { Contacts: [toWireJson(model, "Contact")] } } };
  }
  const body = await api.call({ what: "Contact" }, (x, tenant) => x.createContacts(tenant, { contacts: [model] }, true, options.idempotencyKey));
  const created = body.contacts?.[0];
  if (!created) throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered the create without the contact. Read the contacts to check before retrying.", { details: { provider: "XERO" } });
  return { kind: "done", record: toUnifiedContact(created, ctx) };
}

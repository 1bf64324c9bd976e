import type { ContactInput } from "../../../src/connector/inputs.js";
import type { WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import type { Contact } from "../../../schema/contact/contact.type.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";
import type { MappingContext } from "../mapping/common.js";
import { toUnifiedContact, toXeroContact } from "../mapping/to-contact.js";
import { toWireJson } from "../mapping/wire-json.js";

/** Sends only the fields given; Xero leaves the rest as they are. https://developer.xero.com/documentation/api/accounting/contacts#post-contacts */
export async function updateContact(api: XeroApi, remoteId: string, changes: Partial<ContactInput>, options: WriteOptions, ctx: MappingContext): Promise<WriteResult<Contact>> {
  const model = { ...toXeroContact({ name: "", ...changes }), contactID: remoteId };
  if (changes.name === undefined) delete (model as { name?: string }).name;
  if (options.dryRun) return { kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/Contacts/${remoteId}`, body: { Contacts: [toWireJson(model, "Contact")] } } };
  const body = await api.call({ what: "Contact", id: remoteId }, (x, tenant) => x.updateContact(tenant, remoteId, { contacts: [model] }, options.idempotencyKey));
  const updated = body.contacts?.[0];
  if (!updated) throw new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, "Xero answered the update without the contact. Read it to check.", { details: { provider: "XERO" } });
  return { kind: "done", record: toUnifiedContact(updated, ctx) };
}

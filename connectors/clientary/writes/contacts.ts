import type { Contact } from "../../../schema/contact/contact.type.js";
import type { ContactInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteResult } from "../../../src/connector/writes.js";
import { GatewayError } from "../../../src/errors/index.js";
import { pageEnvelope } from "../client/schemas/common.js";
import { partySchema, personSchema, type ClientaryParty, type ClientaryPerson } from "../client/schemas/parties.js";
import { checkContactInput, toClientaryClient, toClientaryContactPerson, toUnifiedContact } from "../mapping/to-contact.js";
import { CLIENTARY_MAX_PAGE_SIZE } from "../query/page-plan.js";
import { clientaryId, providerRequest, sendFollowUp, sendWrite, type WriteContext } from "./write-context.js";

const NEEDS_EMAIL = "is required with a person's name or phones: Clientary keeps them on a client's contact, which needs an email.";

/** The client's contacts, oldest first: the first one stands for the client (its email and phones). */
async function contactsOf(w: WriteContext, clientId: string): Promise<ClientaryPerson[]> {
  const body = await w.services.api.get(`clients/${clientId}/contacts`, pageEnvelope("contacts", personSchema), { page: 1, page_size: CLIENTARY_MAX_PAGE_SIZE });
  return [...(body.contacts ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
}

/** The client was made but its contact was refused: say so, so the caller updates instead of creating twice. */
const contactRefused = (client: ClientaryParty, error: unknown) =>
  error instanceof GatewayError
    ? new GatewayError(error.code, `Clientary created the client (id ${client.id}) but refused its contact person: ${error.message} Fix the email or phones with updateContact.`, {
      details: { ...error.extensions, createdRemoteId: client.id },
      cause: error,
    })
    : error;

/**
 * POST /clients, then POST /clients/:id/contacts for the person (email, name, phones) when there is
 * one: Clientary needs the client's id first, so a dry run shows the client request.
 * https://www.clientary.com/api/clients, https://www.clientary.com/api/contacts
 */
export async function createContact(w: WriteContext, input: ContactInput): Promise<WriteResult<Contact>> {
  const problems = checkContactInput(input);
  const person = toClientaryContactPerson(input);
  if (person && !person.client_user.email) problems.add("input.email", NEEDS_EMAIL);
  problems.check();
  return sendWrite(w, { method: "POST", path: "clients", body: toClientaryClient(input), schema: partySchema }, async (client) => {
    const contact = person ? await sendFollowUp(w, "POST", `clients/${client.id}/contacts`, person, personSchema).catch((error: unknown) => {
      throw contactRefused(client, error);
    }) : undefined;
    return toUnifiedContact({ ...client, contacts: contact ? [contact] : [] }, w.ctx);
  });
}

/**
 * PUT /clients/:id for the client's own fields; the person's (email, name, phones) go to its first
 * contact (PUT /contacts/:id), or to a new one when it has none. Only what is given changes.
 * https://www.clientary.com/api/clients, https://www.clientary.com/api/contacts
 */
export async function updateContact(w: WriteContext, remoteId: string, changes: Partial<ContactInput>): Promise<WriteResult<Contact>> {
  const id = clientaryId("Contact", remoteId);
  const problems = checkContactInput(changes);
  problems.check();
  const clientBody = toClientaryClient(changes, { update: true });
  const personBody = toClientaryContactPerson(changes, { update: true });
  const primary = personBody ? (await contactsOf(w, id))[0] : undefined;
  if (personBody && !primary) {
    if (!personBody.client_user.email) {
      problems.add("input.email", NEEDS_EMAIL);
      problems.check();
    }
    // A new contact is named after the client when the change names no person.
    personBody.client_user.name ??= changes.name?.trim() || (await w.services.api.get(`clients/${id}`, partySchema)).name;
  }
  const personWrite = primary ? { method: "PUT" as const, path: `contacts/${primary.id}` } : { method: "POST" as const, path: `clients/${id}/contacts` };
  const changesClient = Object.keys(clientBody.client).length > 0 || !personBody;
  if (w.options.dryRun) {
    return { kind: "dryRun", request: changesClient ? providerRequest("PUT", `clients/${id}`, clientBody) : providerRequest(personWrite.method, personWrite.path, personBody) };
  }
  const updated = changesClient ? await sendFollowUp(w, "PUT", `clients/${id}`, clientBody, partySchema) : undefined;
  if (personBody) await sendFollowUp(w, personWrite.method, personWrite.path, personBody, personSchema);
  const client = updated ?? (await w.services.api.get(`clients/${id}`, partySchema));
  return { kind: "done", record: toUnifiedContact({ ...client, contacts: await contactsOf(w, id) }, w.ctx) };
}

/** Clientary deletes a client with its projects, invoices, estimates and contacts. https://www.clientary.com/api/clients (DELETE) */
export function removeContact(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  return sendWrite(w, { method: "DELETE", path: `clients/${clientaryId("Contact", remoteId)}` }, () => ({ outcome: "DELETED" as const }));
}

/** Clientary deletes a lead with its estimates and contacts. https://www.clientary.com/api/leads (DELETE) */
export function removeLead(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  return sendWrite(w, { method: "DELETE", path: `leads/${clientaryId("Lead", remoteId)}` }, () => ({ outcome: "DELETED" as const }));
}

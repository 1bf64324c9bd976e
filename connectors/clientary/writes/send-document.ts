import type { EntityName } from "../../../src/connector/entities.js";
import type { WriteResult } from "../../../src/connector/writes.js";
import { ErrorCode, GatewayError, notSupported } from "../../../src/errors/index.js";
import { pageEnvelope } from "../client/schemas/common.js";
import { estimateSchema, invoiceSchema } from "../client/schemas/documents.js";
import { personSchema } from "../client/schemas/parties.js";
import { CLIENTARY_MAX_PAGE_SIZE } from "../query/page-plan.js";
import { clientaryId, providerRequest, sendFollowUp, type WriteContext } from "./write-context.js";

/** Documents Clientary emails, and where. */
const SENDABLE = {
  Invoice: { resource: "invoices", schema: invoiceSchema },
  Quote: { resource: "estimates", schema: estimateSchema },
} as const;
export const CLIENTARY_SENDABLE = Object.keys(SENDABLE) as EntityName[];

/** Every contact of the client with an email address: the document's recipients. */
async function recipientsOf(w: WriteContext, clientId: string): Promise<string[]> {
  const body = await w.services.api.get(`clients/${clientId}/contacts`, pageEnvelope("contacts", personSchema), { page: 1, page_size: CLIENTARY_MAX_PAGE_SIZE });
  return [...new Set((body.contacts ?? []).map((c) => c.email?.trim()).filter((e): e is string => !!e))];
}

const noRecipients = () =>
  new GatewayError(ErrorCode.PROVIDER_VALIDATION, "Clientary emails documents to the client's contacts, and this client has none with an email address. Add one (updateContact with an email), then send again.", {
    details: { provider: "CLIENTARY", providerErrors: [{ field: "recipients", message: "can't be blank" }] },
  });

/**
 * Emails an invoice or estimate to every contact of its client (POST /invoices/:id/messages,
 * /estimates/:id/messages) with the PDF attached and the account's own subject and message;
 * Clientary marks a draft sent. https://www.clientary.com/api/invoices (Send), /api/estimates (Send)
 */
export async function sendDocument(w: WriteContext, entity: EntityName, remoteId: string): Promise<WriteResult<{ sent: true }>> {
  const target = SENDABLE[entity as keyof typeof SENDABLE];
  if (!target) throw notSupported("CLIENTARY", `sending ${entity}`);
  const id = clientaryId(entity, remoteId);
  const document = await w.services.api.get(`${target.resource}/${id}`, target.schema);
  const clientId = document.client_id ?? document.client?.id;
  const recipients = clientId ? await recipientsOf(w, clientId) : [];
  if (recipients.length === 0) throw noRecipients();
  const path = `${target.resource}/${id}/messages`;
  const body = { recipients, attach_pdf: true, send_copy: false };
  if (w.options.dryRun) return { kind: "dryRun", request: providerRequest("POST", path, body) };
  await sendFollowUp(w, "POST", path, body);
  return { kind: "done", record: { sent: true } };
}

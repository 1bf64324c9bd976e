import { Contact as XeroContact, Invoice as XeroInvoice } from "xero-node";
import type { Removal, WriteOptions, WriteResult } from "../../../src/connector/writes.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import type { XeroApi } from "../client/xero-api.js";

const dryRun = (path: string, body: unknown): WriteResult<Removal> => ({ kind: "dryRun", request: { method: "POST", path: `/api.xro/2.0/${path}`, body } });

/**
 * Xero keeps invoices' history: drafts and submitted ones are DELETED, approved ones without
 * payments are VOIDED, anything paid must have its payments deleted first.
 * https://developer.xero.com/documentation/api/accounting/invoices#post-invoices
 */
export async function removeInvoice(api: XeroApi, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  const current = (await api.call({ what: "Invoice", id: remoteId }, (x, tenant) => x.getInvoice(tenant, remoteId))).invoices?.[0];
  const status = current?.status;
  const paid = (current?.amountPaid ?? 0) > 0 || (current?.amountCredited ?? 0) > 0;
  if (status === XeroInvoice.StatusEnum.VOIDED || status === XeroInvoice.StatusEnum.DELETED) return { kind: "done", record: { outcome: status === XeroInvoice.StatusEnum.VOIDED ? "VOIDED" : "DELETED" } };
  if (paid) {
    throw new GatewayError(ErrorCode.PROVIDER_VALIDATION, "Xero cannot delete or void an invoice with payments or credit allocated to it. Delete its payments first (deleteRecord on each payment).", {
      details: { provider: "XERO", providerErrors: [{ message: "This document cannot be edited as it has a payment or credit note allocated to it." }] },
    });
  }
  const outcome = status === XeroInvoice.StatusEnum.AUTHORISED ? "VOIDED" : "DELETED";
  if (options.dryRun) return dryRun(`Invoices/${remoteId}`, { Invoices: [{ Status: outcome }] });
  const next = outcome === "VOIDED" ? XeroInvoice.StatusEnum.VOIDED : XeroInvoice.StatusEnum.DELETED;
  await api.call({ what: "Invoice", id: remoteId }, (x, tenant) => x.updateInvoice(tenant, remoteId, { invoices: [{ status: next }] }, undefined, options.idempotencyKey));
  return { kind: "done", record: { outcome } };
}

/** Xero has no contact delete: contacts are archived. https://developer.xero.com/documentation/api/accounting/contacts#post-contacts */
export async function archiveContact(api: XeroApi, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>> {
  if (options.dryRun) return dryRun(`Contacts/${remoteId}`, { Contacts: [{ ContactStatus: "ARCHIVED" }] });
  await api.call({ what: "Contact", id: remoteId }, (x, tenant) => x.updateContact(tenant, remoteId, { contacts: [{ contactStatus: XeroContact.ContactStatusEnum.ARCHIVED }] }, options.idempotencyKey));
  return { kind: "done", record: { outcome: "ARCHIVED" } };
}

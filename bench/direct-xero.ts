import { AccountingApi } from "xero-node";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";

/** xero-node straight at the sandbox, with a client-credentials token: the baseline without the gateway. */
export async function directXero(sandbox: XeroSandbox): Promise<AccountingApi> {
  // https://developer.xero.com/documentation/guides/oauth2/custom-connections
  const response = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "client_credentials", scopes: "accounting.invoices.read,accounting.contacts.read" }),
  });
  const { access_token } = (await response.json()) as { access_token: string };
  const api = new AccountingApi(`${sandbox.url}/api.xro/2.0`);
  api.accessToken = access_token;
  return api;
}

/** The same data as the gateway query, fetched well by hand: one invoices page, one batched contacts call. */
export async function invoicesWithContacts(api: AccountingApi, tenantId: string) {
  const { body } = await api.getInvoices(tenantId, undefined, 'Type=="ACCREC"', undefined, undefined, undefined, undefined, undefined, 1, undefined, undefined, undefined, undefined, 50);
  const ids = [...new Set((body.invoices ?? []).map((i) => i.contact!.contactID!))];
  const contacts = await api.getContacts(tenantId, undefined, undefined, undefined, ids);
  return { invoices: body.invoices ?? [], contacts: contacts.body.contacts ?? [] };
}

/** What a resolver without batching does: one contact call per invoice. */
export async function invoicesWithContactsNaive(api: AccountingApi, tenantId: string) {
  const { body } = await api.getInvoices(tenantId, undefined, 'Type=="ACCREC"', undefined, undefined, undefined, undefined, undefined, 1, undefined, undefined, undefined, undefined, 50);
  for (const invoice of body.invoices ?? []) await api.getContact(tenantId, invoice.contact!.contactID!);
  return body.invoices ?? [];
}

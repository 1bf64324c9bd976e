import { performance } from "node:perf_hooks";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";
import { daftraCredentialsStore } from "../connectors/daftra/auth/credentials-store.js";
import { clientaryCredentialsStore } from "../connectors/clientary/auth/credentials-store.js";
import { CLIENTARY_API_PATH } from "../connectors/clientary/config.js";
import type { RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { RunningSandbox } from "../src/connector/embedded.js";
import { organizationScope } from "../src/organizations/adapter-pool.js";

/** One contact written at the provider, outside the gateway, and the name a mirrored read should then show. */
export interface ContactChange {
  provider: string;
  organizationId: string;
  /** The provider's id, as the gateway's ids and events carry it. */
  remoteId: string;
  kind: "created" | "renamed";
  /** The contact's name after the write. */
  name: string;
  /** `performance.now()` just before the write. */
  at: number;
}

/**
 * Writes contacts in one sandbox through the provider's own API, as another app would: a new
 * contact, or a new name for one it created earlier (`renameOf`). Every write has a name no other
 * contact has, so a read shows the change exactly when it shows that name.
 */
export interface ContactWriter {
  provider: string;
  /** Requests this writer sent to the sandbox, to keep apart from the gateway's. */
  ownRequests(): number;
  write(renameOf?: ContactChange): Promise<ContactChange>;
}

/** A JSON client for a sandbox's own API that counts what it sends. */
function counted(headers: () => Record<string, string>) {
  let sent = 0;
  return {
    sent: () => sent,
    async call(method: string, url: string, body?: unknown): Promise<any> {
      sent++;
      const response = await fetch(url, { method, headers: { ...headers(), accept: "application/json", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
  };
}

const RUN = Date.now().toString(36);
const nameOf = (provider: string, n: number, renamed: boolean) => `Staleness ${provider.toLowerCase()} ${RUN}-${n}${renamed ? " (renamed)" : ""}`;

/**
 * Xero: PUT /Contacts (create) and POST /Contacts/{id} (rename) with a client-credentials token, as
 * a custom-connection app would; the sandbox announces both with its webhooks.
 * https://developer.xero.com/documentation/api/accounting/contacts
 */
export async function xeroContactWriter(running: RunningSandbox): Promise<ContactWriter> {
  const sandbox = (running as RunningSandbox & { sandbox?: XeroSandbox }).sandbox;
  if (!sandbox) throw new Error("the embedded Xero sandbox does not expose its handle");
  const tokenResponse = await fetch(`${sandbox.url}/connect/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const api = counted(() => ({ authorization: `Bearer ${access_token}`, "xero-tenant-id": sandbox.tenantId }));
  const base = `${sandbox.url}/api.xro/2.0/Contacts`;
  let n = 0;
  return {
    provider: running.provider,
    ownRequests: () => api.sent() + 1,
    async write(renameOf) {
      const i = n++;
      const name = nameOf(running.provider, i, renameOf !== undefined);
      const at = performance.now();
      const answer = renameOf
        ? await api.call("POST", `${base}/${renameOf.remoteId}`, { Contacts: [{ ContactID: renameOf.remoteId, Name: name }] })
        : await api.call("PUT", base, { Contacts: [{ Name: name }] });
      const id = String(answer.Contacts[0].ContactID);
      return { provider: running.provider, organizationId: running.organization.id, remoteId: id, kind: renameOf ? "renamed" : "created", name, at };
    },
  };
}

/** Daftra: POST /clients and PUT /clients/{id} with the organization's API key. https://docs.daftara.dev (Clients) */
export async function daftraContactWriter(running: RunningSandbox, app: RunningLedgerline): Promise<ContactWriter> {
  const { organization } = running;
  const secret = await daftraCredentialsStore(organizationScope(app.services.connectorStore, organization.id), app.services.secrets).load(organization.id);
  const api = counted(() => ({ apikey: secret!.apiKey }));
  const url = (path: string) => `${running.url}/${path}.json`; // the sandbox URL ends with /api2
  let n = 0;
  return {
    provider: running.provider,
    ownRequests: api.sent,
    async write(renameOf) {
      const i = n++;
      const name = nameOf(running.provider, i, renameOf !== undefined);
      const at = performance.now();
      if (renameOf) {
        await api.call("PUT", url(`clients/${renameOf.remoteId.replace(/^client:/, "")}`), { Client: { business_name: name } });
        return { ...renameOf, kind: "renamed", name, at };
      }
      const { id } = await api.call("POST", url("clients"), { Client: { business_name: name } });
      return { provider: running.provider, organizationId: organization.id, remoteId: `client:${id}`, kind: "created", name, at };
    },
  };
}

/** Clientary: POST /clients and PUT /clients/{id} with the organization's API token. https://www.clientary.com/api/clients */
export async function clientaryContactWriter(running: RunningSandbox, app: RunningLedgerline): Promise<ContactWriter> {
  const { organization } = running;
  const secret = await clientaryCredentialsStore(organizationScope(app.services.connectorStore, organization.id), app.services.secrets).load(organization.id);
  const api = counted(() => ({ authorization: `Basic ${Buffer.from(`${secret!.apiToken}:X`).toString("base64")}` }));
  const base = `${running.url}${CLIENTARY_API_PATH}/clients`;
  let n = 0;
  return {
    provider: running.provider,
    ownRequests: api.sent,
    async write(renameOf) {
      const i = n++;
      const name = nameOf(running.provider, i, renameOf !== undefined);
      const at = performance.now();
      if (renameOf) {
        await api.call("PUT", `${base}/${renameOf.remoteId}`, { client: { name } });
        return { ...renameOf, kind: "renamed", name, at };
      }
      const created = await api.call("POST", base, { client: { name } });
      return { provider: running.provider, organizationId: organization.id, remoteId: String(created.id), kind: "created", name, at };
    },
  };
}

import { performance } from "node:perf_hooks";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";
import type { ActivityAction } from "../connectors/xero/sandbox/activity/simulator.js";
import { daftraCredentialsStore } from "../connectors/daftra/auth/credentials-store.js";
import { clientaryCredentialsStore } from "../connectors/clientary/auth/credentials-store.js";
import { CLIENTARY_API_PATH } from "../connectors/clientary/config.js";
import type { RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { RunningSandbox } from "../src/connector/embedded.js";
import type { EntityName } from "../src/connector/entities.js";
import { organizationScope } from "../src/organizations/adapter-pool.js";
import { entitiesOfCategory } from "../src/triggers/xero-webhook/webhook-payload.js";

/** How the gateway learns of a change: the provider announces it, or a poller finds it. */
export type DetectionPath = "webhook" | "polled";

/** One change made at the provider, and the event it should raise. */
export interface Change {
  provider: string;
  organizationId: string;
  entity: EntityName;
  remoteId: string;
  path: DetectionPath;
  /** `performance.now()` just before the write. */
  at: number;
}

/** Makes changes in one sandbox the way its users would, outside the gateway. */
export interface ChangeMaker {
  provider: string;
  /** Requests this maker sent to the sandbox itself, to keep apart from the gateway's. */
  ownRequests(): number;
  make(): Promise<Change>;
}

/** The entities Xero's webhooks announce (CONTACT, INVOICE, CREDITNOTE), as the gateway's ingress maps them. */
const XERO_ANNOUNCED = new Set<EntityName>(["CONTACT", "INVOICE", "CREDITNOTE"].flatMap(entitiesOfCategory));

/** Xero: one step of the sandbox's own business activity (written into its books, announced by its webhooks). */
export function xeroChanges(running: RunningSandbox, webhooks: boolean): ChangeMaker {
  const sandbox = (running as RunningSandbox & { sandbox?: XeroSandbox }).sandbox;
  if (!sandbox) throw new Error("the embedded Xero sandbox does not expose its handle");
  const entityOf = (action: ActivityAction): EntityName => {
    if (action.entity !== "Invoice") return action.entity;
    return sandbox.books.invoices.find((i) => i.InvoiceID === action.id)?.Type === "ACCPAY" ? "Bill" : "Invoice";
  };
  return {
    provider: running.provider,
    ownRequests: () => 0,
    async make() {
      const at = performance.now();
      const [action] = sandbox.activity.step();
      const entity = entityOf(action!);
      const path = webhooks && XERO_ANNOUNCED.has(entity) ? "webhook" : "polled";
      return { provider: running.provider, organizationId: running.organization.id, entity, remoteId: action!.id, path, at };
    },
  };
}

/** A JSON client for a sandbox's own API that counts what it sends. */
function counted(headers: Record<string, string>) {
  let sent = 0;
  return {
    sent: () => sent,
    async call(method: string, url: string, body?: unknown): Promise<any> {
      sent++;
      const response = await fetch(url, { method, headers: { ...headers, accept: "application/json", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
  };
}

/**
 * Daftra, through its API as another app would: new clients (CONTACT_CREATED) and price changes of
 * products (ITEM_UPDATED), alternately.
 * https://docs.daftara.dev (Clients: POST; Products: PUT /{id})
 */
export async function daftraChanges(running: RunningSandbox, app: RunningLedgerline): Promise<ChangeMaker> {
  const { organization } = running;
  const secret = await daftraCredentialsStore(organizationScope(app.services.connectorStore, organization.id), app.services.secrets).load(organization.id);
  const api = counted({ apikey: secret!.apiKey });
  const url = (path: string) => `${running.url}/${path}.json`; // the sandbox URL ends with /api2
  const listed = await api.call("GET", `${url("products")}?limit=100`);
  const products = (listed.data as Array<{ Product: { id: number | string } }>).map((row) => String(row.Product.id));
  let n = 0;
  return {
    provider: running.provider,
    ownRequests: api.sent,
    async make() {
      const i = n++;
      const at = performance.now();
      const change = { provider: running.provider, organizationId: organization.id, path: "polled" as const, at };
      if (i % 2 === 0) {
        const { id } = await api.call("POST", url("clients"), { Client: { business_name: `Bench Client ${i}` } });
        return { ...change, entity: "Contact", remoteId: `client:${id}` };
      }
      const id = products[(i >> 1) % products.length]!;
      await api.call("PUT", url(`products/${id}`), { Product: { unit_price: (100 + i).toFixed(2) } });
      return { ...change, entity: "Item", remoteId: id };
    },
  };
}

/**
 * Clientary, through its API as another app would: new clients (CONTACT_CREATED) and new leads
 * (LEAD_CREATED), alternately. https://www.clientary.com/api/clients, https://www.clientary.com/api/leads
 */
export async function clientaryChanges(running: RunningSandbox, app: RunningLedgerline): Promise<ChangeMaker> {
  const { organization } = running;
  const secret = await clientaryCredentialsStore(organizationScope(app.services.connectorStore, organization.id), app.services.secrets).load(organization.id);
  const api = counted({ authorization: `Basic ${Buffer.from(`${secret!.apiToken}:X`).toString("base64")}` });
  let n = 0;
  return {
    provider: running.provider,
    ownRequests: api.sent,
    async make() {
      const i = n++;
      const [entity, path, wrapper] = i % 2 === 0 ? (["Contact", "clients", "client"] as const) : (["Lead", "leads", "lead"] as const);
      const at = performance.now();
      const created = await api.call("POST", `${running.url}${CLIENTARY_API_PATH}/${path}`, { [wrapper]: { name: `Bench ${wrapper} ${i}` } });
      return { provider: running.provider, organizationId: organization.id, entity, remoteId: String(created.id), path: "polled", at };
    },
  };
}

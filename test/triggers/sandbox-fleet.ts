import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { loadConfig, resolveSecretKey } from "../../src/config/index.js";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { createApiKeyService } from "../../src/auth/index.js";
import { ensureLocalApiKey } from "../../src/app/local-api-key.js";
import { silentLogger } from "../../src/infra/logger.js";
import type { EntityName } from "../../src/connector/entities.js";
import { Provider } from "../../schema/common/provider.enum.js";
import { embeddedSandboxes } from "../../connectors/index.js";
import { createXeroSandbox, type XeroSandbox } from "../../connectors/xero/sandbox/server.js";
import type { ActivityAction as XeroAction } from "../../connectors/xero/sandbox/activity/simulator.js";
import { createDaftraSandbox } from "../../connectors/daftra/sandbox/server.js";
import type { ActivityRecord as DaftraRecord } from "../../connectors/daftra/sandbox/activity/simulator.js";
import { createClientarySandbox } from "../../connectors/clientary/sandbox/server.js";
import type { ActivityChange as ClientaryChange } from "../../connectors/clientary/sandbox/activity/activity.js";

/**
 * The three provider sandboxes running in the test process, each with one organization connected to
 * it in a gateway data folder, so a gateway started as a child process on that folder (with its own
 * sandboxes off) polls them, and they keep changing while the gateway is killed and restarted.
 */

/** What one activity step changed, as the gateway names it (entity undefined: a record kind it does not watch). */
export interface SandboxChange {
  organizationId: string;
  provider: Provider;
  entity: EntityName | undefined;
  remoteId: string;
  /** "updated" covers status moves (approve, void, Xero's delete of a draft, which keeps the record); "deleted" is a record gone. */
  kind: "created" | "updated" | "deleted";
  /** The simulator's own name for what happened. */
  label: string;
  at: number;
}

/**
 * How to reach a sandbox's own HTTP API, as the provider's real clients do (not through the gateway):
 * Xero's client-credentials grant and tenant header, Daftra's `apikey` header, Clientary's Basic token.
 */
export type SandboxApi =
  | { provider: Provider.XERO; url: string; clientId: string; clientSecret: string; tenantId: string }
  | { provider: Provider.DAFTRA; /** Includes `/api2`. */ url: string; apiKey: string }
  | { provider: Provider.CLIENTARY; /** The account origin: the API lives at `${url}/api/v2`. */ url: string; apiToken: string };

export interface FleetSandbox {
  provider: Provider;
  organizationId: string;
  /** One business action in the sandbox, now. */
  step(): SandboxChange[];
  /** The sandbox's own HTTP API, for writes that bypass the gateway. */
  api: SandboxApi;
  close(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const RELAXED_PER_MINUTE = 1_000_000;

function xeroChange(sandbox: XeroSandbox, action: XeroAction): Omit<SandboxChange, "organizationId" | "provider" | "at"> {
  const isBill = action.entity === "Invoice" && sandbox.books.invoices.find((i) => i.InvoiceID === action.id)?.Type === "ACCPAY";
  const created = action.kind.startsWith("create-") || ["record-payment", "spend-money", "receive-money"].includes(action.kind);
  return { entity: isBill ? "Bill" : action.entity, remoteId: action.id, kind: created ? "created" : "updated", label: action.kind };
}

const DAFTRA_ENTITIES: Partial<Record<DaftraRecord["entity"], EntityName>> = { client: "Contact", invoice: "Invoice", estimate: "Quote", product: "Item" };

function daftraChange(record: DaftraRecord): Omit<SandboxChange, "organizationId" | "provider" | "at"> {
  const entity = DAFTRA_ENTITIES[record.entity];
  // Daftra clients and suppliers share the Contact entity, told apart by a prefix on the remote id.
  const remoteId = record.entity === "client" ? `client:${record.id}` : String(record.id);
  return { entity, remoteId, kind: record.kind, label: `${record.entity}.${record.kind}` };
}

const CLIENTARY_ENTITIES: Partial<Record<ClientaryChange["entity"], EntityName>> = {
  client: "Contact", lead: "Lead", staff: "Staff", project: "Project", task: "Task", estimate: "Quote", invoice: "Invoice", payment: "Payment", expense: "Expense",
};

function clientaryChange(change: ClientaryChange): Omit<SandboxChange, "organizationId" | "provider" | "at"> {
  const kind = change.kind.endsWith(".deleted") ? "deleted" : change.kind.endsWith(".sent") || change.kind.endsWith(".updated") ? "updated" : "created";
  // A step answers its main record first, then those written beside it (a new client's contact person).
  return { entity: CLIENTARY_ENTITIES[change.entity], remoteId: String(change.id), kind, label: `${change.kind} (${change.entity})` };
}

const dataFileOf = (dataDir: string, provider: Provider) => path.join(dataDir, `${provider.toLowerCase()}-sandbox.json`);

/**
 * Writes each sandbox's data file with books seeded as of yesterday. Seeded on today's date, some
 * records carry a change time later today (after the real clock), which no provider would report
 * and which moves the pollers' `updatedSince` cursors into the future; this test is about crashes.
 */
async function seedBooksAsOfYesterday(dataDir: string): Promise<void> {
  const yesterday = () => new Date(Date.now() - 86_400_000);
  await (await createXeroSandbox({ dataFile: dataFileOf(dataDir, Provider.XERO), now: yesterday })).close();
  await (await createDaftraSandbox({ dataFile: dataFileOf(dataDir, Provider.DAFTRA), now: yesterday })).close();
  await (await createClientarySandbox({ dataFile: dataFileOf(dataDir, Provider.CLIENTARY), now: yesterday })).close();
}

export interface Fleet {
  sandboxes: FleetSandbox[];
  /** An API key the gateway accepts, for every organization (the embedded default's local key). */
  apiKey: string;
  organizationIds: string[];
  close(): Promise<void>;
}

export interface FleetOptions {
  dataDir: string;
  /** Seed of the sandboxes' activity simulators. */
  seed: number;
  /** Settings merged into each organization's own (for example `triggers`, its schedule overrides). */
  settings?: (provider: Provider) => Record<string, unknown>;
}

/**
 * Opens the gateway's durable state in `dataDir` as `startLedgerline` does (store, secret key,
 * organizations), lets each connector's embedded default start its sandbox and connect one
 * organization (credentials sealed in the store, relaxed limits), creates the local API key, and
 * closes the store. Then reopens each sandbox from its data file on the same port, in this process,
 * with its activity simulator in hand and no timer.
 */
export async function startSandboxFleet({ dataDir, seed, settings }: FleetOptions): Promise<Fleet> {
  const config = loadConfig({ LEDGERLINE_DATA_DIR: dataDir });
  await seedBooksAsOfYesterday(config.dataDir);
  const { store, close: closeStore } = await createKeyValueStore(config.storeUrl, { logger: silentLogger });
  const connected: Array<{ provider: Provider; port: number; organizationId: string }> = [];
  let apiKey: string;
  try {
    const secrets = createSecretBox(resolveSecretKey(config));
    const organizations = createOrganizationRepository(store);
    const connectorStore = store.namespace("connector");
    for (const embedded of embeddedSandboxes) {
      const port = await freePort();
      const running = await embedded.start({ dataDir: config.dataDir, port, organizations, connectorStore, secrets, logger: silentLogger, limits: "relaxed" });
      // Closing flushes the sandbox's state (books, Xero's issued tokens) to its data file; it is reopened below.
      await running.close();
      const organization = (await organizations.get(running.organization.id))!;
      if (settings) await organizations.update({ ...organization, settings: { ...organization.settings, ...settings(organization.provider) } });
      connected.push({ provider: running.provider, port, organizationId: organization.id });
    }
    apiKey = await ensureLocalApiKey(store, createApiKeyService(store), secrets);
  } finally {
    await closeStore();
  }

  const sandboxes: FleetSandbox[] = [];
  const stamp = (organizationId: string, provider: Provider) => (c: Omit<SandboxChange, "organizationId" | "provider" | "at">): SandboxChange => ({ ...c, organizationId, provider, at: Date.now() });
  for (const { provider, port, organizationId } of connected) {
    const mark = stamp(organizationId, provider);
    if (provider === Provider.XERO) {
      const sandbox = await createXeroSandbox({
        port, dataFile: dataFileOf(config.dataDir, provider),
        limits: { perMinute: RELAXED_PER_MINUTE, concurrent: 1_000, perDay: 100_000_000 }, activity: { everyMs: 0, seed },
      });
      const api: SandboxApi = { provider, url: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, tenantId: sandbox.tenantId };
      sandboxes.push({ provider, organizationId, api, step: () => sandbox.activity.step(1).map((a) => mark(xeroChange(sandbox, a))), close: () => sandbox.close() });
    } else if (provider === Provider.DAFTRA) {
      const sandbox = await createDaftraSandbox({ port, dataFile: dataFileOf(config.dataDir, provider), ratePerMinute: RELAXED_PER_MINUTE, activity: { everyMs: 0, seed } });
      const api: SandboxApi = { provider, url: sandbox.url, apiKey: sandbox.apiKey };
      sandboxes.push({ provider, organizationId, api, step: () => sandbox.activity.step(1).map((r) => mark(daftraChange(r))), close: () => sandbox.close() });
    } else {
      const sandbox = await createClientarySandbox({
        port, dataFile: dataFileOf(config.dataDir, provider), ratePerMinute: RELAXED_PER_MINUTE, activity: { everyMs: 3_600_000, seed },
      });
      sandbox.activity.stop();
      const api: SandboxApi = { provider: Provider.CLIENTARY, url: sandbox.url, apiToken: sandbox.apiToken };
      sandboxes.push({ provider, organizationId, api, step: () => sandbox.activity.step(1).map((c) => mark(clientaryChange(c))), close: () => sandbox.close() });
    }
  }
  return {
    sandboxes,
    apiKey,
    organizationIds: connected.map((c) => c.organizationId),
    close: async () => {
      for (const sandbox of sandboxes) await sandbox.close();
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed draws the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Steps a sandbox drawn at random every `minMs`–`maxMs` until stopped, recording what changed.
 * A step the simulator itself fails is recorded apart (it changes nothing the test can name).
 */
export function driveActivity(sandboxes: FleetSandbox[], random: () => number, { minMs = 50, maxMs = 100 } = {}) {
  const changes: SandboxChange[] = [];
  const failures: string[] = [];
  let steps = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const tick = () => {
    if (stopped) return resolveDone();
    const sandbox = sandboxes[Math.floor(random() * sandboxes.length)]!;
    try {
      changes.push(...sandbox.step());
      steps++;
    } catch (error) {
      failures.push(`${sandbox.provider}: ${(error as Error).message}`);
    }
    timer = setTimeout(tick, minMs + random() * (maxMs - minMs));
  };
  timer = setTimeout(tick, minMs);
  return {
    changes,
    failures,
    get steps() {
      return steps;
    },
    /** Stops stepping; resolves once no step can run any more. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      resolveDone();
      await done;
    },
  };
}

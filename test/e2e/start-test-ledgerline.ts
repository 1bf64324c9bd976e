import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GraphQLClient } from "graphql-request";
import { loadConfig } from "../../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../../src/app/start-ledgerline.js";
import type { RunningSandbox, SandboxLimits } from "../../src/connector/embedded.js";
import type { DaftraBooks } from "../../connectors/daftra/sandbox/books/types.js";
import type { ClientaryBooks } from "../../connectors/clientary/sandbox/books/types.js";
import type { LedgerlineOptions } from "../../src/app/start-ledgerline.js";
import type { Clock } from "../../src/infra/clock.js";
import type { XeroSandbox } from "../../connectors/xero/sandbox/server.js";
import { getSdk } from "../../schema/generated/sdk.js";

export interface TestLedgerline {
  app: RunningLedgerline;
  /** The Xero sandbox behind the organization, to check its stored state and count its requests. */
  xero: XeroSandbox;
  organizationId: string;
  client: GraphQLClient;
  sdk: ReturnType<typeof getSdk>;
  /** POSTs a raw GraphQL request with the local key (or `key`), returning status and body. */
  post(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<{ status: number; body: GraphQLBody }>;
  dataDir: string;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** The real gateway on the embedded default (Xero sandbox, OAuth-connected org, local key), on free ports. */
export interface TestLedgerlineOptions {
  env?: Record<string, string>;
  sandboxLimits?: SandboxLimits;
  /** Reuse this data folder (a restart) and leave it in place on close. */
  dataDir?: string;
  /**
   * Trigger runtime options; triggers are off unless `env` sets LEDGERLINE_TRIGGERS=on (so pollers never add
   * upstream calls to other tests), and the sandboxes' simulated activity is off unless `env` sets LEDGERLINE_SANDBOX_ACTIVITY_MS.
   */
  triggers?: LedgerlineOptions["triggers"];
  /** Point the Xero sandbox's webhooks at the gateway when triggers are on, as `npm start` does. @default false (only the pollers a test runs find changes) */
  sandboxWebhooks?: boolean;
  /** The gateway's clock (the sandboxes keep the real one). */
  clock?: Clock;
}

export async function startTestLedgerline(options: TestLedgerlineOptions = {}): Promise<TestLedgerline> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "ledgerline-e2e-")));
  const config = loadConfig({ PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent", LEDGERLINE_TRIGGERS: "off", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0", ...options.env });
  const app = await startLedgerline({ config, sandboxLimits: options.sandboxLimits, sandboxWebhooks: options.sandboxWebhooks ?? false, triggers: options.triggers, clock: options.clock });
  const client = new GraphQLClient(app.url, { headers: { authorization: `Bearer ${app.localApiKey}` } });
  const running = app.sandboxes[0] as (typeof app.sandboxes)[number] & { sandbox: XeroSandbox };
  return {
    app,
    xero: running.sandbox,
    organizationId: running.organization.id,
    client,
    sdk: getSdk(client),
    async post(query, variables, key = app.localApiKey) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (key) headers.authorization = `Bearer ${key}`;
      const response = await fetch(app.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    dataDir,
    async close() {
      await app.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The books a Daftra or Clientary sandbox stores, as its state file holds them. */
export interface StoredBooks {
  DAFTRA: DaftraBooks;
  CLIENTARY: ClientaryBooks;
}

/** The running sandbox of `provider` behind the embedded default, with its organization id. */
export function sandboxOf(t: TestLedgerline, provider: "XERO" | "DAFTRA" | "CLIENTARY") {
  const running = t.app.sandboxes.find((s) => s.provider === provider);
  if (!running) throw new Error(`no ${provider} sandbox is running`);
  return running;
}

/** What the Daftra or Clientary sandbox has stored right now: its in-memory books. */
export async function storedBooks<P extends keyof StoredBooks>(t: TestLedgerline, provider: P): Promise<StoredBooks[P]> {
  const running = sandboxOf(t, provider) as RunningSandbox & { sandbox?: { books: StoredBooks[P] } };
  if (!running.sandbox) throw new Error(`the ${provider} sandbox does not expose its books`);
  return running.sandbox.books;
}

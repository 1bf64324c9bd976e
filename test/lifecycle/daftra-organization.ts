import { randomBytes } from "node:crypto";
import path from "node:path";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { createSecretBox } from "../../src/secrets/secret-box.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { createApiKeyService } from "../../src/auth/index.js";
import { ensureLocalApiKey } from "../../src/app/local-api-key.js";
import { silentLogger } from "../../src/infra/logger.js";
import type { RunningSandbox } from "../../src/connector/embedded.js";
import { daftraEmbeddedSandbox } from "../../connectors/daftra/embedded.js";
import { startUpstreamGate, type UpstreamGate } from "../support/upstream-gate.js";

/** A Daftra sandbox in the test process, one organization connected to it through a gate, in a gateway's store. */
export interface DaftraOrganization {
  organizationId: string;
  /** An API key with every grant (the embedded default's local key). */
  apiKey: string;
  /** Pass to the gateway processes as LEDGERLINE_SECRET_KEY: the organization's credentials are sealed with it. */
  secretKey: string;
  sandbox: RunningSandbox;
  /** Between the gateway and the sandbox: hold its requests to make them slow for real. */
  gate: UpstreamGate;
  close(): Promise<void>;
}

export interface DaftraOrganizationOptions {
  /** Folder for the sandbox's data file (and the SQLite store when `storeUrl` is absent). */
  dataDir: string;
  /** The gateway's store. @default sqlite://<dataDir>/ledgerline.sqlite */
  storeUrl?: string;
  /** `settings.triggers` of the organization (its poll schedule). */
  triggers: Record<string, unknown>;
}

/**
 * Writes what a gateway started on `storeUrl` needs to serve one Daftra organization: the organization
 * (its API calls going through an upstream gate), its sealed credentials and a local API key, then
 * closes the store, so gateway processes can open it. The sandbox and the gate stay up until `close`.
 */
export async function connectDaftraOrganization({ dataDir, storeUrl, triggers }: DaftraOrganizationOptions): Promise<DaftraOrganization> {
  const secretKey = randomBytes(32).toString("base64");
  const { store, close: closeStore } = await createKeyValueStore(storeUrl ?? `sqlite://${path.join(dataDir, "ledgerline.sqlite")}`, { logger: silentLogger });
  let sandbox: RunningSandbox | undefined;
  let gate: UpstreamGate | undefined;
  try {
    const secrets = createSecretBox(secretKey);
    const organizations = createOrganizationRepository(store);
    sandbox = await daftraEmbeddedSandbox.start({ dataDir, port: 0, organizations, connectorStore: store.namespace("connector"), secrets, logger: silentLogger, limits: "relaxed" });
    const sandboxUrl = new URL(sandbox.url);
    gate = await startUpstreamGate(sandboxUrl.origin);
    const organization = sandbox.organization;
    await organizations.update({ ...organization, settings: { ...organization.settings, baseUrl: `${gate.url}${sandboxUrl.pathname}`, triggers } });
    const apiKey = await ensureLocalApiKey(store, createApiKeyService(store), secrets);
    const running = sandbox;
    const opened = gate;
    return {
      organizationId: organization.id,
      apiKey,
      secretKey,
      sandbox: running,
      gate: opened,
      async close() {
        await opened.close();
        await running.close();
      },
    };
  } catch (error) {
    await gate?.close();
    await sandbox?.close();
    throw error;
  } finally {
    await closeStore();
  }
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GraphQLClient } from "graphql-request";
import { loadConfig } from "../../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../../src/app/start-ledgerline.js";
import { getSdk } from "../../schema/generated/sdk.js";

export interface TestLedgerline {
  app: RunningLedgerline;
  dataDir: string;
  organizationId: string;
  client: GraphQLClient;
  sdk: ReturnType<typeof getSdk>;
  close(): Promise<void>;
}

/** The real gateway on the embedded default (Xero sandbox, OAuth-connected org, local key), on free ports. */
export async function startTestLedgerline(env: Record<string, string> = {}): Promise<TestLedgerline> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-e2e-"));
  const config = loadConfig({ PORT: "0", XERO_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  const app = await startLedgerline({ config });
  const client = new GraphQLClient(app.url, { headers: { authorization: `Bearer ${app.localApiKey}` } });
  return {
    app,
    dataDir,
    organizationId: app.sandboxes[0].organization.id,
    client,
    sdk: getSdk(client),
    async close() {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the Xero sandbox on its own: `npm run sandbox`. The only place that reads the environment.
 *
 *   XERO_SANDBOX_PORT          port to listen on (default 4010)
 *   XERO_SANDBOX_ACTIVITY_MS   simulated business activity, one action every so many ms (default off)
 *   XERO_SANDBOX_WEBHOOK_URL   where to send signed webhooks (with XERO_SANDBOX_WEBHOOK_KEY)
 *
 * State is kept in ./data/xero-sandbox.json, so books and issued refresh tokens survive restarts.
 */
import { createXeroSandbox } from "./server.js";

const DATA_FILE = "./data/xero-sandbox.json";

function portFromEnvironment(): number {
  const raw = process.env.XERO_SANDBOX_PORT;
  if (raw === undefined || raw === "") return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`XERO_SANDBOX_PORT must be a port number, got "${raw}"`);
  return port;
}

function activityFromEnvironment(): { everyMs: number } | null {
  const raw = process.env.XERO_SANDBOX_ACTIVITY_MS;
  if (raw === undefined || raw === "") return null;
  const everyMs = Number(raw);
  if (!Number.isInteger(everyMs) || everyMs <= 0) throw new Error(`XERO_SANDBOX_ACTIVITY_MS must be a positive number of milliseconds, got "${raw}"`);
  return { everyMs };
}

function webhooksFromEnvironment(): { url: string; key: string } | null {
  const url = process.env.XERO_SANDBOX_WEBHOOK_URL, key = process.env.XERO_SANDBOX_WEBHOOK_KEY;
  if (!url) return null;
  if (!key) throw new Error("XERO_SANDBOX_WEBHOOK_URL needs XERO_SANDBOX_WEBHOOK_KEY, the key payloads are signed with");
  return { url, key };
}

async function main(): Promise<void> {
  const sandbox = await createXeroSandbox({
    port: portFromEnvironment(),
    activity: activityFromEnvironment(),
    webhooks: webhooksFromEnvironment(),
    dataFile: DATA_FILE,
    logger: { warn: (message, meta) => console.warn(message, meta ?? ""), error: (message, meta) => console.error(message, meta ?? "") },
  });
  console.log(`Xero sandbox listening on ${sandbox.url}`);
  console.log(`  API base:      ${sandbox.url}/api.xro/2.0`);
  console.log(`  OIDC issuer:   ${sandbox.url}  (discovery at /.well-known/openid-configuration)`);
  console.log(`  client id:     ${sandbox.clientId}`);
  console.log(`  client secret: ${sandbox.clientSecret}`);
  console.log(`  tenant id:     ${sandbox.tenantId}`);
  console.log(`  state file:    ${DATA_FILE}`);
  if (sandbox.activity.running) console.log(`  activity:      on`);
  if (process.env.XERO_SANDBOX_WEBHOOK_URL) console.log(`  webhooks to:   ${process.env.XERO_SANDBOX_WEBHOOK_URL}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, closing the Xero sandbox`);
    sandbox.close().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Runs the Clientary sandbox on its own: `node dist/connectors/clientary/sandbox/main.js`. The only
 * place that reads the environment.
 *
 *   CLIENTARY_SANDBOX_PORT          port to listen on (default 4012)
 *   CLIENTARY_SANDBOX_ACTIVITY_MS   simulated business activity, one step every so many ms (default off)
 *
 * State is kept in ./data/clientary-sandbox.json, so the books survive restarts.
 */
import { createClientarySandbox } from "./server.js";

const DATA_FILE = "./data/clientary-sandbox.json";

function portFromEnvironment(): number {
  const raw = process.env.CLIENTARY_SANDBOX_PORT;
  if (raw === undefined || raw === "") return 4012;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`CLIENTARY_SANDBOX_PORT must be a port number, got "${raw}"`);
  return port;
}

function activityFromEnvironment(): { everyMs: number } | undefined {
  const raw = process.env.CLIENTARY_SANDBOX_ACTIVITY_MS;
  if (raw === undefined || raw === "") return undefined;
  const everyMs = Number(raw);
  if (!Number.isInteger(everyMs) || everyMs < 1) throw new Error(`CLIENTARY_SANDBOX_ACTIVITY_MS must be a whole number of milliseconds, got "${raw}"`);
  return { everyMs };
}

const sandbox = await createClientarySandbox({ port: portFromEnvironment(), dataFile: DATA_FILE, activity: activityFromEnvironment() });
process.stdout.write(`Clientary sandbox at ${sandbox.url}/api/v2 (HTTP Basic, token "${sandbox.apiToken}" as user and password)\n`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

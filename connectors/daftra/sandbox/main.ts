/**
 * Runs the Daftra sandbox on its own: `node dist/connectors/daftra/sandbox/main.js`.
 * Environment: DAFTRA_SANDBOX_PORT (default 4011), DAFTRA_SANDBOX_DATA (state file), DAFTRA_SANDBOX_SEED,
 * DAFTRA_SANDBOX_ACTIVITY_MS (simulated business activity, one action every so many ms; off by default).
 */
import { createDaftraSandbox } from "./server.js";

const sandbox = await createDaftraSandbox({
  port: Number(process.env.DAFTRA_SANDBOX_PORT ?? 4011),
  seed: Number(process.env.DAFTRA_SANDBOX_SEED ?? 7),
  dataFile: process.env.DAFTRA_SANDBOX_DATA,
  activity: process.env.DAFTRA_SANDBOX_ACTIVITY_MS ? { everyMs: Number(process.env.DAFTRA_SANDBOX_ACTIVITY_MS) } : null,
});
process.stdout.write(`Daftra sandbox at ${sandbox.url} (header "apikey: ${sandbox.apiKey}")\n`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

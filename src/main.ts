import "reflect-metadata";
import { loadConfig, ConfigError } from "./config/index.js";
import { startLedgerline } from "./app/start-ledgerline.js";
import { banner } from "./app/banner.js";

/** `npm start`: validate config, start everything on the embedded default unless configured otherwise. */
async function main() {
  const config = loadConfig();
  const app = await startLedgerline({ config });
  process.stdout.write(banner(app));
  const stop = async (signal: string) => {
    process.stdout.write(`\n${signal}: stopping\n`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Ledgerline failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});

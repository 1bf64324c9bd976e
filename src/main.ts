import "reflect-metadata";
import { constants } from "node:os";
import { loadConfig, ConfigError, type GatewayConfig } from "./config/index.js";
import { startLedgerline, type RunningLedgerline } from "./app/start-ledgerline.js";
import { banner } from "./app/banner.js";

const STOP_SIGNALS = ["SIGTERM", "SIGINT"] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

/** Time allowed to the stop beyond its drain: WebSocket close handshakes, a poll step under way (up to the upstream timeout), closing the stores. */
const STOP_MARGIN_MS = 15_000;

/**
 * `npm start`: validate config, start everything on the embedded default unless configured otherwise.
 * The process owns SIGTERM and SIGINT: the first one stops everything in order (see `RunningLedgerline.stop`)
 * and exits 0; a second one during the stop exits at once.
 */
async function main() {
  const config = loadConfig();
  let app: RunningLedgerline | undefined;
  let received: StopSignal | undefined;

  const onSignal = (signal: StopSignal) => {
    if (received) {
      process.stderr.write(`${signal} again while stopping: exiting now; running requests are cut and this instance's poll leases lapse on their own\n`);
      process.exit(128 + constants.signals[signal]);
    }
    received = signal;
    if (app) void stop(app, signal, config);
    else process.stdout.write(`\n${signal}: stopping as soon as the start completes (send ${signal} again to exit now)\n`);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  app = await startLedgerline({ config });
  process.stdout.write(banner(app));
  if (received) void stop(app, received, config);
}

async function stop(app: RunningLedgerline, signal: StopSignal, config: GatewayConfig): Promise<void> {
  const { stopDelaySeconds, drainSeconds } = config.lifecycle;
  const allowedMs = (stopDelaySeconds + drainSeconds) * 1000 + config.upstream.timeoutMs + STOP_MARGIN_MS;
  process.stdout.write(`\n${signal}: stopping (running requests get up to ${drainSeconds} s; send ${signal} again to exit now)\n`);
  const overdue = setTimeout(() => {
    process.stderr.write(`The stop did not complete within ${Math.round(allowedMs / 1000)} s (a store not answering?); exiting without finishing it\n`);
    process.exit(1);
  }, allowedMs);
  overdue.unref();
  try {
    await app.stop();
  } catch (error) {
    process.stderr.write(`The stop failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.stdout.write("Stopped.\n");
  process.exit(0);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Ledgerline failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run sandboxes`: runs the Xero, Daftra and Clientary sandboxes once, for a cluster of gateways
 * that each run with `LEDGERLINE_SANDBOX=false` and connect to these. Prints the connection details
 * for people, then one `SANDBOXES_READY {json}` line for scripts, and stops cleanly on SIGTERM/SIGINT.
 *
 * Each sandbox keeps its books in its own file in `--data-dir` (the same file names as the embedded
 * default: xero-sandbox.json, daftra-sandbox.json, clientary-sandbox.json), so a restart keeps them.
 * Wrong option values exit 2 with a message naming the option.
 */
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { createXeroSandbox, type XeroSandbox } from "../../connectors/xero/sandbox/server.js";
import { createDaftraSandbox, type DaftraSandbox } from "../../connectors/daftra/sandbox/server.js";
import { createClientarySandbox, type ClientarySandbox } from "../../connectors/clientary/sandbox/server.js";
import { createLogger, type Logger, type LogLevel } from "../infra/logger.js";

/** Exit codes: 0 stopped by a signal, 1 failed while running, 2 a wrong option (the message names it). */
const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;
const MAX_ACTIVITY_MS = 86_400_000;
const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

/** The options as parsed and checked. */
interface SandboxesOptions {
  dataDir: string;
  host: string;
  xeroPort: number;
  daftraPort: number;
  clientaryPort: number;
  /** Seed of the simulated activity (as `LEDGERLINE_SANDBOX_SEED`); absent ⇒ each sandbox's own. */
  seed?: number;
  /** One simulated business action per sandbox every so many ms (as `LEDGERLINE_SANDBOX_ACTIVITY_MS`); 0 ⇒ still. */
  activityMs: number;
  /** Where the Xero sandbox sends its signed webhooks (a cluster's load balancer), and the key it signs them with (the gateways' `XERO_WEBHOOK_KEY`). */
  xeroWebhookUrl?: string;
  xeroWebhookKey?: string;
}

/**
 * What the `SANDBOXES_READY` line carries: per sandbox, what a gateway or the `ledgerline` CLI needs to
 * connect to it. Xero: `XERO_IDENTITY_URL` and `XERO_API_URL` are `url`, with `XERO_CLIENT_ID`/`XERO_CLIENT_SECRET`.
 * Daftra: `orgs connect-daftra --site <siteUrl> --api-key <apiKey>` (`url` is the API base, below `/api2`).
 * Clientary: `orgs connect-clientary --site <siteUrl> --token <token>` (`url` is the API, below `/api/v2`).
 */
interface SandboxesReady {
  xero: { url: string; clientId: string; clientSecret: string };
  daftra: { url: string; siteUrl: string; apiKey: string };
  clientary: { url: string; siteUrl: string; token: string };
}

/** A refusal that names the option to fix; exits 2. */
class OptionError extends Error {}

function integerOption(name: string, min: number, max: number, what: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${name} must be ${what}, got "${text}"`);
    }
    return value;
  };
}

const portOption = (name: string) => integerOption(name, 0, 65_535, "a port number from 0 to 65535 (0 picks a free port)");

function hostOption(text: string): string {
  const host = text.trim();
  if (host === "" || /[\s/]/.test(host)) throw new InvalidArgumentError(`--host must be an interface address or host name such as 127.0.0.1, got "${text}"`);
  return host;
}

function webhookUrlOption(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError(`--xero-webhook-url must be an http(s) URL such as http://127.0.0.1:8080/webhooks/xero, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InvalidArgumentError(`--xero-webhook-url must be an http(s) URL, got "${text}"`);
  return url.toString();
}

function dataDirOption(text: string): string {
  if (text.trim() === "") throw new InvalidArgumentError("--data-dir must name a folder, e.g. ./data/sandboxes");
  return text;
}

/** The command line, parsed; throws a CommanderError (wrong option) or answers the checked options. */
function parseSandboxesOptions(argv: readonly string[]): SandboxesOptions {
  const program = new Command("sandboxes")
    .description("Run the Xero, Daftra and Clientary sandboxes once, for gateways that run with LEDGERLINE_SANDBOX=false.")
    .option("--data-dir <dir>", "folder for the sandboxes' state files (one per sandbox)", dataDirOption, "./data/sandboxes")
    .option("--host <host>", "interface to bind", hostOption, "127.0.0.1")
    .option("--xero-port <port>", "port of the Xero sandbox (0 picks a free one)", portOption("--xero-port"), 4010)
    .option("--daftra-port <port>", "port of the Daftra sandbox (0 picks a free one)", portOption("--daftra-port"), 4011)
    .option("--clientary-port <port>", "port of the Clientary sandbox (0 picks a free one)", portOption("--clientary-port"), 4012)
    .option("--seed <n>", "seed of the simulated activity, to replay the same actions (default: each sandbox's own)", integerOption("--seed", 0, 2 ** 31 - 1, "a whole number from 0 to 2147483647"))
    .option("--activity-ms <ms>", "one simulated business action per sandbox every so many ms; 0 keeps the books still", integerOption("--activity-ms", 0, MAX_ACTIVITY_MS, `a whole number of milliseconds from 0 to ${MAX_ACTIVITY_MS}`), 4000)
    .exitOverride()
    .option("--xero-webhook-url <url>", "send the Xero sandbox's signed webhooks here (e.g. the load balancer's /webhooks/xero); needs --xero-webhook-key", webhookUrlOption)
    .option("--xero-webhook-key <key>", "the key webhooks are signed with: the gateways' XERO_WEBHOOK_KEY")
    .configureOutput({ outputError: () => undefined });
  program.parse([...argv], { from: "user" });
  const o = program.opts<SandboxesOptions>();
  if ((o.xeroWebhookUrl === undefined) !== (o.xeroWebhookKey === undefined) || o.xeroWebhookKey === "") {
    throw new OptionError(o.xeroWebhookUrl === undefined ? "--xero-webhook-key needs --xero-webhook-url, where the webhooks go" : "--xero-webhook-url needs --xero-webhook-key, the key the gateways check signatures with (XERO_WEBHOOK_KEY)");
  }
  return {
    dataDir: o.dataDir, host: o.host, xeroPort: o.xeroPort, daftraPort: o.daftraPort, clientaryPort: o.clientaryPort, activityMs: o.activityMs, ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.xeroWebhookUrl !== undefined ? { xeroWebhookUrl: o.xeroWebhookUrl, xeroWebhookKey: o.xeroWebhookKey! } : {}),
  };
}

/** The three sandboxes, started and listening. */
interface RunningSandboxes {
  xero: XeroSandbox;
  daftra: DaftraSandbox;
  clientary: ClientarySandbox;
  ready: SandboxesReady;
  /** Stops the activity, stops listening and saves each sandbox's state. */
  close(): Promise<void>;
}

/** Turns a listen failure into a refusal naming the option that chose the address. */
function listenRefusal(error: unknown, portFlag: string, port: number, host: string): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EADDRINUSE") return new OptionError(`${portFlag} ${port}: the port is in use on ${host}; stop what uses it, pick another port, or give 0 for a free one`);
  if (code === "EACCES") return new OptionError(`${portFlag} ${port}: not allowed to listen on this port; pick one above 1023, or 0 for a free one`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") return new OptionError(`--host ${host}: no such interface on this machine; give an address it has, e.g. 127.0.0.1 or 0.0.0.0`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The address to give out for a sandbox: bound to every interface (0.0.0.0, ::), this machine's loopback
 * address, which the gateway and the CLI accept over plain http (they refuse plain http to other hosts).
 */
function advertised(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === "0.0.0.0") parsed.hostname = "127.0.0.1";
  else if (parsed.hostname === "[::]") parsed.hostname = "[::1]";
  return parsed.pathname === "/" ? parsed.origin : `${parsed.origin}${parsed.pathname}`;
}

/** Starts the three sandboxes (closing those already started when one fails). */
async function startSandboxes(options: SandboxesOptions, logger: Logger): Promise<RunningSandboxes> {
  try {
    fs.mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw new OptionError(`--data-dir ${options.dataDir}: cannot create the folder (${(error as Error).message}); give a folder that can be written`);
  }
  const file = (name: string) => path.join(options.dataDir, name);
  const activity = options.activityMs > 0 ? { everyMs: options.activityMs, ...(options.seed !== undefined ? { seed: options.seed } : {}) } : null;
  const { host } = options;
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const sandbox of started.reverse()) await sandbox.close();
  };
  try {
    const xero = await createXeroSandbox({
      port: options.xeroPort, host, dataFile: file("xero-sandbox.json"), activity, logger: logger.child({ sandbox: "xero" }),
      ...(options.xeroWebhookUrl ? { webhooks: { url: options.xeroWebhookUrl, key: options.xeroWebhookKey! } } : {}),
    }).catch((error: unknown) => { throw listenRefusal(error, "--xero-port", options.xeroPort, host); });
    started.push(xero);
    const daftra = await createDaftraSandbox({ port: options.daftraPort, host, dataFile: file("daftra-sandbox.json"), activity })
      .catch((error: unknown) => { throw listenRefusal(error, "--daftra-port", options.daftraPort, host); });
    started.push(daftra);
    const clientary = await createClientarySandbox({ port: options.clientaryPort, host, dataFile: file("clientary-sandbox.json"), ...(activity ? { activity } : {}) })
      .catch((error: unknown) => { throw listenRefusal(error, "--clientary-port", options.clientaryPort, host); });
    started.push(clientary);
    const ready: SandboxesReady = {
      xero: { url: advertised(xero.url), clientId: xero.clientId, clientSecret: xero.clientSecret },
      daftra: { url: advertised(daftra.url), siteUrl: new URL(advertised(daftra.url)).origin, apiKey: daftra.apiKey },
      clientary: { url: `${advertised(clientary.url)}/api/v2`, siteUrl: advertised(clientary.url), token: clientary.apiToken },
    };
    let closing: Promise<void> | undefined;
    return { xero, daftra, clientary, ready, close: () => (closing ??= closeAll()) };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

/** The human-readable connection details. */
function describeSandboxes(running: RunningSandboxes, options: SandboxesOptions): string {
  const { xero, daftra, clientary } = running.ready;
  const quote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  return [
    `Sandboxes running (state in ${path.resolve(options.dataDir)}; activity ${options.activityMs > 0 ? `one action every ${options.activityMs} ms per sandbox` : "off"}).`,
    "",
    `Xero       ${xero.url}  (OIDC issuer and API host; tenant ${running.xero.tenantId})`,
    "  gateway environment:",
    `    XERO_IDENTITY_URL=${xero.url}`,
    `    XERO_API_URL=${xero.url}`,
    `    XERO_CLIENT_ID=${quote(xero.clientId)}`,
    `    XERO_CLIENT_SECRET=${quote(xero.clientSecret)}`,
    "    XERO_REDIRECT_URI=http://127.0.0.1:<gateway port>/connect/xero/callback  (the sandbox consents at once and sends back to loopback addresses only)",
    "",
    `Daftra     ${daftra.url}  (header "apikey: ${daftra.apiKey}")`,
    `  npx ledgerline orgs connect-daftra --site ${quote(daftra.siteUrl)} --api-key ${quote(daftra.apiKey)}`,
    "",
    `Clientary  ${clientary.url}  (HTTP Basic, the token as user name)`,
    `  npx ledgerline orgs connect-clientary --site ${quote(clientary.siteUrl)} --token ${quote(clientary.token)}`,
    "",
    "Run each gateway with LEDGERLINE_SANDBOX=false. Ctrl-C or SIGTERM stops the sandboxes and saves their books.",
  ].join("\n");
}

function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === "") return "warn";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new OptionError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  return raw as LogLevel;
}

async function main(): Promise<void> {
  let options: SandboxesOptions;
  let logger: Logger;
  try {
    options = parseSandboxesOptions(process.argv.slice(2));
    logger = createLogger(logLevelFrom(process.env), { component: "sandboxes" });
  } catch (error) {
    if (error instanceof CommanderError && (error.code === "commander.helpDisplayed" || error.code === "commander.version")) process.exit(EXIT.OK);
    process.stderr.write(`sandboxes: ${(error as Error).message.replace(/^error: /, "")}\n(add --help for the options)\n`);
    process.exit(EXIT.USAGE);
  }

  let running: RunningSandboxes;
  try {
    running = await startSandboxes(options, logger);
  } catch (error) {
    process.stderr.write(`sandboxes: ${error instanceof OptionError ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(error instanceof OptionError ? EXIT.USAGE : EXIT.FAILED);
  }
  process.stdout.write(`${describeSandboxes(running, options)}\n`);
  process.stdout.write(`SANDBOXES_READY ${JSON.stringify(running.ready)}\n`);

  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal} received, stopping the sandboxes\n`);
    running.close().then(
      () => process.exit(EXIT.OK),
      (error: unknown) => {
        process.stderr.write(`sandboxes: stopping failed: ${String((error as Error)?.stack ?? error)}\n`);
        process.exit(EXIT.FAILED);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

await main();

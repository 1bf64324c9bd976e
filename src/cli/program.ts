import { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { createLogger, type Logger } from "../infra/logger.js";
import { openCliServices, type CliServices } from "./cli-services.js";
import { createOutput, type Output } from "./output.js";
import { describeFailure, EXIT } from "./cli-errors.js";
import { keyCommands } from "./keys.command.js";
import { organizationCommands } from "./orgs.command.js";

/** What the CLI reads and writes besides the store: injected so a run is one function call. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, for secrets given as "-". */
  readStdin: () => Promise<string>;
}

/** One command's run: the opened services and where its answer goes. */
export type CommandRun = (services: CliServices, out: Output) => Promise<void>;
export type Runner = (command: Command, run: CommandRun) => Promise<void>;


/**
 * `ledgerline`: administers the gateway's API keys and organizations on its own store. Answers 0 on
 * success; otherwise prints what is wrong on stderr (one JSON object with `--json`) and answers the
 * exit code of `EXIT`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = new Command("ledgerline")
    .description("Administer a Ledgerline gateway: API keys and connected organizations, on the store the gateway uses (LEDGERLINE_DATA_DIR / LEDGERLINE_STORE_URL).")
    .option("--json", "print one JSON document (errors too, on stderr) for scripts")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });

  const jsonOf = (command: Command) => Boolean(command.optsWithGlobals().json);
  const run: Runner = async (command, work) => {
    const config = loadConfig(io.env);
    const logger: Logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : "warn");
    const services = await openCliServices(config, logger);
    try {
      await work(services, createOutput(jsonOf(command), io.stdout));
    } finally {
      await services.close();
    }
  };

  keyCommands(program, run);
  organizationCommands(program, run, io);

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version") return EXIT.OK;
    // No command given: the help went to stderr.
    if (code === "commander.help") return EXIT.USAGE;
    const failure = describeFailure(error);
    const json = argv.includes("--json");
    if (json) io.stderr(`${JSON.stringify({ error: { code: failure.code, message: failure.message, ...(failure.fields ? { fields: failure.fields } : {}) } })}\n`);
    else io.stderr(`ledgerline: ${failure.message}\n${failure.exitCode === EXIT.USAGE && code?.startsWith("commander.") ? "(add --help for the commands and options)\n" : ""}`);
    exitCode = failure.exitCode;
  }
  return exitCode;
}

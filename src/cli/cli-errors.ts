import { CommanderError } from "commander";
import { ConfigError } from "../config/index.js";
import { ErrorCode, isGatewayError } from "../errors/index.js";

/** Exit codes, documented in the README. */
export const EXIT = {
  OK: 0,
  /** A provider or store failed, or something unexpected. */
  FAILED: 1,
  /** A wrong command, option or input; the message names it. */
  USAGE: 2,
  /** The key or organization named does not exist. */
  NOT_FOUND: 3,
  /** The configuration (environment) is wrong or the store cannot be opened. */
  CONFIG: 4,
} as const;

/** A refusal the CLI itself raises (a missing option value, a key that cannot be used). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.USAGE, readonly field?: string) {
    super(message);
    this.name = "CliError";
  }
}

export interface Failure {
  exitCode: number;
  code: string;
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

/** What to say and which exit code to give for an error a command threw. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof CliError) return { exitCode: error.exitCode, code: "USAGE", message: error.message, ...(error.field ? { fields: [{ field: error.field, message: error.message }] } : {}) };
  if (error instanceof ConfigError) return { exitCode: EXIT.CONFIG, code: "CONFIG", message: error.message };
  if (error instanceof CommanderError) return { exitCode: EXIT.USAGE, code: "USAGE", message: error.message.replace(/^error: /, "") };
  if (isGatewayError(error)) {
    const fields = (error.extensions as { fields?: Failure["fields"] }).fields;
    const exitCode = error.code === ErrorCode.BAD_USER_INPUT ? EXIT.USAGE : error.code === ErrorCode.NOT_FOUND ? EXIT.NOT_FOUND : EXIT.FAILED;
    return { exitCode, code: error.code, message: error.message, ...(fields ? { fields } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.FAILED, code: "FAILED", message: `${message} (run with LOG_LEVEL=debug for details)` };
}

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

/** The compiled CLI, as `npx ledgerline` runs it (`npm test` builds first). */
export const CLI = "dist/src/cli/main.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = any>(): T;
}

/**
 * Runs `node dist/src/cli/main.js …args` as a child process with only `env` (plus PATH and HOME) in its
 * environment, feeding `input` on standard input, and collects what it prints and its exit code.
 */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build), as npm test does`);
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout,
        stderr,
        json: () => {
          try {
            return JSON.parse(stdout);
          } catch {
            throw new Error(`the CLI printed no JSON (exit ${code}):\n${stdout}\n${stderr}`);
          }
        },
      }),
    );
  });
}

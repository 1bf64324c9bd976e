import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePrivateDir, narrowToPrivate, PRIVATE_FILE_MODE } from "../store/private-files.js";
import { ConfigError } from "./config-error.js";
import type { GatewayConfig } from "./load-config.js";

/** Name of the generated key file inside the data folder. */
export const SECRET_KEY_FILE = "secret.key";

/**
 * The key that encrypts secrets at rest: `LEDGERLINE_SECRET_KEY` when set, otherwise the content
 * of `<dataDir>/secret.key`, which is generated once (32 random bytes, base64, mode 0600, in a data
 * folder created 0700) and then reused on every start; one an earlier version left readable by others
 * is narrowed to 0600. Losing that file makes stored credentials unreadable, so back it up with
 * the data folder.
 */
export function resolveSecretKey(config: Pick<GatewayConfig, "secretKey" | "dataDir">): string {
  if (config.secretKey !== undefined) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  ensurePrivateDir(config.dataDir);
  try {
    // "wx" fails when the file exists, so two processes starting together never overwrite each other.
    writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: PRIVATE_FILE_MODE, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    narrowToPrivate(file);
  }
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) {
    throw new ConfigError([
      `LEDGERLINE_SECRET_KEY: not set, and ${file} holds ${key.length} characters instead of at least 32; restore the file from backup or set LEDGERLINE_SECRET_KEY`,
    ]);
  }
  return key;
}

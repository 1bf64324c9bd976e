import { chmodSync, closeSync, mkdirSync, openSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Owner read/write only: what every file of the gateway's durable state gets (state, keys, credentials). */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only: what a folder the gateway creates for its state gets. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` (and missing parents) readable by the owner only. An existing folder is left as it
 * is: it may be one the operator chose and shares (LEDGERLINE_DATA_DIR=/srv), so its mode is theirs.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes sure `file` exists with mode 0600, creating it empty (and its folder 0700) when missing and
 * narrowing the mode of one an earlier version left group- or world-readable. A file created here
 * is 0600 whatever the umask, because a umask only ever removes bits.
 */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(path.dirname(path.resolve(file)));
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  narrowToPrivate(file);
}

/** Sets 0600 on an existing file whose mode lets anyone but its owner in; ignores a file that is not there. */
export function narrowToPrivate(file: string): void {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * Replaces `file` with `text` in one step (a temporary file beside it, then a rename, so a crash
 * never leaves half a file), mode 0600, creating its folder 0700 when missing.
 */
export function writePrivateFileAtomically(file: string, text: string): void {
  ensurePrivateDir(path.dirname(path.resolve(file)));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: PRIVATE_FILE_MODE });
  // A temporary file a crash left behind keeps its old mode through writeFileSync: set it before the rename.
  chmodSync(temporary, PRIVATE_FILE_MODE);
  renameSync(temporary, file);
}

/**
 * Optional JSON persistence of the sandbox state (books + identity): loaded at start when the file
 * exists, saved after every change (debounced) by writing a temporary file and renaming it over
 * the old one, so a crash never leaves half a file. Mode 0600: it holds the tokens the sandbox issued.
 */
import { readFileSync, existsSync } from "node:fs";
import { writePrivateFileAtomically } from "../../../../src/store/private-files.js";
import type { SandboxLogger, SandboxState } from "../runtime.js";

const FORMAT_VERSION = 1;
const DEBOUNCE_MS = 20;

interface StateFile extends SandboxState {
  version: number;
}

export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<StateFile>;
  if (parsed.version !== FORMAT_VERSION || !parsed.books || !parsed.identity) {
    throw new Error(`${file} is not a Xero sandbox state file (version ${FORMAT_VERSION})`);
  }
  return { books: parsed.books, identity: parsed.identity };
}

export function saveStateNow(file: string, state: SandboxState): void {
  const body: StateFile = { version: FORMAT_VERSION, ...state };
  writePrivateFileAtomically(file, JSON.stringify(body));
}

export interface StateSaver {
  /** Schedules a save; several changes within the debounce window are written once. */
  schedule(): void;
  /** Writes any pending change now. */
  flush(): void;
}

export function createStateSaver(file: string | undefined, state: () => SandboxState, logger: SandboxLogger): StateSaver {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    try {
      saveStateNow(file!, state());
    } catch (error) {
      logger.error?.("xero sandbox: could not save state", { file, error: String(error) });
    }
  };
  if (!file) return { schedule: () => {}, flush: () => {} };
  return {
    schedule: () => {
      timer ??= setTimeout(write, DEBOUNCE_MS);
    },
    flush: () => {
      if (!timer) return;
      clearTimeout(timer);
      write();
    },
  };
}

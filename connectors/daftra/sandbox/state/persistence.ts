/**
 * Optional JSON persistence of the books: loaded at start when the file exists, written (debounced,
 * via a temporary file and a rename, mode 0600) after changes and on close.
 */
import { existsSync, readFileSync } from "node:fs";
import { writePrivateFileAtomically } from "../../../../src/store/private-files.js";
import type { SandboxState } from "../runtime.js";

const FORMAT = "daftra-sandbox/1";

export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { format?: string } & Partial<SandboxState>;
  if (parsed.format !== FORMAT || !parsed.books) throw new Error(`${file} is not a Daftra sandbox state file (${FORMAT})`);
  return { books: parsed.books };
}

export function saveState(file: string, state: SandboxState): void {
  writePrivateFileAtomically(file, JSON.stringify({ format: FORMAT, ...state }));
}

export function createStateSaver(file: string | undefined, state: SandboxState) {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    saveState(file!, state);
  };
  return {
    schedule: () => {
      if (file) timer ??= setTimeout(write, 20);
    },
    flush: () => {
      if (!file || !timer) return;
      clearTimeout(timer);
      write();
    },
  };
}

/**
 * Optional JSON persistence of the books: loaded at start when the file exists, saved (debounced,
 * temporary file then rename, mode 0600) after every write and once when the file is new.
 */
import { existsSync, readFileSync } from "node:fs";
import { writePrivateFileAtomically } from "../../../../src/store/private-files.js";
import type { ClientaryBooks } from "../books/types.js";

const FORMAT_VERSION = 1;
const DEBOUNCE_MS = 20;

export function loadBooks(file: string): ClientaryBooks | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { version?: number; books?: ClientaryBooks };
  if (parsed.version !== FORMAT_VERSION || !parsed.books) throw new Error(`${file} is not a Clientary sandbox state file (version ${FORMAT_VERSION})`);
  return parsed.books;
}

export function createBooksSaver(file: string | undefined, books: ClientaryBooks) {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    writePrivateFileAtomically(file!, JSON.stringify({ version: FORMAT_VERSION, books }));
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

/**
 * Optional JSON persistence of the books: loaded at start when the file exists, saved (debounced,
 * temporary file then rename) after every write and once when the file is new.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
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
    mkdirSync(path.dirname(path.resolve(file!)), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: FORMAT_VERSION, books }));
    renameSync(temporary, file!);
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

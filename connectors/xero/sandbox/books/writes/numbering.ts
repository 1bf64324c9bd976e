import type { XeroBooks } from "../types.js";

/** Next free number for a prefix ("INV" gives "INV-0706"), skipping numbers already taken. */
export function nextDocumentNumber(books: XeroBooks, prefix: string, taken: (candidate: string) => boolean): string {
  let n = books.sequences[prefix] ?? 0;
  let candidate: string;
  do {
    n += 1;
    candidate = `${prefix}-${String(n).padStart(4, "0")}`;
  } while (taken(candidate));
  books.sequences[prefix] = n;
  return candidate;
}

/** Checks the write tests share: whether the sandbox's journals balance, and what an error answered. */
import { Decimal } from "decimal.js";
import type { DaftraBooks } from "../sandbox/books/types.js";
import type { DaftraSandbox } from "../sandbox/server.js";

/** Journals whose debits and credits differ (none, in balanced books). */
export function unbalancedJournals(books: DaftraBooks) {
  return books.journals.filter((j) => {
    const sum = (key: "debit" | "credit") => j.lines.reduce((s, l) => s.plus(l[key]), new Decimal(0));
    return !sum("debit").eq(sum("credit"));
  });
}

/** The trial balance of the whole ledger: Σ debits − Σ credits (zero when the books balance). */
export const ledgerDifference = (books: DaftraBooks) =>
  books.journals.flatMap((j) => j.lines).reduce((s, l) => s.plus(l.debit).minus(l.credit), new Decimal(0)).toFixed(2);

/** Requests that could have written (anything but GET) since the last reset. */
export const writeRequests = (sandbox: DaftraSandbox) =>
  Object.entries(sandbox.stats.byMethod).filter(([method]) => method !== "GET").reduce((n, [, count]) => n + count, 0);

/** The answer of a call expected to fail, with its code and extensions. */
export async function failureOf(run: Promise<unknown>): Promise<{ code: string; message: string; extensions: Record<string, unknown> }> {
  try {
    await run;
  } catch (error) {
    const e = error as { message: string; extensions?: Record<string, unknown> };
    return { code: String(e.extensions?.code), message: e.message, extensions: e.extensions ?? {} };
  }
  throw new Error("expected the call to fail, and it succeeded");
}

/** Every journal posted for one record. */
export const journalsOf = (books: DaftraBooks, entityType: string, entityId: number) =>
  books.journals.filter((j) => j.entity_type === entityType && j.entity_id === entityId);

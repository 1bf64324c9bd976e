/**
 * Daftra's general ledger in the shared reports engine's shape. Daftra has no report endpoints, but
 * it posts every financial document to journals: the chart comes from `/journal_accounts`, the
 * postings from `/journals?recursive=1` (accrual basis — journals are posted on document dates).
 * The cash basis is derived from the same journals (see `cash-journal-ledger.ts`).
 */
import { Decimal } from "decimal.js";
import type { Ledger, Posting } from "../../../src/reports/engine/index.js";
import type { AccountTotal } from "../../../src/reports/engine/books-checks.js";
import type { DaftraApi } from "../client/daftra-api.js";
import { parseRow } from "../entities/daftra-entity.js";
import { toIsoDate, type DateOrder } from "../mapping/dates.js";
import { journalAccountSchema, journalSchema, type DaftraJournalAccount } from "../mapping/wire-schemas.js";
import { fetchAll } from "../query/list-records.js";
import { accountRoles, toLedgerAccount } from "./journal-accounts.js";

export { toLedgerAccount } from "./journal-accounts.js";

/** One journal line as a posting (debit positive), keeping which journal and record it belongs to. */
export interface JournalPosting extends Posting {
  source: { type: string; id: string };
  /** The record the journal was posted for, e.g. the invoice's or the payment's id. */
  entityId: string | null;
}

/** The journal as read: the chart, every line, and the account totals Daftra states. */
export interface JournalBooks {
  accounts: DaftraJournalAccount[];
  postings: JournalPosting[];
  totals: AccountTotal[];
}

export interface JournalLedgerOptions {
  currency: string;
  organizationName?: string | null;
  dateOrder?: DateOrder;
}

export async function readJournalBooks(api: DaftraApi, options: Pick<JournalLedgerOptions, "dateOrder"> = {}): Promise<JournalBooks> {
  const [accountRows, journalRows] = await Promise.all([
    // https://docs.daftara.dev (Journal Accounts: GET /journal_accounts)
    fetchAll(api, "journal_accounts"),
    // https://docs.daftara.dev (Journals: GET /journals, with JournalTransaction rows at depth 1)
    fetchAll(api, "journals", { recursive: 1 }),
  ]);
  const accounts = accountRows.map((row) => parseRow(journalAccountSchema, row, "JournalAccount"));
  const postings: JournalPosting[] = [];
  for (const journal of journalRows.map((row) => parseRow(journalSchema, row, "Journal"))) {
    const date = toIsoDate(journal.date, options.dateOrder);
    if (!date) continue;
    for (const line of journal.JournalTransaction) {
      const amount = new Decimal(line.debit ?? 0).minus(line.credit ?? 0);
      if (amount.isZero()) continue;
      const source = { type: journal.entity_type ?? "journal", id: journal.id };
      postings.push({ date, accountRemoteId: line.journal_account_id, amount: amount.toFixed(2), source, entityId: journal.entity_id });
    }
  }
  const totals = accounts.map((a) => ({ accountRemoteId: a.id, debit: a.total_debit ?? "0", credit: a.total_credit ?? "0" }));
  return { accounts, postings, totals };
}

/** The accrual ledger: every journal line, on the chart placed by what posts to each account. */
export function journalLedger(books: JournalBooks, options: JournalLedgerOptions): Ledger {
  const roles = accountRoles(books.postings);
  return {
    currency: options.currency,
    financialYearEnd: { month: 12, day: 31 },
    accounts: books.accounts.map((a) => toLedgerAccount(a, roles.get(a.id))),
    postings: books.postings,
    organizationName: options.organizationName ?? null,
  };
}

export async function loadJournalLedger(api: DaftraApi, options: JournalLedgerOptions): Promise<Ledger> {
  return journalLedger(await readJournalBooks(api, options), options);
}

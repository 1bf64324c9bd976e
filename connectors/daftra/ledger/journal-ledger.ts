/**
 * Daftra's general ledger in the shared reports engine's shape. Daftra has no report endpoints, but
 * it posts every financial document to journals: the chart comes from `/journal_accounts`, the
 * postings from `/journals?recursive=1` (accrual basis — journals are posted on document dates).
 * Not yet wired to the adapter's reports: the lead connects it to the engine.
 */
import { Decimal } from "decimal.js";
import { AccountClass } from "../../../schema/account/account.type.js";
import { ReportSectionKey } from "../../../src/reports/section-keys.js";
import type { Ledger, LedgerAccount, Posting } from "../../../src/reports/engine/index.js";
import type { DaftraApi } from "../client/daftra-api.js";
import { parseRow } from "../entities/daftra-entity.js";
import { toIsoDate, type DateOrder } from "../mapping/dates.js";
import { accountClassOf } from "../mapping/to-reference-data.js";
import { journalAccountSchema, journalSchema, type DaftraJournalAccount } from "../mapping/wire-schemas.js";
import { fetchAll } from "../query/list-records.js";

const SECTION_BY_CLASS: Record<AccountClass, ReportSectionKey> = {
  [AccountClass.ASSET]: ReportSectionKey.CURRENT_ASSETS,
  [AccountClass.LIABILITY]: ReportSectionKey.CURRENT_LIABILITIES,
  [AccountClass.EQUITY]: ReportSectionKey.EQUITY,
  [AccountClass.REVENUE]: ReportSectionKey.INCOME,
  [AccountClass.EXPENSE]: ReportSectionKey.OPERATING_EXPENSES,
};

export function toLedgerAccount(account: DaftraJournalAccount): LedgerAccount {
  const accountClass = accountClassOf(account.code);
  return {
    remoteId: account.id,
    code: account.code,
    name: account.name ?? `Account ${account.id}`,
    class: accountClass,
    sectionKey: account.entity_type === "treasury" ? ReportSectionKey.BANK : SECTION_BY_CLASS[accountClass],
  };
}

export interface JournalLedgerOptions {
  currency: string;
  organizationName?: string | null;
  dateOrder?: DateOrder;
}

export async function loadJournalLedger(api: DaftraApi, options: JournalLedgerOptions): Promise<Ledger> {
  const [accountRows, journalRows] = await Promise.all([
    // https://docs.daftara.dev (Journal Accounts: GET /journal_accounts)
    fetchAll(api, "journal_accounts"),
    // https://docs.daftara.dev (Journals: GET /journals, with JournalTransaction rows at depth 1)
    fetchAll(api, "journals", { recursive: 1 }),
  ]);
  const accounts = accountRows.map((row) => toLedgerAccount(parseRow(journalAccountSchema, row, "JournalAccount")));
  const postings: Posting[] = [];
  for (const journal of journalRows.map((row) => parseRow(journalSchema, row, "Journal"))) {
    const date = toIsoDate(journal.date, options.dateOrder);
    if (!date) continue;
    for (const line of journal.JournalTransaction) {
      const amount = new Decimal(line.debit ?? 0).minus(line.credit ?? 0);
      if (amount.isZero()) continue;
      postings.push({ date, accountRemoteId: line.journal_account_id, amount: amount.toFixed(2), source: { type: journal.entity_type ?? "journal", id: journal.id } });
    }
  }
  return { currency: options.currency, financialYearEnd: { month: 12, day: 31 }, accounts, postings, organizationName: options.organizationName ?? null };
}

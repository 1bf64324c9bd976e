import type { AccountClass } from "../../../schema/account/account.type.js";
import type { Provider } from "../../../schema/common/provider.enum.js";
import type { ReportSectionKey } from "../section-keys.js";
import type { BooksEvidence } from "./books-checks.js";

export type { AccountClass };

/** One account of the chart, placed in a shared report section. */
export interface LedgerAccount {
  remoteId: string;
  code?: string | null;
  name: string;
  class: AccountClass;
  /** A shared section key; one that does not fit the class falls back to the class's usual section. */
  sectionKey: ReportSectionKey | string;
}

/** One side of a journal entry. */
export interface Posting {
  /** "YYYY-MM-DD" */
  date: string;
  accountRemoteId: string;
  /** Signed decimal string: debit positive, credit negative. */
  amount: string;
  source?: { type: string; id: string };
  /** Tracking of the document line it comes from: category remote id → option remote id (see tracking-breakdown.ts). */
  tracking?: Readonly<Record<string, string>>;
}

export interface FinancialYearEnd {
  /** 1-12 */
  month: number;
  day: number;
}

/**
 * Everything the engine reports from, provider-neutral. `postings` are already on the basis the
 * report asks for (see `documentPostings` for deriving either basis from documents).
 */
export interface Ledger {
  currency: string;
  financialYearEnd: FinancialYearEnd;
  accounts: readonly LedgerAccount[];
  postings: readonly Posting[];
  /** Equity account that carries earlier years' profit; without one, a computed "Retained Earnings" line does. */
  retainedEarningsAccountRemoteId?: string | null;
  /** Shown as the report title's second part, when given. */
  organizationName?: string | null;
  /** The books behind the ledger (other basis, payments, journal totals): given, reports add the checks they allow. */
  evidence?: BooksEvidence;
}

/** Who the report is for. */
export interface EngineContext {
  organizationId: string;
  provider: Provider;
}

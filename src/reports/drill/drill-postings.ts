import type { EntityName } from "../../connector/entities.js";

/**
 * The postings behind report lines, as the gateway's drill-down reads them: every journal line of
 * one organization on one basis, whatever account it is on. The schema filters them per line and
 * column (`postingsOfLine`), so one read serves every line of a report.
 */

/** The record a posting came from, when the schema has that record (null otherwise). */
export interface DocumentRef {
  entity: EntityName;
  remoteId: string;
}

/** One side of a journal entry, with what the drill-down shows about it. */
export interface DrillPosting {
  /** "YYYY-MM-DD" */
  date: string;
  accountRemoteId: string;
  accountCode?: string | null;
  /** Signed decimal string: debit positive, credit negative. */
  amount: string;
  description?: string | null;
  /** The provider's (or the engine's) source of the entry, e.g. { type: "ACCREC", id: "…" }. */
  source?: { type: string; id: string } | null;
  document?: DocumentRef | null;
}

/** Every posting of a ledger, and each account's direction. */
export interface LedgerPostings {
  postings: DrillPosting[];
  /**
   * +1 for debit-natured accounts (assets, costs), -1 for credit-natured ones (income, liabilities,
   * equity), by account remote id: a line shows its postings' sum times this.
   */
  signs: Record<string, 1 | -1>;
}

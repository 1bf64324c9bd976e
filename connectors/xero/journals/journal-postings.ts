import type { Journal } from "xero-node";
import { Decimal } from "decimal.js";
import type { AccountClass } from "../../../schema/account/account.type.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import type { EntityName } from "../../../src/connector/entities.js";
import type { DocumentRef, DrillPosting, LedgerPostings } from "../../../src/reports/drill/drill-postings.js";
import { signOf } from "../../../src/reports/engine/placement.js";
import type { XeroApi } from "../client/xero-api.js";
import { toIsoDate } from "../mapping/dates.js";

/** Journals Xero answers per call; fewer means the last page. */
const JOURNALS_PER_CALL = 100;

/**
 * Every journal of the organization on one basis, oldest first: GET /Journals page by page, each
 * call asking for those numbered above the last one read (`offset`). Cash basis: `paymentsOnly`.
 * https://developer.xero.com/documentation/api/accounting/journals#get-journals
 */
export async function readJournals(api: XeroApi, basis: ReportBasis): Promise<Journal[]> {
  const paymentsOnly = basis === ReportBasis.CASH || undefined;
  const journals: Journal[] = [];
  let offset = 0;
  for (;;) {
    const body = await api.call({ what: "Journals" }, (x, tenant) => x.getJournals(tenant, undefined, offset, paymentsOnly));
    const page = body.journals ?? [];
    journals.push(...page);
    const last = page.at(-1)?.journalNumber;
    if (page.length < JOURNALS_PER_CALL || last === undefined || last <= offset) return journals;
    offset = last;
  }
}

/** Xero journal SourceType → the unified record it names (SourceID); transfers, manual journals, prepayments, overpayments and payroll have none. */
const SOURCE_DOCUMENTS: Record<string, EntityName> = {
  ACCREC: "Invoice",
  ACCPAY: "Bill",
  ACCRECCREDIT: "CreditNote",
  ACCPAYCREDIT: "CreditNote",
  ACCRECPAYMENT: "Payment",
  ACCPAYPAYMENT: "Payment",
  ARCREDITPAYMENT: "Payment",
  APCREDITPAYMENT: "Payment",
  CASHREC: "BankTransaction",
  CASHPAID: "BankTransaction",
};

function documentOf(sourceType: string | undefined, sourceId: string | undefined): DocumentRef | null {
  if (!sourceType || !sourceId || !Object.hasOwn(SOURCE_DOCUMENTS, sourceType)) return null;
  return { entity: SOURCE_DOCUMENTS[sourceType]!, remoteId: sourceId };
}

/** Every journal line as a posting (NetAmount: debit positive), with each account's direction from the chart's classes. */
export function journalPostings(journals: readonly Journal[], classes: ReadonlyMap<string, AccountClass>): LedgerPostings {
  const postings: DrillPosting[] = [];
  const signs: Record<string, 1 | -1> = {};
  for (const [id, accountClass] of classes) signs[id] = signOf({ class: accountClass } as Parameters<typeof signOf>[0]);
  for (const journal of journals) {
    const date = toIsoDate(journal.journalDate);
    if (!date) continue;
    const sourceType = journal.sourceType ? String(journal.sourceType) : undefined;
    const source = journal.journalID ? { type: sourceType ?? "JOURNAL", id: journal.sourceID ?? journal.journalID } : null;
    for (const line of journal.journalLines ?? []) {
      if (!line.accountID) continue;
      postings.push({
        date,
        accountRemoteId: line.accountID,
        accountCode: line.accountCode ?? null,
        amount: new Decimal(line.netAmount ?? 0).toFixed(2),
        description: line.description || journal.reference || null,
        source,
        document: documentOf(sourceType, journal.sourceID),
      });
    }
  }
  return { postings, signs };
}

/** The drill-down behind Xero's report lines: the journal on the report's basis, each account's direction from the chart. */
export async function xeroReportPostings(api: XeroApi, basis: ReportBasis, chart: () => Promise<{ accounts?: ReadonlyMap<string, { class: AccountClass }> }>): Promise<LedgerPostings> {
  const [journals, context] = await Promise.all([readJournals(api, basis), chart()]);
  const classes = new Map([...(context.accounts ?? new Map<string, { class: AccountClass }>())].map(([id, account]) => [id, account.class] as const));
  return journalPostings(journals, classes);
}

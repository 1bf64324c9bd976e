import type { ReportExport } from "./reports.js";
import { amount, text, whole, type Cell, type ExportTable } from "./table.js";

/**
 * The standard reports beside the balance sheet and P&L (trial balance, aged receivables and
 * payables, cash summary) as exports. Each is one table a spreadsheet user can filter and sum: a
 * `Row` column first saying what the row is (`account`, `document`, `contact total`, `total`…),
 * descriptive columns, then the figures.
 */

/** The header every standard report answers with (schema/report/standard-reports.type.ts `StandardReport`). */
const STANDARD_FIELDS = "organizationId provider title currency source servedFrom generatedAt balanced checks { name passed message }";

interface StandardReportData {
  organizationId: string;
  provider: string;
  title: string;
  currency: string;
  source: string;
  servedFrom: string;
  generatedAt: string;
  balanced: boolean;
  checks: Array<{ name: string; passed: boolean; message: string }>;
}

interface PeriodData {
  label: string;
  fromDate?: string | null;
  toDate: string;
}

const periodsText = (periods: PeriodData[]) => periods.map((p) => `${p.label}: ${p.fromDate ? `${p.fromDate} to ${p.toDate}` : p.toDate}`).join("; ");

/** The About sheet of a standard report: what it is, `facts` (its date, basis…), then where it came from and its checks. */
function standardAbout(report: StandardReportData, facts: Array<[string, string]>): Array<[string, string]> {
  return [
    ["Report", report.title],
    ["Organization", report.organizationId],
    ["Provider", report.provider],
    ...facts,
    ["Currency", report.currency],
    ["Made by", report.source],
    ["Served from", report.servedFrom],
    ["Generated at", report.generatedAt],
    ["Balanced", report.balanced ? "yes" : "no"],
    ...report.checks.map((c): [string, string] => [`Check: ${c.name}`, `${c.passed ? "passed" : "FAILED"}: ${c.message}`]),
  ];
}

const organizationOf = (data: Record<string, unknown>) => data.organization as Record<string, unknown>;

// ---------------------------------------------------------------------------------------------- trial balance

interface TrialBalanceData extends StandardReportData {
  basis: string;
  date: string;
  periods: PeriodData[];
  lines: Array<{ accountCode?: string | null; name: string; class: string; debit: string; credit: string; ytdDebit: string; ytdCredit: string }>;
  totalDebit: string;
  totalCredit: string;
  totalYtdDebit: string;
  totalYtdCredit: string;
}

export const trialBalance: ReportExport = {
  slug: "trial-balance",
  sheet: "Trial balance",
  query: `query ExportTrialBalance($organizationId: ID!, $date: Date, $basis: ReportBasis = ACCRUAL, $source: ReadSource = AUTO) {
  organization(id: $organizationId) {
    trialBalance(date: $date, basis: $basis, source: $source) {
      ${STANDARD_FIELDS} basis date periods { label fromDate toDate }
      lines { accountCode name class debit credit ytdDebit ytdCredit }
      totalDebit totalCredit totalYtdDebit totalYtdCredit
    }
  }
}`,
  params: { date: "string", basis: "string", source: "string" },
  pick: (data) => organizationOf(data).trialBalance,
  table(report): ExportTable {
    const tb = report as TrialBalanceData;
    const rows: Cell[][] = tb.lines.map((l) => [text("account"), text(l.class), text(l.accountCode), text(l.name), amount(l.debit), amount(l.credit), amount(l.ytdDebit), amount(l.ytdCredit)]);
    rows.push([text("total"), null, null, text("Total"), amount(tb.totalDebit), amount(tb.totalCredit), amount(tb.totalYtdDebit), amount(tb.totalYtdCredit)]);
    return {
      header: ["Row", "Class", "Account code", "Account name", "Debit", "Credit", "YTD debit", "YTD credit"],
      amountColumns: 4,
      widths: [10, 12, 14, 40, 16, 16, 16, 16],
      rows,
      about: standardAbout(tb, [["Date", tb.date], ["Basis", tb.basis], ["Periods", periodsText(tb.periods)]]),
    };
  },
  fileDate: (report) => (report as TrialBalanceData).date,
};

// ---------------------------------------------------------------------------------------------- aged reports

interface AgedReportData extends StandardReportData {
  date: string;
  agedBy: string;
  buckets: Array<{ label: string }>;
  contacts: Array<{
    contactName: string;
    amounts: string[];
    total: string;
    documents: Array<{ kind: string; number?: string | null; reference?: string | null; issueDate: string; dueDate?: string | null; total: string; paid: string; credited: string; due: string; daysAged: number; bucket: number }>;
  }>;
  amounts: string[];
  total: string;
}

/** Column headings of an aged report before its bucket columns. */
export const AGED_COLUMNS = ["Row", "Contact", "Kind", "Number", "Reference", "Issue date", "Due date", "Days aged", "Bucket", "Total", "Paid", "Credited", "Due"] as const;

/**
 * One table: per contact, its documents (one row each, the amount due also in its bucket's column), then
 * the contact's total row (its amount per bucket and in total); last, the report's total row. Summing a
 * bucket column over a contact's document rows gives the contact row's figure.
 */
function agedTable(report: unknown): ExportTable {
  const aged = report as AgedReportData;
  const buckets = aged.buckets.length;
  const rows: Cell[][] = [];
  for (const contact of aged.contacts) {
    const name = text(contact.contactName);
    for (const d of contact.documents) {
      const inBucket: Cell[] = Array.from({ length: buckets }, (_, b) => (b === d.bucket ? amount(d.due) : null));
      rows.push([
        text("document"), name, text(d.kind), text(d.number), text(d.reference), text(d.issueDate), text(d.dueDate), whole(d.daysAged), text(aged.buckets[d.bucket]?.label),
        amount(d.total), amount(d.paid), amount(d.credited), amount(d.due), ...inBucket,
      ]);
    }
    rows.push([text("contact total"), name, null, null, null, null, null, null, null, null, null, null, amount(contact.total), ...contact.amounts.map(amount)]);
  }
  rows.push([text("total"), null, null, null, null, null, null, null, null, null, null, null, amount(aged.total), ...aged.amounts.map(amount)]);
  return {
    header: [...AGED_COLUMNS, ...aged.buckets.map((b) => b.label)],
    amountColumns: 4 + buckets,
    widths: [14, 32, 16, 14, 18, 12, 12, 10, 20, ...Array<number>(4 + buckets).fill(16)],
    rows,
    about: standardAbout(aged, [
      ["Date", aged.date],
      ["Aged by", aged.agedBy],
      ["Buckets", aged.buckets.map((b) => b.label).join("; ")],
    ]),
  };
}

const agedQuery = (name: string, field: string) => `query ${name}($organizationId: ID!, $date: Date, $agedBy: AgedBy = DUE_DATE, $bucketDays: [Int!] = [30, 60, 90], $contactId: ID, $fromDate: Date, $toDate: Date, $source: ReadSource = AUTO) {
  organization(id: $organizationId) {
    ${field}(date: $date, agedBy: $agedBy, bucketDays: $bucketDays, contactId: $contactId, fromDate: $fromDate, toDate: $toDate, source: $source) {
      ${STANDARD_FIELDS} date agedBy buckets { label }
      contacts { contactName amounts total documents { kind number reference issueDate dueDate total paid credited due daysAged bucket } }
      amounts total
    }
  }
}`;

const AGED_PARAMS = { date: "string", agedBy: "string", bucketDays: "intList", contactId: "string", fromDate: "string", toDate: "string", source: "string" } as const;

/** One aged report's export: the receivables and payables differ only in their field and names. */
function agedExport(slug: "aged-receivables" | "aged-payables", field: "agedReceivables" | "agedPayables", sheet: string, operation: string): ReportExport {
  return {
    slug,
    sheet,
    query: agedQuery(operation, field),
    params: AGED_PARAMS,
    pick: (data) => organizationOf(data)[field],
    table: agedTable,
    fileDate: (report) => (report as AgedReportData).date,
  };
}

export const agedReceivables = agedExport("aged-receivables", "agedReceivables", "Aged receivables", "ExportAgedReceivables");
export const agedPayables = agedExport("aged-payables", "agedPayables", "Aged payables", "ExportAgedPayables");

// ---------------------------------------------------------------------------------------------- cash summary

type Measures = { opening: string[]; received: string[]; spent: string[]; closing: string[] };

interface CashSummaryData extends StandardReportData, Measures {
  fromDate: string;
  toDate: string;
  periods: PeriodData[];
  accounts: Array<Measures & { accountCode?: string | null; name: string }>;
}

/** The measures of a cash summary, in row order, with their field. */
export const CASH_MEASURES = [["Opening", "opening"], ["Received", "received"], ["Spent", "spent"], ["Closing", "closing"]] as const;

export const cashSummary: ReportExport = {
  slug: "cash-summary",
  sheet: "Cash summary",
  query: `query ExportCashSummary($organizationId: ID!, $fromDate: Date, $toDate: Date, $periods: Int = 0, $timeframe: ReportTimeframe = MONTH, $source: ReadSource = AUTO) {
  organization(id: $organizationId) {
    cashSummary(fromDate: $fromDate, toDate: $toDate, periods: $periods, timeframe: $timeframe, source: $source) {
      ${STANDARD_FIELDS} fromDate toDate periods { label fromDate toDate }
      accounts { accountCode name opening received spent closing }
      opening received spent closing
    }
  }
}`,
  params: { fromDate: "string", toDate: "string", periods: "int", timeframe: "string", source: "string" },
  pick: (data) => organizationOf(data).cashSummary,
  table(report): ExportTable {
    const cs = report as CashSummaryData;
    const rows: Cell[][] = [];
    for (const account of cs.accounts) {
      for (const [label, field] of CASH_MEASURES) rows.push([text("account"), text(account.accountCode), text(account.name), text(label), ...account[field].map(amount)]);
    }
    for (const [label, field] of CASH_MEASURES) rows.push([text("total"), null, text("Total"), text(label), ...cs[field].map(amount)]);
    return {
      header: ["Row", "Account code", "Account name", "Measure", ...cs.periods.map((p) => p.label)],
      amountColumns: cs.periods.length,
      widths: [10, 14, 40, 12, ...Array<number>(cs.periods.length).fill(16)],
      rows,
      about: standardAbout(cs, [["From", cs.fromDate], ["To", cs.toDate], ["Periods", periodsText(cs.periods)]]),
    };
  },
  fileDate: (report) => `${(report as CashSummaryData).fromDate}-to-${(report as CashSummaryData).toDate}`,
};

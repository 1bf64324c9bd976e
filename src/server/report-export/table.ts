/**
 * The report-agnostic table an export writes: a header and rows of cells. A cell is either text
 * (from the provider or the gateway: account names, codes, section titles) or an amount (a decimal
 * string exactly as GraphQL answered it). The CSV and XLSX writers only know this shape.
 */
export type Cell = { text: string } | { amount: string } | { whole: number } | null;

export interface ExportTable {
  /** Column headings, one per cell of each row. */
  header: string[];
  /** Which columns hold amounts (for widths and number formats); the others hold text. */
  amountColumns: number;
  rows: Cell[][];
  /** XLSX column widths in characters, one per column (default: by position, for the financial report layout). */
  widths?: number[];
  /** Facts about the report (organization, basis, currency…), written beside the table where the format allows (XLSX: an "About" sheet). */
  about: Array<[string, string]>;
}

export const text = (value: string | null | undefined): Cell => (value === null || value === undefined || value === "" ? null : { text: value });

/** A Decimal scalar as the schema serialises it: an optional minus, digits, optional fraction. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * An amount cell, when `value` is a decimal string; anything else (never expected from a Decimal
 * field) becomes a text cell, so it is quoted and guarded like text rather than trusted as a number.
 */
export const amount = (value: string | null | undefined): Cell => (value === null || value === undefined ? null : DECIMAL.test(value) ? { amount: value } : { text: value });

/** A whole-number cell (a count such as days aged): digits in CSV, a number formatted `0` in XLSX. */
export const whole = (value: number | null | undefined): Cell => (value === null || value === undefined ? null : Number.isSafeInteger(value) ? { whole: value } : { text: String(value) });

/** The kinds of rows in a financial report table (its first column). */
export const RowKind = { ACCOUNT: "account", SECTION_TOTAL: "section total", SUMMARY: "summary" } as const;

/** The GraphQL selection every financial report export asks for, three section levels deep. */
export const SECTION_FIELDS = "key title total lines { name accountCode amounts }";
export const FINANCIAL_REPORT_FIELDS = `
      organizationId provider title basis currency source servedFrom generatedAt balanced
      periods { label fromDate toDate }
      checks { name passed message }
      sections { ${SECTION_FIELDS} sections { ${SECTION_FIELDS} sections { ${SECTION_FIELDS} } } }`;

export interface ReportSectionData {
  key: string;
  title: string;
  total: string[];
  lines: Array<{ name: string; accountCode?: string | null; amounts: string[] }>;
  sections?: ReportSectionData[];
}

export interface FinancialReportData {
  organizationId: string;
  provider: string;
  title: string;
  basis: string;
  currency: string;
  source: string;
  servedFrom: string;
  generatedAt: string;
  balanced: boolean;
  periods: Array<{ label: string; fromDate?: string | null; toDate: string }>;
  checks: Array<{ name: string; passed: boolean; message: string }>;
  sections: ReportSectionData[];
}

/**
 * Flattens a financial report (balance sheet, profit and loss, and any report with the same
 * sections/lines/periods shape) into rows: for each section, depth first, its account lines, its
 * sub-sections, then its total; after all sections, the headline figures (`summary`, in the order given).
 * Columns: Row, Section (the titles from the top, joined with " / "), Account code, Account name, one per period.
 */
export function financialReportTable(report: FinancialReportData, summary: Array<[label: string, amounts: string[]]>, about: Array<[string, string]> = []): ExportTable {
  const rows: Cell[][] = [];
  const walk = (section: ReportSectionData, parents: string[]) => {
    const path = [...parents, section.title];
    const where = text(path.join(" / "));
    for (const line of section.lines) rows.push([text(RowKind.ACCOUNT), where, text(line.accountCode), text(line.name), ...line.amounts.map(amount)]);
    for (const inner of section.sections ?? []) walk(inner, path);
    rows.push([text(RowKind.SECTION_TOTAL), where, null, text(`Total ${section.title}`), ...section.total.map(amount)]);
  };
  for (const section of report.sections) walk(section, []);
  for (const [label, amounts] of summary) rows.push([text(RowKind.SUMMARY), null, null, text(label), ...amounts.map(amount)]);
  return {
    header: ["Row", "Section", "Account code", "Account name", ...report.periods.map((p) => p.label)],
    amountColumns: report.periods.length,
    rows,
    about: [
      ["Report", report.title],
      ["Organization", report.organizationId],
      ["Provider", report.provider],
      ...about,
      ["Periods", report.periods.map((p) => (p.fromDate ? `${p.fromDate} to ${p.toDate}` : p.toDate)).join("; ")],
      ["Basis", report.basis],
      ["Currency", report.currency],
      ["Made by", report.source],
      ["Served from", report.servedFrom],
      ["Generated at", report.generatedAt],
      ["Balanced", report.balanced ? "yes" : "no"],
      ...report.checks.map((c): [string, string] => [`Check: ${c.name}`, `${c.passed ? "passed" : "FAILED"}: ${c.message}`]),
    ],
  };
}

import type { ReportCell, ReportRow, ReportRows, ReportWithRow } from "xero-node";
import type { ReportLine } from "../../../schema/report/report.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { enumText } from "../mapping/statuses.js";

/** A titled or untitled Xero `Section`, split into account lines, total rows and computed rows. */
export interface XeroSection {
  title: string;
  lines: ReportLine[];
  /** `SummaryRow`s ("Total Income"). */
  summaries: Array<{ title: string; amounts: string[] }>;
  /** Rows without an account ("Gross Profit", "Net Assets"). */
  computed: Array<{ title: string; amounts: string[] }>;
}

export interface XeroReportRows {
  /** Column labels from the `Header` row, one per period. */
  labels: string[];
  sections: XeroSection[];
}

/** Titles are matched trimmed and case-insensitively ("  Income" = "income"). */
export const normalTitle = (title: string | undefined) => (title ?? "").trim().toLowerCase().replace(/\s+/g, " ");

/** "1,234.50", "(1,850.00)", "-1850.00" or empty → exact 2-dp string. */
export function cellAmount(cell: ReportCell | undefined): string {
  const text = (cell?.value ?? "").trim().replace(/,/g, "");
  if (text === "") return "0.00";
  const negative = /^\(.*\)$/.test(text);
  return moneyOrZero(negative ? `-${text.slice(1, -1)}` : text);
}

const accountOf = (row: ReportRow) =>
  row.cells?.flatMap((c) => c.attributes ?? []).find((a) => a.id?.toLowerCase() === "account")?.value ?? null;

function readSection(section: ReportRows, width: number, accountCodes: ReadonlyMap<string, string>): XeroSection {
  const parsed: XeroSection = { title: (section.title ?? "").trim(), lines: [], summaries: [], computed: [] };
  for (const row of section.rows ?? []) {
    const [label, ...values] = row.cells ?? [];
    const title = (label?.value ?? row.title ?? "").trim();
    const amounts = Array.from({ length: width }, (_, i) => cellAmount(values[i]));
    const account = accountOf(row);
    const type = enumText(row.rowType);
    if (type === "SummaryRow") parsed.summaries.push({ title, amounts });
    else if (account) parsed.lines.push({ name: title, accountRemoteId: account, accountCode: accountCodes.get(account) ?? null, amounts });
    else if (parsed.title === "") parsed.computed.push({ title, amounts });
    else parsed.lines.push({ name: title, accountRemoteId: null, accountCode: null, amounts });
  }
  return parsed;
}

/** Reads a Xero report's rows: the header's period labels, then every section in order. */
export function readReportRows(report: ReportWithRow, accountCodes: ReadonlyMap<string, string> = new Map()): XeroReportRows {
  const rows = report.rows ?? [];
  const header = rows.find((r) => enumText(r.rowType) === "Header");
  const labels = (header?.cells ?? []).slice(1).map((c) => (c.value ?? "").trim());
  const sections = rows.filter((r) => enumText(r.rowType) === "Section").map((s) => readSection(s, labels.length, accountCodes));
  return { labels, sections };
}

/** The computed row or total with this title in any untitled section. */
export function statedRow(sections: XeroSection[], title: string): string[] | null {
  const wanted = normalTitle(title);
  for (const section of sections) {
    const found = [...section.computed, ...section.summaries].find((r) => normalTitle(r.title) === wanted);
    if (found) return found.amounts;
  }
  return null;
}

import type { ReportCell, ReportRow, ReportWithRow } from "xero-node";
import { enumText } from "../mapping/statuses.js";
import { cellAmount } from "./report-rows.js";

/** Every row below the header, sections flattened (Xero nests one level). */
export function bodyRows(report: ReportWithRow): Array<{ section: string; row: ReportRow }> {
  return (report.rows ?? []).flatMap((r) =>
    enumText(r.rowType) === "Section" ? (r.rows ?? []).map((row) => ({ section: (r.title ?? "").trim(), row })) : []);
}

export const rowType = (row: ReportRow) => enumText(row.rowType);

export const cellText = (cell: ReportCell | undefined) => (cell?.value ?? "").trim();

/** The value of the first attribute with this id (case-insensitive) on any of the row's cells. */
export function attribute(row: ReportRow, ...ids: string[]): { id: string; value: string } | null {
  const wanted = ids.map((id) => id.toLowerCase());
  for (const cell of row.cells ?? []) {
    for (const a of cell.attributes ?? []) {
      if (a.id && a.value && wanted.includes(a.id.toLowerCase())) return { id: a.id, value: a.value };
    }
  }
  return null;
}

/** The amounts in cells `from`.. of a row, as exact 2-dp strings (empty → "0.00"). */
export const amountsFrom = (row: ReportRow, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => cellAmount(row.cells?.[from + i]));

/** "2018-10-09T00:00:00" (or "2018-10-09") → "2018-10-09"; anything else → null. */
export function cellDate(cell: ReportCell | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(cellText(cell));
  return match ? match[1] : null;
}

export const reportTitle = (report: ReportWithRow) => (report.reportTitles ?? [report.reportName ?? ""]).filter(Boolean).join(", ");

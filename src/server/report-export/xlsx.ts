import type { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import ExcelJS from "exceljs";
import type { Cell, ExportTable } from "./table.js";
import { settled } from "./stream-end.js";

/** The number format of amount cells: thousands separators, two decimals, minus sign for negatives. */
export const AMOUNT_FORMAT = "#,##0.00";

/**
 * A spreadsheet number is an IEEE double: decimals with at most 15 significant digits round-trip
 * exactly (as the value Excel shows); longer ones would be rounded, so they are written as text.
 */
export const MAX_EXACT_DIGITS = 15;

/** Significant digits of a decimal string ("-0012.50" has 3: leading zeros and trailing fraction zeros do not count). */
export function significantDigits(decimal: string): number {
  const [whole, fraction = ""] = decimal.replace(/^-/, "").split(".");
  const digits = (whole + fraction.replace(/0+$/, "")).replace(/^0+/, "");
  return digits.length;
}

/** The value an amount cell holds in the workbook: a number when exact as a double, else the decimal string. */
export function xlsxAmount(decimal: string): number | string {
  return significantDigits(decimal) <= MAX_EXACT_DIGITS ? Number(decimal) : decimal;
}

/** The number format of whole-number cells (days aged). */
export const WHOLE_FORMAT = "0";

/** How often (in rows) the writer yields, so the zip stream can pass what it has to the client. */
const YIELD_EVERY = 500;

/**
 * Writes the table as an XLSX workbook to `out` with exceljs's streaming writer: sheet `sheetName`
 * holds the table (header row bold and frozen, amounts as numbers formatted `#,##0.00`, text as
 * strings, never formulas), sheet "About" the report's facts. Resolves when the workbook is out;
 * rejects when the client went away first.
 */
export async function writeXlsx(table: ExportTable, sheetName: string, out: Writable): Promise<void> {
  const finished = settled(out, "finish");
  // Stop waiting if the client leaves mid-zip: the writer itself would wait for `finish` forever.
  finished.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const firstAmount = table.header.length - table.amountColumns;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.header.map((header, i) => ({ header, width: table.widths?.[i] ?? (i >= firstAmount ? 16 : i === firstAmount - 1 ? 40 : i === 1 ? 32 : 14) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((cell, i) => {
      if (cell && "amount" in cell) {
        const target = row.getCell(i + 1);
        if (typeof target.value === "number") target.numFmt = AMOUNT_FORMAT;
        else target.alignment = { horizontal: "right" };
      } else if (cell && "whole" in cell) {
        row.getCell(i + 1).numFmt = WHOLE_FORMAT;
      }
    });
    row.commit();
    if (++written % YIELD_EVERY === 0) await Promise.race([nextTurn(), finished]);
  }
  sheet.commit();
  const about = workbook.addWorksheet("About");
  about.columns = [{ width: 24 }, { width: 80 }];
  for (const [key, value] of table.about) about.addRow([key, value]).commit();
  about.commit();
  await Promise.race([workbook.commit(), finished]);
  await finished;
}

function xlsxValue(cell: Cell): string | number | null {
  if (cell === null) return null;
  if ("amount" in cell) return xlsxAmount(cell.amount);
  return "whole" in cell ? cell.whole : cell.text;
}

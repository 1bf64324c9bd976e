import type { Writable } from "node:stream";
import type { Cell, ExportTable } from "./table.js";
import { settled } from "./stream-end.js";

/**
 * Text that a spreadsheet would read as a formula (or as a DDE/command payload) when the CSV is
 * opened: starting with = + - @, a tab or a carriage return. Only text cells are guarded; amounts
 * are validated decimal strings and stay numbers, negatives included.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to CSV: a leading apostrophe when it could start a formula. */
export function guardText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, double quote, CR or LF is wrapped in double quotes, with inner quotes doubled. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if ("amount" in cell) return cell.amount;
  if ("whole" in cell) return String(cell.whole);
  return quoteField(guardText(cell.text));
}

/** One CSV record with its CRLF line break (RFC 4180). Header cells are guarded like any text. */
export function csvRecord(cells: Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const CHUNK = 64 * 1024;

/**
 * Writes the table as CSV (UTF-8, no byte order mark, CRLF line breaks, header row first) to `out`,
 * in chunks of about 64 KiB, waiting for `drain` when the client reads slower; ends it and resolves
 * once everything was handed to the system (rejects when the client went away first).
 */
export async function writeCsv(table: ExportTable, out: Writable): Promise<void> {
  let buffer = csvRecord(table.header.map((h) => ({ text: h })));
  for (const row of table.rows) {
    buffer += csvRecord(row);
    if (buffer.length >= CHUNK) {
      const more = out.write(buffer);
      buffer = "";
      if (!more) await settled(out, "drain");
    }
  }
  const finished = settled(out, "finish");
  out.end(buffer);
  await finished;
}

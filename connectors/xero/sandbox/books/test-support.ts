/** Shared fixtures for the books tests. */
import { seedBooks } from "./seed.js";
import type { XeroBooks, XeroReport, XeroReportRow } from "./types.js";

export const TODAY = "2026-03-15";
export const NOW = "2026-03-15T12:00:00.000Z";
export const SEED = 7;

let cached: XeroBooks | undefined;
let cachedJson: string | undefined;

/** The seeded books, built once per test file; do not mutate. */
export function seeded(): XeroBooks {
  return (cached ??= seedBooks({ seed: SEED, today: TODAY }));
}

/** A private copy for tests that write (books are plain JSON, and parsing beats structuredClone). */
export function fresh(): XeroBooks {
  return JSON.parse((cachedJson ??= JSON.stringify(seeded()))) as XeroBooks;
}

function allRows(rows: XeroReportRow[]): XeroReportRow[] {
  return rows.flatMap((r) => [r, ...allRows(r.Rows ?? [])]);
}

/** Values (after the label) of the first row whose label matches. */
export function rowValues(report: XeroReport, label: string): string[] {
  const row = allRows(report.Rows).find((r) => r.RowType !== "Section" && r.Cells?.[0]?.Value === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.Cells!.slice(1).map((c) => c.Value ?? "");
}

export function sectionTitles(report: XeroReport): string[] {
  return report.Rows.filter((r) => r.RowType === "Section").map((r) => r.Title ?? "");
}

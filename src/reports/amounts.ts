import { Decimal } from "decimal.js";
import type { ReportSection } from "../../schema/report/report.type.js";

/** Per-period amounts (one 2-dp string per report column), added exactly. */
export type Amounts = string[];

const fixed = (d: Decimal) => d.toFixed(2);

export function zeros(periodCount: number): Amounts {
  return Array.from({ length: periodCount }, () => "0.00");
}

export function addAmounts(...rows: Amounts[]): Amounts {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => fixed(rows.reduce((acc, r) => acc.plus(r[i] ?? 0), new Decimal(0))));
}

export function subtractAmounts(a: Amounts, b: Amounts): Amounts {
  const width = Math.max(a.length, b.length);
  return Array.from({ length: width }, (_, i) => fixed(new Decimal(a[i] ?? 0).minus(b[i] ?? 0)));
}

export const isZero = (amounts: Amounts) => amounts.every((a) => new Decimal(a).isZero());

/** What a section's lines and sub-sections add up to, per period. */
export function computedTotal(section: ReportSection, periodCount: number): Amounts {
  return addAmounts(zeros(periodCount), ...section.lines.map((l) => l.amounts), ...section.sections.map((s) => s.total));
}

/** Depth-first search for a section by key. */
export function findSection(sections: ReportSection[], key: string): ReportSection | undefined {
  for (const section of sections) {
    if (section.key === key) return section;
    const inner = findSection(section.sections, key);
    if (inner) return inner;
  }
  return undefined;
}

/** The stated total of a section, or zeros when the report has no such section. */
export function totalOf(sections: ReportSection[], key: string, periodCount: number): Amounts {
  return findSection(sections, key)?.total ?? zeros(periodCount);
}

import { ENTITY_NAMES } from "../../src/connector/entities.js";
import { OPERATIONS, REPORT_NAMES, TRIGGER_NAMES, notesFor, type CapabilityDeclaration, type ListFilterName, type ReportName } from "../../src/connector/capabilities.js";
import type { Capability } from "./capability.type.js";
import { filterRunsAt } from "../../src/mirror/read/filter-support.js";
import { FilterRunsAtEnum } from "../mirror/filter-runs-at.enum.js";

const FILTERS: readonly ListFilterName[] = ["status", "contact", "dateRange", "updatedSince", "search"];
const REPORTS: readonly ReportName[] = REPORT_NAMES;

/** Notes of a filter only the mirror applies: which sources accept it. */
const MIRROR_ONLY_FILTER =
  "Applied by the gateway's mirror, not by the provider: lists read from the mirror (source: MIRROR, or AUTO while the entity is IN_SYNC) accept it; source: LIVE answers NOT_SUPPORTED.";

export interface CapabilityMatrixOptions {
  /** Whether the gateway keeps a mirror of the books (it applies every filter to every entity it can list). @default false */
  mirror?: boolean;
}

/**
 * The full matrix (every entity × operation, filter and trigger, every report), generated from a
 * connector's declaration. `supported` on a filter row says whether the provider applies it
 * server-side; `runsAt` says where it runs, the mirror included.
 */
export function capabilityMatrix(decl: CapabilityDeclaration, { mirror = false }: CapabilityMatrixOptions = {}): Capability[] {
  const rows: Capability[] = [];
  for (const subject of ENTITY_NAMES) {
    const entity = decl.entities[subject];
    for (const operation of OPERATIONS) {
      rows.push({ subject, operation, supported: entity?.operations.includes(operation) ?? false, notes: notesFor(entity, operation) ?? null });
    }
    for (const filter of FILTERS) {
      const runsAt = filterRunsAt(decl, subject, filter, mirror);
      rows.push({
        subject,
        operation: `filter:${filter}`,
        supported: entity?.filters?.includes(filter) ?? false,
        notes: runsAt === "MIRROR" ? MIRROR_ONLY_FILTER : null,
        runsAt: runsAt ? FilterRunsAtEnum[runsAt] : null,
      });
    }
    for (const trigger of TRIGGER_NAMES) {
      rows.push({ subject, operation: `trigger:${trigger}`, supported: entity?.triggers?.includes(trigger) ?? false, notes: null });
    }
  }
  for (const subject of REPORTS) {
    const report = decl.reports[subject];
    const how = report ? (report.native ? "native provider report" : "computed by the gateway's reports engine") : null;
    rows.push({ subject, operation: "report", supported: !!report, notes: report?.notes ?? how });
  }
  return rows;
}

/** Rows `capabilityMatrix` returns for any connector: every entity × (operations, filters, triggers), plus one per report. */
export const CAPABILITY_ROWS = ENTITY_NAMES.length * (OPERATIONS.length + FILTERS.length + TRIGGER_NAMES.length) + REPORTS.length;

/**
 * Cost of `capabilities`: it pages nothing and calls no provider, but returns every row of the
 * matrix (`CAPABILITY_ROWS`, 348), so it is priced like a list page of that size: 1 + rows × what
 * each row selects. Priced as one item, 2,400 aliases of it fit under the limit and built 226 MB.
 */
export const capabilitiesComplexity = ({ childComplexity }: { childComplexity: number }) => 1 + CAPABILITY_ROWS * Math.max(1, childComplexity);

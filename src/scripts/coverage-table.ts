import "reflect-metadata";
import { connectors } from "../../connectors/index.js";
import { ENTITY_NAMES } from "../connector/entities.js";
import { OPERATIONS, REPORT_NAMES, TRIGGER_NAMES, type ListFilterName } from "../connector/capabilities.js";
import type { ConnectorDefinition } from "../connector/adapter.js";

const FILTERS: ListFilterName[] = ["status", "contact", "dateRange", "updatedSince", "search"];

/** The README's coverage matrix (operations; filters; triggers), generated from the connectors' capability declarations. */
export function coverageTable(list: readonly ConnectorDefinition[] = connectors): string {
  const header = ["entity", ...list.map((c) => c.provider)];
  const rows = ENTITY_NAMES.map((entity) => [
    entity,
    ...list.map((c) => {
      const cap = c.capabilities.entities[entity];
      // Absent, or declared with no operations only to say why (its notes show in NOT_SUPPORTED answers).
      if (!cap?.operations.length) return "—";
      const ops = OPERATIONS.filter((op) => cap.operations.includes(op)).join(", ");
      const filters = FILTERS.filter((f) => cap.filters?.includes(f));
      const triggers = TRIGGER_NAMES.filter((t) => cap.triggers?.includes(t));
      return [ops, ...(filters.length ? [`filters: ${filters.join(", ")}`] : []), ...(triggers.length ? [`triggers: ${triggers.join(", ")}`] : [])].join("; ");
    }),
  ]);
  for (const report of REPORT_NAMES) {
    rows.push([report, ...list.map((c) => (c.capabilities.reports[report] ? (c.capabilities.reports[report]!.native ? "native" : "computed") : "—"))]);
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

if (process.argv[1]?.endsWith("coverage-table.js")) console.log(coverageTable());

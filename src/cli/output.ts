import type { ApiKeySummary } from "../auth/api-key-service.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";

/** Where a command's answer goes: one JSON document with `--json`, readable lines otherwise. */
export interface Output {
  json: boolean;
  /** Prints `human` (lines) or, with `--json`, `data` as one JSON document. */
  result(data: unknown, human: () => string): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text)): Output {
  return {
    json,
    result(data, human) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
    },
  };
}

/** A key as the CLI shows it (`organizationIds` "*" stays "*"). */
export const keyView = (key: ApiKeySummary) => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  organizationIds: key.organizationIds,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt ?? null,
});

export const organizationView = (o: OrganizationRecord) => {
  const site = o.settings.baseUrl ?? o.settings.apiUrl;
  return { id: o.id, name: o.name, provider: o.provider, siteUrl: o.provider !== "XERO" && typeof site === "string" ? site : null, sandbox: o.settings.sandbox === true, createdAt: o.createdAt };
};

export const grantsText = (ids: "*" | string[]) => (ids === "*" ? "all organizations" : ids.length === 0 ? "no organizations" : ids.join(", "));

/** Rows as aligned columns under a header. */
export function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "(none)";
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

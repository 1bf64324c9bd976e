import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/index.js";
import { startLedgerline, type RunningLedgerline } from "../src/app/start-ledgerline.js";
import type { XeroSandbox } from "../connectors/xero/sandbox/server.js";

export interface BenchGateway {
  app: RunningLedgerline;
  xero: XeroSandbox;
  organizationId: string;
  query(query: string, variables: Record<string, unknown>): Promise<unknown>;
}

/** The real gateway on its embedded default, on free ports, with a throwaway data folder. */
export async function startBenchGateway(limits: "provider" | "relaxed", env: Record<string, string> = {}): Promise<BenchGateway> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-bench-"));
  const config = loadConfig({ PORT: "0", XERO_SANDBOX_PORT: "0", DAFTRA_SANDBOX_PORT: "0", CLIENTARY_SANDBOX_PORT: "0", LEDGERLINE_DATA_DIR: dataDir, LEDGERLINE_STORE_URL: "memory://", LOG_LEVEL: "silent", LEDGERLINE_TRIGGERS: "off", LEDGERLINE_SANDBOX_ACTIVITY_MS: "0", ...env });
  const app = await startLedgerline({ config, sandboxLimits: limits });
  const running = app.sandboxes[0] as (typeof app.sandboxes)[number] & { sandbox: XeroSandbox };
  return {
    app,
    xero: running.sandbox,
    organizationId: running.organization.id,
    async query(query, variables) {
      const response = await fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${app.localApiKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`gateway answered errors: ${JSON.stringify(body.errors)}`);
      return body;
    },
  };
}

/** "First 50 invoices with contact name and payments": the query both benchmarks measure. */
export const INVOICES_WITH_CONTACTS = `query($o: ID!) { organization(id: $o) { invoices(first: 50) { edges { node {
  id number status total amountDue contact { name } payments { date amount } } } } } }`;

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

export function table(rows: Array<Record<string, string | number>>): string {
  const keys = Object.keys(rows[0]);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join("  ");
  return [line(keys), line(width.map((w) => "-".repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join("\n");
}

import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { BenchGateway } from "./support.js";
import { table } from "./support.js";

/** Where a read is answered from (the `source` argument): AUTO is the default, what clients send without saying. */
export type BenchSource = "AUTO" | "MIRROR" | "LIVE";

/**
 * The README's first GraphQL query ("FirstLook": 20 authorised invoices with their contacts' names,
 * and the balance sheet), as a client sends it; `source` other than AUTO is added to the list and the
 * report, the two fields that take it (AUTO is the default, so the query is then the README's verbatim).
 */
export function firstLookQuery(source: BenchSource = "AUTO"): string {
  const from = source === "AUTO" ? "" : `, source: ${source}`;
  return `query FirstLook($org: ID!) {
  organization(id: $org) {
    name
    baseCurrency
    invoices(first: 20, filter: { status: [AUTHORISED], dateFrom: "2026-01-01" }${from}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id number issueDate dueDate total amountDue contact { name email } } }
    }
    balanceSheet(date: "2026-09-30", periods: 2${from}) {
      balanced
      periods { label toDate }
      totalAssets totalLiabilities totalEquity
      sections { key title total sections { key title total lines { name accountCode amounts } } }
    }
  }
}`;
}

export interface MirrorEntityRow {
  entity: string;
  state: string;
  records: number;
  syncedAt: string | null;
  lagSeconds: number | null;
}

const MIRROR_STATUS = `query($o: ID!) { organization(id: $o) { mirror { state entities { entity state records syncedAt lagSeconds } } } }`;

/** `organization { mirror { … } }` as a client reads it. */
export async function mirrorStatus(gw: Pick<BenchGateway, "query">, organizationId: string): Promise<{ state: string; entities: MirrorEntityRow[] }> {
  const body = (await gw.query(MIRROR_STATUS, { o: organizationId })) as { data: { organization: { mirror: { state: string; entities: MirrorEntityRow[] } } } };
  return body.data.organization.mirror;
}

/**
 * Waits until every entity named (or, with "all", the whole organization) is IN_SYNC in the mirror,
 * as the API reports it; resolves with the last status and how long it took. Throws after `timeoutMs`,
 * naming what was still behind.
 */
export async function waitForMirror(gw: Pick<BenchGateway, "query">, organizationId: string, entities: readonly string[] | "all", timeoutMs = 300_000): Promise<{ ms: number; status: { state: string; entities: MirrorEntityRow[] } }> {
  const started = performance.now();
  for (;;) {
    const status = await mirrorStatus(gw, organizationId);
    const wanted = entities === "all" ? status.entities : status.entities.filter((e) => entities.includes(e.entity));
    if (wanted.length > 0 && wanted.every((e) => e.state === "IN_SYNC")) return { ms: performance.now() - started, status };
    if (performance.now() - started > timeoutMs) {
      const behind = wanted.filter((e) => e.state !== "IN_SYNC").map((e) => `${e.entity} ${e.state} (${e.records} records)`);
      throw new Error(`the mirror was not IN_SYNC after ${(timeoutMs / 1000).toFixed(0)} s: ${behind.join(", ") || "no such entities"}`);
    }
    await sleep(250);
  }
}

/** The mirror's entities as a table (entity, state, records, lag). */
export function mirrorTable(rows: readonly MirrorEntityRow[]): string {
  return table(rows.map((r) => ({ entity: r.entity, state: r.state, records: r.records, "lag (s)": r.lagSeconds ?? "-" })));
}

/** A number of seconds from the command line (`--seconds N` becomes BENCH_SECONDS) or the environment, else `fallback`. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got "${raw}"`);
  return value;
}

/** A list of positive integers from the environment ("1000,10000"), else `fallback`. */
export function envList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  return raw.split(",").map((part) => {
    const value = Number(part.trim().replace(/k$/i, "000"));
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: expected positive integers separated by commas, got "${raw}"`);
    return value;
  });
}

/** The machine's 1-minute load average and core count, printed beside figures that other work on the machine moves. */
export function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
}

import type { ReportBasis } from "../../../schema/report/report-enums.js";
import type { ConnectorAdapter, ReportBooksOption, ReportInputs } from "../../connector/adapter.js";
import type { ReportName } from "../../connector/capabilities.js";
import type { EntityName } from "../../connector/entities.js";
import { badUserInput } from "../../errors/index.js";
import { attributedCaller, withUpstreamCaller } from "../../upstream/caller-scope.js";
import type { MirrorAccess } from "../mirror-access.js";
import { mirroredEntities } from "../mirror-runtime.js";
import { mirrorNotReady, neverSynced, noMirror, type ReadSource } from "../read/read-source.js";
import { loadMirrorBooks } from "./mirror-books.js";
import { reportCacheKey, reportCacheOf, type CachedReport } from "./report-cache.js";

/** What a report the gateway served was made from: the provider now, the mirror's books, or the report cache. */
export type ReportServedFrom = "LIVE" | "MIRROR" | "CACHE";

/** A report with what it was made from and when. */
export interface ServedReport<R> {
  report: R;
  servedFrom: ReportServedFrom;
  /** When the gateway began producing it (ISO); for CACHE, when the cached report was produced. */
  generatedAt: string;
}

/**
 * Entities whose changes move a report made upstream (Xero's own reports, Daftra's journals). The
 * cache of such a report is used under AUTO only while every one of them the connector lists is
 * IN_SYNC: a mirror that is behind would not have bumped the version for changes it has not seen.
 */
export const LEDGER_ENTITIES: readonly EntityName[] = ["Invoice", "Bill", "CreditNote", "Payment", "BankTransaction", "Expense", "Account", "Item"];

export interface ServeReportRequest<P extends object, R> {
  mirror: MirrorAccess | undefined;
  /** The request's adapter: when attributed to a client (`attributeCalls`), that client waits for a shared fetch. */
  adapter: Pick<ConnectorAdapter, "capabilities" | "reportInputs">;
  organizationId: string;
  report: ReportName;
  /** The report's parameters (with `basis`), as the adapter takes them; also the cache key. */
  params: P & { basis: ReportBasis };
  source: ReadSource;
  /** Runs the adapter's report method (the live provider, or the engine over `books` when given). */
  run(params: P & ReportBooksOption): Promise<R>;
  /** The clock for `generatedAt`. */
  now?: () => Date;
}

/**
 * Serves one report from the source asked for.
 *
 * Computed reports (the connector's `reportInputs` names the entities they read):
 * - LIVE: the connector lists its books live, as before.
 * - MIRROR: the engine over every record of those entities read inside one mirror snapshot, whatever
 *   the mirror's state (MIRROR_NOT_READY while one has never completed its backfill).
 * - AUTO: MIRROR when every one of those entities is IN_SYNC, LIVE otherwise.
 *
 * Reports made upstream (Xero's native reports, Daftra's accrual reports from its journals):
 * - AUTO: the cached report while the organization's mirror version is the one read before it was
 *   fetched (CACHE, with its original `generatedAt`), used only while the ledger entities are IN_SYNC;
 *   otherwise fetched (LIVE) and cached. Without a mirror there is no version, hence no cache.
 *   Concurrent misses share one fetch that counts against none of the clients' keys; a client that
 *   leaves stops waiting without failing the others, and the fetch is cancelled once all have left.
 * - LIVE: fetched and cached.
 * - MIRROR: BAD_USER_INPUT on `source` (the mirror cannot make this report).
 */
export async function serveReport<P extends object, R>(q: ServeReportRequest<P, R>): Promise<ServedReport<R>> {
  const now = q.now ?? (() => new Date());
  if (!q.mirror) {
    if (q.source === "MIRROR") throw noMirror();
    return live(q, now);
  }
  const inputs: ReportInputs = q.adapter.reportInputs?.(q.report, q.params.basis, q.params) ?? { kind: "UPSTREAM" };
  if (inputs.kind === "BOOKS") return fromBooks(q, q.mirror, inputs.entities, now);
  return upstream(q, q.mirror, now);
}

async function live<P extends object, R>(q: ServeReportRequest<P, R>, now: () => Date): Promise<ServedReport<R>> {
  const generatedAt = now().toISOString();
  return { report: await q.run(q.params), servedFrom: "LIVE", generatedAt };
}

async function fromBooks<P extends object, R>(q: ServeReportRequest<P, R>, mirror: MirrorAccess, entities: readonly EntityName[], now: () => Date): Promise<ServedReport<R>> {
  if (q.source === "LIVE") return live(q, now);
  const states = await Promise.all(entities.map(async (entity) => ({ entity, readiness: await mirror.entityState(q.organizationId, entity) })));
  if (q.source === "AUTO" && states.some((s) => s.readiness.state !== "IN_SYNC")) return live(q, now);
  const notReady = states.find((s) => neverSynced(s.readiness));
  if (notReady) throw mirrorNotReady(notReady.entity);
  const generatedAt = now().toISOString();
  const books = await loadMirrorBooks(mirror.store, q.organizationId, entities);
  return { report: await q.run({ ...q.params, books }), servedFrom: "MIRROR", generatedAt };
}

async function upstream<P extends object, R>(q: ServeReportRequest<P, R>, mirror: MirrorAccess, now: () => Date): Promise<ServedReport<R>> {
  if (q.source === "MIRROR") throw cannotMirror();
  const cache = reportCacheOf(mirror.store);
  const key = reportCacheKey(q.organizationId, q.report, q.params);
  const fetch = async (): Promise<CachedReport<R>> => {
    // Read before the fetch: a change committed while it runs bumps the version past this entry.
    const version = await mirror.store.version(q.organizationId);
    const generatedAt = now().toISOString();
    return { version, generatedAt, report: await q.run(q.params) };
  };
  const served = (entry: CachedReport<R>, hit: boolean): ServedReport<R> => ({ report: entry.report, generatedAt: entry.generatedAt, servedFrom: hit ? "CACHE" : "LIVE" });

  if (q.source === "AUTO" && (await ledgerInSync(q, mirror))) {
    const version = await mirror.store.version(q.organizationId);
    // The cache counts the adapter's client in as a waiter; the fetch itself runs as shared work.
    const caller = attributedCaller(q.adapter);
    const get = () => cache.getOrFetch(key, version, fetch);
    const { entry, hit } = await (caller ? withUpstreamCaller(caller, get) : get());
    return served(entry, hit);
  }
  // LIVE, or AUTO while the mirror is behind: fetched now for this client alone (on its key), and kept
  // for when the mirror has caught up (any change it then commits bumps the version past this entry).
  const entry = await fetch();
  cache.set(key, entry);
  return served(entry, false);
}

/** Whether every ledger entity the organization's connector lists is IN_SYNC in the mirror. */
async function ledgerInSync(q: ServeReportRequest<object, unknown>, mirror: MirrorAccess): Promise<boolean> {
  const listed = new Set(mirroredEntities(q.adapter.capabilities));
  const watched = LEDGER_ENTITIES.filter((entity) => listed.has(entity));
  const states = await Promise.all(watched.map((entity) => mirror.entityState(q.organizationId, entity)));
  return states.every((s) => s.state === "IN_SYNC");
}

/** BAD_USER_INPUT on `source`: MIRROR asked of a report the mirror cannot make. */
function cannotMirror() {
  return badUserInput([
    {
      field: "source",
      message:
        "is MIRROR, but this report is made from what the mirror does not keep (the provider's own report, or its journals); " +
        "ask with source: AUTO (served from a cache kept until the organization's books change) or LIVE.",
    },
  ]);
}

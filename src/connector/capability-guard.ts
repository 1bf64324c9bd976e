import type { ConnectorAdapter, ListFilter } from "./adapter.js";
import type { EntityName } from "./entities.js";
import { ACTION_OPERATIONS, notesFor, supports, type ListFilterName, type Operation, type ReportName } from "./capabilities.js";
import { notSupported } from "../errors/index.js";
import { checkDecimals } from "./decimal-limits.js";
import { requireInputRemoteIds, requireRemoteIds } from "../ids/remote-id-shape.js";

/** The filters a list asks for, by capability name. */
export function requestedFilters(filter: ListFilter): ListFilterName[] {
  const asked: ListFilterName[] = [];
  if (filter.status?.length) asked.push("status");
  if (filter.contactRemoteId) asked.push("contact");
  if (filter.dateFrom || filter.dateTo) asked.push("dateRange");
  if (filter.updatedSince) asked.push("updatedSince");
  if (filter.search) asked.push("search");
  return asked;
}

/**
 * Wraps an adapter so every call outside its declared capabilities answers NOT_SUPPORTED (naming
 * the provider and the operation) before any upstream call, and every write carrying a decimal
 * outside the declared limits answers BAD_USER_INPUT naming the field. Applied once, by the adapter pool, so
 * no connector repeats these checks and the declaration is the single source of truth.
 */
export function guardCapabilities<A extends ConnectorAdapter>(adapter: A): A {
  const { provider, capabilities } = adapter;
  const entityNote = (entity: EntityName) => capabilities.entities[entity]?.notes;
  const requireOp = (entity: EntityName, op: Operation) => {
    if (!supports(capabilities, entity, op)) throw notSupported(provider, `${op} ${entity}`, notesFor(capabilities.entities[entity], op));
  };
  /** Forged or oversized record ids answer BAD_USER_INPUT before any upstream call (shapes declared in `capabilities.remoteIds`). */
  const requireIds = (entity: EntityName, ids: readonly string[], fieldOf: (i: number) => string) => requireRemoteIds(capabilities.remoteIds, provider, entity, ids, fieldOf);
  const hasEntity = (entity: EntityName) => (capabilities.entities[entity]?.operations.length ?? 0) > 0;
  const requireReport = (name: ReportName) => {
    if (!capabilities.reports[name]) throw notSupported(provider, `the ${name} report`);
  };
  return Object.assign(Object.create(adapter) as A, {
    list: (async (entity, params) => {
      requireOp(entity, "list");
      const declared = capabilities.entities[entity]?.filters ?? [];
      const missing = requestedFilters(params.filter).filter((f) => !declared.includes(f));
      if (missing.length) throw notSupported(provider, `filtering ${entity} by ${missing.join(", ")}`, entityNote(entity));
      if (params.filter.contactRemoteId) requireIds("Contact", [params.filter.contactRemoteId], () => "filter.contactId");
      return adapter.list(entity, params);
    }) as A["list"],
    getMany: (async (entity, ids) => {
      requireOp(entity, "get");
      requireIds(entity, ids, (i) => (ids.length === 1 ? "id" : `ids[${i}]`));
      return adapter.getMany(entity, ids);
    }) as A["getMany"],
    balanceSheet: (async (params) => {
      requireReport("BalanceSheet");
      return adapter.balanceSheet(params);
    }) as A["balanceSheet"],
    profitAndLoss: (async (params) => {
      requireReport("ProfitAndLoss");
      return adapter.profitAndLoss(params);
    }) as A["profitAndLoss"],
    trialBalance: (async (params) => {
      requireReport("TrialBalance");
      if (!adapter.trialBalance) throw notSupported(provider, "the TrialBalance report");
      return adapter.trialBalance(params);
    }) as NonNullable<A["trialBalance"]>,
    agedReport: (async (params) => {
      const name = params.side === "PAYABLES" ? "AgedPayables" : "AgedReceivables";
      requireReport(name);
      if (!adapter.agedReport) throw notSupported(provider, `the ${name} report`);
      if (params.contactRemoteId) requireIds("Contact", [params.contactRemoteId], () => "contactId");
      return adapter.agedReport(params);
    }) as NonNullable<A["agedReport"]>,
    cashSummary: (async (params) => {
      requireReport("CashSummary");
      if (!adapter.cashSummary) throw notSupported(provider, "the CashSummary report");
      return adapter.cashSummary(params);
    }) as NonNullable<A["cashSummary"]>,
    reportPostings: (async (params) => {
      requireReport(params.report);
      if (!adapter.reportPostings) throw notSupported(provider, `the postings behind the ${params.report} report`);
      return adapter.reportPostings(params);
    }) as NonNullable<A["reportPostings"]>,
    create: (async (entity, input, options) => {
      requireOp(entity, "create");
      if (!adapter.create) throw notSupported(provider, `create ${entity}`);
      checkDecimals(provider, capabilities.decimals, { entity }, input);
      requireInputRemoteIds(capabilities.remoteIds, provider, input, hasEntity);
      return adapter.create(entity, input, options);
    }) as NonNullable<A["create"]>,
    update: (async (entity, remoteId, changes, options) => {
      requireOp(entity, "update");
      if (!adapter.update) throw notSupported(provider, `update ${entity}`);
      checkDecimals(provider, capabilities.decimals, { entity }, changes);
      requireIds(entity, [remoteId], () => "id");
      requireInputRemoteIds(capabilities.remoteIds, provider, changes, hasEntity);
      return adapter.update(entity, remoteId, changes, options);
    }) as NonNullable<A["update"]>,
    remove: (async (entity, remoteId, options) => {
      requireOp(entity, "delete");
      if (!adapter.remove) throw notSupported(provider, `delete ${entity}`);
      requireIds(entity, [remoteId], () => "id");
      return adapter.remove(entity, remoteId, options);
    }) as NonNullable<A["remove"]>,
    send: (async (entity, remoteId, options) => {
      requireOp(entity, "send");
      if (!adapter.send) throw notSupported(provider, `sending ${entity}`);
      requireIds(entity, [remoteId], () => "id");
      return adapter.send(entity, remoteId, options);
    }) as NonNullable<A["send"]>,
    addNote: (async (entity, remoteId, text, options) => {
      requireOp(entity, "note");
      if (!adapter.addNote) throw notSupported(provider, `notes on ${entity}`);
      requireIds(entity, [remoteId], () => "id");
      return adapter.addNote(entity, remoteId, text, options);
    }) as NonNullable<A["addNote"]>,
    perform: (async (action, input, options) => {
      const { entity, operation } = ACTION_OPERATIONS[action];
      requireOp(entity, operation);
      if (!adapter.perform) throw notSupported(provider, `${operation} ${entity}`);
      checkDecimals(provider, capabilities.decimals, { action }, input);
      requireInputRemoteIds(capabilities.remoteIds, provider, input, hasEntity);
      return adapter.perform(action, input, options);
    }) as NonNullable<A["perform"]>,
  });
}

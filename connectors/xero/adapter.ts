import { Provider } from "../../schema/common/provider.enum.js";
import { ReportBasis } from "../../schema/report/report-enums.js";
import type { ConnectorAdapter, ConnectorOptions, ListFilter } from "../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../src/connector/entities.js";
import { ErrorCode, GatewayError } from "../../src/errors/index.js";
import type { UpstreamGovernor } from "../../src/upstream/index.js";
import { xeroCapabilities } from "./capabilities.js";
import { rawOf } from "../../src/connector/raw.js";
import { xeroCreator, xeroUpdater, XERO_REMOVERS } from "./writes/index.js";
import { xeroAction } from "./writes/actions.js";
import { addHistoryNote } from "./writes/history-notes.js";
import { emailInvoice } from "./writes/email-invoice.js";
import { notSupported } from "../../src/errors/index.js";
import { createXeroServices } from "./create-xero-services.js";
import { xeroEntity, type XeroEntity } from "./entities/index.js";
import { toOrganizationProfile, type XeroOrganizationProfile } from "./mapping/to-profile.js";
import { getMany } from "./query/get-many.js";
import { listPaged, pageInMemory } from "./query/list-records.js";
import { filterReference } from "./query/reference-filter.js";
import { toUnifiedBalanceSheet, toUnifiedProfitAndLoss, toUnifiedProfitAndLossByTracking } from "./reports.js";
import { balanceSheetByTracking, findTrackingCategory } from "./reports/by-tracking.js";
import { xeroReportPostings } from "./journals/journal-postings.js";
import type { StandardReportContext } from "./reports/standard-context.js";
import { xeroStandardReports } from "./reports/standard-adapter.js";

/** The Xero adapter also exposes its upstream governor, so benchmarks can count calls per query. */
export interface XeroAdapter extends ConnectorAdapter {
  readonly upstream: UpstreamGovernor;
}

const missingReport = (name: string) =>
  new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Xero answered without a ${name} report. Try again shortly.`, { details: { provider: "XERO" } });

/** One organization's books at Xero. Create once per organization and reuse: it owns the token manager and governor. */
export function createXeroAdapter(options: ConnectorOptions): XeroAdapter {
  const { api, governor, reference, organizationId } = createXeroServices(options);
  const ctx = () => ({ organizationId, now: options.clock.now() });

  async function wholeList<E extends EntityName>(def: XeroEntity<E>, filter: ListFilter): Promise<Array<EntityTypes[E]>> {
    if (def.listing.kind !== "whole") throw new Error(`${def.entity} is not listed whole`);
    const listing = def.listing;
    const load = async () => (await listing.fetch(api, filter)).map((record) => def.map(record, ctx()));
    // The cache stores JSON, so cached records keep their raw JSON as a value, not a thunk.
    const loadForCache = async () => (await load()).map((record) => ({ ...record, raw: rawOf(record.raw) }));
    return listing.cached ? reference.get(def.entity, loadForCache) : load();
  }

  const profile = () =>
    reference.get<XeroOrganizationProfile>("Organisation", async () => {
      // https://developer.xero.com/documentation/api/accounting/organisation#get-organisation
      const body = await api.call({ what: "Organisation" }, (x, tenant) => x.getOrganisations(tenant));
      if (!body.organisations?.[0]) throw missingReport("Organisation");
      return toOrganizationProfile(body.organisations[0]);
    });

  /** The tracking category a report breakdown names (BAD_USER_INPUT when the organisation has none such). */
  async function trackingCategory(remoteId: string | undefined) {
    if (remoteId === undefined) return undefined;
    return findTrackingCategory(await wholeList(xeroEntity("TrackingCategory"), {}), remoteId);
  }

  async function reportContext(): Promise<StandardReportContext> {
    const [{ baseCurrency, financialYearEnd }, accounts] = await Promise.all([profile(), wholeList(xeroEntity("Account"), {})]);
    const accountCodes = new Map(accounts.flatMap((a) => (a.code ? [[a.remoteId, a.code] as const] : [])));
    const chart = new Map(accounts.map((a) => [a.remoteId, { code: a.code ?? null, name: a.name, class: a.class }] as const));
    return { organizationId, currency: baseCurrency, accountCodes, accounts: chart, financialYearEnd: financialYearEnd ?? undefined };
  }

  const standard = xeroStandardReports({ api, organizationId, profile, context: reportContext, adapter: () => adapter });

  const adapter: XeroAdapter = {
    provider: Provider.XERO,
    capabilities: xeroCapabilities,
    upstream: governor,
    profile,

    async list(entity, params) {
      const def = xeroEntity(entity);
      if (def.listing.kind === "paged") return listPaged(def, def.listing, api, params, ctx());
      const records = await wholeList(def, def.listing.cached ? {} : params.filter);
      return pageInMemory(def.listing.cached ? filterReference(records, params.filter) : records, params);
    },

    async create(entity, input, options) {
      const creator = xeroCreator(entity);
      if (!creator) throw notSupported("XERO", `create ${entity}`);
      return creator(api, input, options, ctx());
    },

    async update(entity, remoteId, changes, options) {
      const updater = xeroUpdater(entity);
      if (!updater) throw notSupported("XERO", `update ${entity}`);
      return updater(api, remoteId, changes, options, ctx());
    },

    async remove(entity, remoteId, options) {
      const remover = XERO_REMOVERS[entity];
      if (!remover) throw notSupported("XERO", `delete ${entity}`);
      return remover(api, remoteId, options);
    },

    async perform(action, input, options) {
      const run = xeroAction(action);
      if (!run) throw notSupported("XERO", action);
      return run(api, input, options, ctx());
    },

    addNote: (entity, remoteId, text, options) => addHistoryNote(api, entity, remoteId, text, options),
    send: (_entity, remoteId, options) => emailInvoice(api, remoteId, options),

    getMany(entity, remoteIds) {
      const def = xeroEntity(entity);
      return getMany(def, api, remoteIds, ctx(), () => wholeList(def, {}));
    },

    async balanceSheet(params) {
      const paymentsOnly = params.basis === ReportBasis.CASH || undefined;
      // One read of the chart and profile for every option's call (a breakdown makes one call per option).
      const shared = reportContext();
      const one = async (trackingOptionID?: string) => {
        const [body, context] = await Promise.all([
          // https://developer.xero.com/documentation/api/accounting/reports#balance-sheet
          api.call({ what: "BalanceSheet" }, (x, tenant) =>
            x.getReportBalanceSheet(tenant, params.date, params.periods || undefined, params.timeframe, trackingOptionID, undefined, undefined, paymentsOnly)),
          shared,
        ]);
        if (!body.reports?.[0]) throw missingReport("BalanceSheet");
        return toUnifiedBalanceSheet(body.reports[0], params, context);
      };
      const category = await trackingCategory(params.trackingCategoryRemoteId);
      return category ? balanceSheetByTracking(category, one) : one();
    },

    /** The drill-down behind report lines: Xero's journal (GET /Journals) on the report's basis. */
    reportPostings: ({ basis }) => xeroReportPostings(api, basis, reportContext),

    async profitAndLoss(params) {
      const paymentsOnly = params.basis === ReportBasis.CASH || undefined;
      const category = await trackingCategory(params.trackingCategoryRemoteId);
      const [body, context] = await Promise.all([
        // https://developer.xero.com/documentation/api/accounting/reports#profit-and-loss
        api.call({ what: "ProfitAndLoss" }, (x, tenant) =>
          x.getReportProfitAndLoss(tenant, params.fromDate, params.toDate, params.periods || undefined, params.timeframe,
            category?.remoteId, undefined, undefined, undefined, undefined, paymentsOnly)),
        reportContext(),
      ]);
      if (!body.reports?.[0]) throw missingReport("ProfitAndLoss");
      if (category) return toUnifiedProfitAndLossByTracking(body.reports[0], params, context, category);
      return toUnifiedProfitAndLoss(body.reports[0], params, context);
    },

    trialBalance: standard.trialBalance,
    agedReport: standard.agedReport,
    cashSummary: standard.cashSummary,
    reportInputs: standard.reportInputs,
  };
  return adapter;
}

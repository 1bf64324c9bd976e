import { Provider } from "../../schema/common/provider.enum.js";
import type { ConnectorAdapter, ConnectorOptions, OrganizationProfile } from "../../src/connector/adapter.js";
import { computeBalanceSheet, computeProfitAndLoss } from "../../src/reports/engine/index.js";
import { computeAgedReport, computeCashSummary, computeTrialBalance } from "../../src/reports/engine/standard-reports.js";
import { CLIENTARY_REPORT_ENTITIES, clientaryLedger } from "./ledger/document-ledger.js";
import { projectBreakdown } from "./ledger/by-project.js";
import { computeBalanceSheetByTracking, computeProfitAndLossByTracking } from "../../src/reports/engine/tracking-breakdown.js";
import { ledgerPostings } from "../../src/reports/drill/engine-postings.js";
import { liveBooks, readDocumentBooks, type BooksReader, type DocumentEntity } from "../../src/reports/books.js";

/** What Clientary's aged receivables read: invoices and the payments against them. */
const CLIENTARY_AGED_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Payment"];
import type { UpstreamGovernor } from "../../src/upstream/index.js";
import { clientaryCapabilities } from "./capabilities.js";
import { createClientaryServices } from "./create-clientary-services.js";
import { clientaryEntity } from "./entities/index.js";
import type { PagedListing } from "./entities/clientary-entity.js";
import { fetchAllPages } from "./query/fetch-pages.js";
import { getMany } from "./query/get-many.js";
import { listPaged, mapRecords, pageInMemory } from "./query/list-records.js";
import { INVOICE_REFS } from "./entities/sales.entity.js";
import { notSupported } from "../../src/errors/index.js";
import type { WriteOptions } from "../../src/connector/writes.js";
import { clientaryCreator, clientaryUpdater, CLIENTARY_REMOVERS, sendDocument, type WriteContext } from "./writes/index.js";

/** The Clientary adapter also exposes its upstream governor, so benchmarks can count calls per query. */
export interface ClientaryAdapter extends ConnectorAdapter {
  readonly upstream: UpstreamGovernor;
}

/** One Clientary account's books. Create once per organization and reuse: it owns the governor and the list cache. */
export function createClientaryAdapter(options: ConnectorOptions): ClientaryAdapter {
  const services = createClientaryServices(options);
  /**
   * The same services, but cached lists (staff, a client's people, …) are read again and the cache refreshed;
   * the invoice numbers payments are joined with refresh themselves when a payment names an unknown invoice.
   */
  const freshServices = {
    ...services,
    lists: { ...services.lists, get: async <T>(key: string, load: () => Promise<T>) => (key !== INVOICE_REFS && (await services.lists.delete(key)), services.lists.get(key, load)) },
  };
  const ctx = () => ({ organizationId: services.organizationId, now: options.clock.now(), currency: services.settings.currency });
  const writing = (writeOptions: WriteOptions): WriteContext => ({ services, ctx: ctx(), options: writeOptions });

  const adapter: ClientaryAdapter = {
    provider: Provider.CLIENTARY,
    capabilities: clientaryCapabilities,
    upstream: services.governor,

    /** Clientary has no account endpoint: the name is the organization's, the currency the configured one. */
    async profile(): Promise<OrganizationProfile> {
      return { name: options.organization.name, baseCurrency: services.settings.currency, countryCode: null, legalName: null };
    },

    async list(entity, params) {
      const def = clientaryEntity(entity);
      const reading = params.fresh ? freshServices : services;
      if (def.listing.kind === "paged") return listPaged(def, def.listing, reading, params, ctx());
      const page = pageInMemory(await def.listing.fetch(reading, params.filter), params);
      return { ...page, items: await mapRecords(def, reading, page.items, ctx()) };
    },

    getMany(entity, remoteIds) {
      const def = clientaryEntity(entity);
      const listing = def.listing;
      const scan = () =>
        listing.kind === "paged" ? services.lists.get(`scan:${entity}`, () => fetchAllPages(services, listing as PagedListing, {})) : listing.fetch(services, {});
      return getMany(def, services, remoteIds, ctx(), scan);
    },

    async create(entity, input, writeOptions) {
      const creator = clientaryCreator(entity);
      if (!creator) throw notSupported("CLIENTARY", `create ${entity}`);
      return creator(writing(writeOptions), input);
    },

    async update(entity, remoteId, changes, writeOptions) {
      const updater = clientaryUpdater(entity);
      if (!updater) throw notSupported("CLIENTARY", `update ${entity}`);
      return updater(writing(writeOptions), remoteId, changes);
    },

    async remove(entity, remoteId, writeOptions) {
      const remover = CLIENTARY_REMOVERS[entity];
      if (!remover) throw notSupported("CLIENTARY", `delete ${entity}`);
      return remover(writing(writeOptions), remoteId);
    },

    send: (entity, remoteId, writeOptions) => sendDocument(writing(writeOptions), entity, remoteId),

    /** Clientary has no reports: the shared engine computes them from invoices, payments and expenses. */
    async balanceSheet({ books, ...params }) {
      const reader = books ?? liveReportBooks(params.date);
      const byProject = params.trackingCategoryRemoteId === undefined ? undefined : await projectBreakdown(reader, params.trackingCategoryRemoteId);
      const ledger = await clientaryLedger(reader, services.settings.currency, options.organization.name, params.basis);
      return byProject ? computeBalanceSheetByTracking(ledger, params, engineContext, byProject) : computeBalanceSheet(ledger, params, engineContext);
    },

    async profitAndLoss({ books, ...params }) {
      const reader = books ?? liveReportBooks(params.toDate);
      const byProject = params.trackingCategoryRemoteId === undefined ? undefined : await projectBreakdown(reader, params.trackingCategoryRemoteId);
      const ledger = await clientaryLedger(reader, services.settings.currency, options.organization.name, params.basis);
      return byProject ? computeProfitAndLossByTracking(ledger, params, engineContext, byProject) : computeProfitAndLoss(ledger, params, engineContext);
    },

    /** The drill-down behind a report's lines: the same ledger the report is computed from. */
    async reportPostings({ books, ...params }) {
      return ledgerPostings(await clientaryLedger(books ?? liveReportBooks(params.toDate), services.settings.currency, options.organization.name, params.basis));
    },

    async trialBalance({ books, ...params }) {
      const ledger = await clientaryLedger(books ?? liveReportBooks(params.date), services.settings.currency, options.organization.name, params.basis);
      return computeTrialBalance(ledger, params, engineContext);
    },

    async cashSummary({ books, ...params }) {
      const ledger = await clientaryLedger(books ?? liveReportBooks(params.toDate), services.settings.currency, options.organization.name, params.basis);
      return computeCashSummary(ledger, params, engineContext);
    },

    /** Clientary has no bills or credit notes: receivables are its invoices less payments; payables are always empty. */
    async agedReport({ books, ...params }) {
      const documents = await readDocumentBooks(books ?? liveBooks(adapter), CLIENTARY_AGED_ENTITIES);
      return computeAgedReport(documents, params, { ...engineContext, currency: services.settings.currency, organizationName: options.organization.name });
    },

    reportInputs: (report, _basis, params) => ({
      kind: "BOOKS",
      entities: report === "AgedReceivables" || report === "AgedPayables" ? CLIENTARY_AGED_ENTITIES
        : params && "trackingCategoryRemoteId" in params ? [...CLIENTARY_REPORT_ENTITIES, "Project"] : CLIENTARY_REPORT_ENTITIES,
    }),
  };
  /**
   * The live listings a report reads. Clientary answers expenses one date window at a time, so only
   * those up to the report's last day are asked for: later ones post nothing to any column.
   */
  const liveReportBooks = (toDate: string): BooksReader =>
    liveBooks(adapter, { Expense: { dateFrom: "2000-01-01", dateTo: toDate }, Project: { includeArchived: true } });
  const engineContext = { organizationId: services.organizationId, provider: Provider.CLIENTARY };
  return adapter;
}

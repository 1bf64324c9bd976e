import { Provider } from "../../schema/common/provider.enum.js";
import { refuseTracking } from "./ledger/tracking.js";
import type { ConnectorAdapter, ConnectorOptions, OrganizationProfile } from "../../src/connector/adapter.js";
import type { EntityName, EntityTypes } from "../../src/connector/entities.js";
import { rawOf } from "../../src/connector/raw.js";
import { ErrorCode, isGatewayError, notSupported } from "../../src/errors/index.js";
import { liveBooks, readDocumentBooks, type BooksReader, type DocumentEntity } from "../../src/reports/books.js";
import { fixedChartLedger } from "../../src/reports/engine/fixed-chart-ledger.js";
import { ReportBasis } from "../../schema/report/report-enums.js";
import { computeBalanceSheet, computeProfitAndLoss } from "../../src/reports/engine/index.js";
import { computeAgedReport, computeCashSummary, computeTrialBalance } from "../../src/reports/engine/standard-reports.js";
import { readJournalBooks } from "./ledger/journal-ledger.js";
import { daftraJournalLedger } from "./ledger/daftra-ledger.js";
import { daftraLedgerPostings } from "./ledger/journal-documents.js";
import type { UpstreamGovernor } from "../../src/upstream/index.js";
import { daftraCapabilities } from "./capabilities.js";
import { createDaftraServices } from "./create-daftra-services.js";
import { daftraEntity, type DaftraEntity } from "./entities/index.js";
import type { MappingContext } from "./mapping/common.js";
import { siteSchema } from "./mapping/wire-schemas.js";
import { parseRow } from "./entities/daftra-entity.js";
import { filterInMemory } from "./query/filters.js";
import { getEach } from "./query/get-many.js";
import { fetchAll, listPaged, pageInMemory } from "./query/list-records.js";
import { addNote, createChartLookup, createProductLookup, daftraCreator, daftraPerformer, daftraUpdater, DAFTRA_REMOVERS, type WriteContext } from "./writes/index.js";

/** What Daftra's document-based reports read: invoices, bills, payments and expenses. */
const DOCUMENT_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Bill", "Payment", "Expense"];
/** What Daftra's aged reports read: the documents that can be open and what settles them. */
const AGED_ENTITIES: readonly DocumentEntity[] = ["Invoice", "Bill", "CreditNote", "Payment"];

/** The Daftra adapter also exposes its upstream governor, so benchmarks can count calls per query. */
export interface DaftraAdapter extends ConnectorAdapter {
  readonly upstream: UpstreamGovernor;
}

/** One organization's books at Daftra. Create once per organization and reuse: it owns the governor. */
export function createDaftraAdapter(options: ConnectorOptions): DaftraAdapter {
  const { api, governor, reference, organizationId, settings } = createDaftraServices(options);
  const ctx = (): MappingContext => ({ organizationId, now: options.clock.now(), dateOrder: settings.dateOrder });

  /** Reference data, whole and cached; the cache keeps JSON, so `raw` is materialised first. */
  function wholeList<E extends EntityName>(def: DaftraEntity<E>): Promise<Array<EntityTypes[E]>> {
    return reference.get(def.entity, async () => {
      const lists = await Promise.all(def.sources.map((source) => fetchAll(api, source.path)));
      return def.whole!(lists, ctx()).map((record) => ({ ...record, raw: rawOf(record.raw) }));
    });
  }

  const profile = () =>
    reference.get<OrganizationProfile>("Site", async () => {
      // https://docs.daftara.dev (Site Info: GET /site_info)
      const site = parseRow(siteSchema, await api.read("site_info"), "Site");
      return { name: site.business_name ?? "Daftra", baseCurrency: site.currency_code ?? "", countryCode: site.country_code, legalName: site.business_name };
    });

  const writes: WriteContext = {
    api,
    ctx,
    today: () => options.clock.now().toISOString().slice(0, 10),
    chart: createChartLookup(api, reference),
    products: createProductLookup(api),
  };
  /** The capability guard refuses undeclared writes first; an unguarded caller gets the same answer here. */
  const missingWriter = (what: string) => notSupported("DAFTRA", what);

  const engineContext = { organizationId, provider: Provider.DAFTRA };
  const adapter: DaftraAdapter = {
    provider: Provider.DAFTRA,
    capabilities: daftraCapabilities,
    upstream: governor,
    profile,

    async list(entity, params) {
      const def = daftraEntity(entity);
      if (!def.whole) return listPaged(def, api, params, ctx());
      return pageInMemory(filterInMemory(await wholeList(def), params.filter), params);
    },

    async getMany(entity, remoteIds) {
      const def = daftraEntity(entity);
      if (!def.whole) return getEach(def, api, remoteIds, ctx());
      const byId = new Map((await wholeList(def)).map((record) => [record.remoteId, record]));
      return remoteIds.map((id) => byId.get(id) ?? null);
    },

    async create(entity, input, writeOptions) {
      const creator = daftraCreator(entity);
      if (!creator) throw missingWriter(`create ${entity}`);
      return creator(writes, input, writeOptions);
    },

    async update(entity, remoteId, changes, writeOptions) {
      const updater = daftraUpdater(entity);
      if (!updater) throw missingWriter(`update ${entity}`);
      return updater(writes, remoteId, changes, writeOptions);
    },

    async remove(entity, remoteId, writeOptions) {
      const remover = DAFTRA_REMOVERS[entity];
      if (!remover) throw missingWriter(`delete ${entity}`);
      return remover(writes, remoteId, writeOptions);
    },

    addNote: (entity, remoteId, text, writeOptions) => addNote(writes, entity, remoteId, text, writeOptions),

    async perform(action, input, writeOptions) {
      const performer = daftraPerformer(action);
      if (!performer) throw missingWriter(action);
      return performer(writes, input, writeOptions);
    },

    /** Daftra has no report endpoints: the shared engine computes both (see `ledgerFor`). */
    balanceSheet: async ({ books, ...params }) => {
      refuseTracking(params);
      return computeBalanceSheet(await ledgerFor(params.basis, books), params, engineContext);
    },
    profitAndLoss: async ({ books, ...params }) => {
      refuseTracking(params);
      return computeProfitAndLoss(await ledgerFor(params.basis, books), params, engineContext);
    },
    trialBalance: async ({ books, ...params }) => computeTrialBalance(await ledgerFor(params.basis, books), params, engineContext),
    /** The drill-down behind a report's lines: the same ledger the report is computed from. */
    reportPostings: async ({ books, basis }) => daftraLedgerPostings(await ledgerFor(basis, books)),
    /** Bank balances do not depend on the basis: the journals when readable, as the accrual reports. */
    cashSummary: async ({ books, ...params }) => computeCashSummary(await ledgerFor(params.basis, books), params, engineContext),
    agedReport: async ({ books, ...params }) => {
      const site = await profile();
      return computeAgedReport(await readDocumentBooks(books ?? liveBooks(adapter), AGED_ENTITIES), params, { ...engineContext, currency: site.baseCurrency, organizationName: site.name });
    },
    /**
     * Both bases come from the journals (upstream, not mirrored: the bank, opening capital and purchase
     * payments are only there), so they are served as reports made upstream; aged reports from the documents.
     */
    reportInputs: (report) => (report === "AgedReceivables" || report === "AgedPayables" ? { kind: "BOOKS", entities: AGED_ENTITIES } : { kind: "UPSTREAM" }),
  };
  return adapter;

  /**
   * Accrual reports come from Daftra's own journals. Cash-basis reports — and accrual ones when the
   * key may not read journals — come from the documents on the engine's fixed chart, read through
   * `books` when the gateway hands them over (a mirror snapshot), else listed live.
   */
  async function ledgerFor(basis: ReportBasis, books: BooksReader = liveBooks(adapter)) {
    const site = await profile();
    const ledgerOptions = { currency: site.baseCurrency, organizationName: site.name, dateOrder: settings.dateOrder };
    const readJournals = readJournalBooks(api, ledgerOptions).catch((error: unknown) => {
      if (!isGatewayError(error) || (error.code !== ErrorCode.FORBIDDEN && error.code !== ErrorCode.NOT_FOUND)) throw error;
      options.logger.warn("Daftra journals unreadable; computing the report from documents", { organizationId });
      return undefined;
    });
    const [journal, documents] = await Promise.all([readJournals, readDocumentBooks(books, DOCUMENT_ENTITIES)]);
    return journal
      ? daftraJournalLedger(journal, documents, basis, ledgerOptions)
      : fixedChartLedger(documents, { currency: site.baseCurrency, organizationName: site.name, basis });
  }
}

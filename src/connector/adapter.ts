import type { EntityName, EntityTypes } from "./entities.js";
import type { CapabilityDeclaration, ReportName } from "./capabilities.js";
import type { Provider } from "../../schema/common/provider.enum.js";
import type { BalanceSheet, ProfitAndLoss } from "../../schema/report/report.type.js";
import type { AgedBy, AgedReport, CashSummary, TrialBalance } from "../../schema/report/standard-reports.type.js";
import type { ReportBasis, ReportTimeframe } from "../../schema/report/report-enums.js";
import type { Logger } from "../infra/logger.js";
import type { Clock } from "../infra/clock.js";
import type { KeyValueStore } from "../store/key-value-store.js";
import type { OrganizationRecord } from "../organizations/organization-record.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { UpstreamGovernor, UpstreamPolicy } from "../upstream/governor.js";
import type { BooksReader } from "../reports/books.js";
import type { LedgerPostings } from "../reports/drill/drill-postings.js";
import type { ActionInputs, ActionName, ActionResults, CreatableEntity, InputTypes, NoteAdded, Removal, UpdatableEntity, UpdateTypes, WriteOptions, WriteResult } from "./writes.js";

/** Filters a list may carry; a connector applies what its provider can and says so in its capabilities. */
export interface ListFilter {
  /** Unified status names (e.g. InvoiceStatus values). */
  status?: string[];
  /** Provider id of the contact the records belong to. */
  contactRemoteId?: string;
  /** Inclusive accounting-date range, YYYY-MM-DD. */
  dateFrom?: string;
  dateTo?: string;
  /** Records changed at or after this instant (ISO). */
  updatedSince?: string;
  /** Free text the provider searches (names, numbers, references). */
  search?: string;
  /** Include archived/deleted records that lists hide by default. */
  includeArchived?: boolean;
}

export interface ListParams {
  /** Page size wanted (already bounded by the gateway). */
  first: number;
  /** Zero-based offset into the filtered, ordered list (decoded from the Relay cursor). */
  offset: number;
  filter: ListFilter;
  /** Read the provider's current state, past any cache the connector keeps (change detection sets it). */
  fresh?: boolean;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount?: number | null;
}

export interface BalanceSheetParams {
  date: string;
  /** Extra comparison periods before `date`, 0..11. */
  periods: number;
  timeframe: ReportTimeframe;
  basis: ReportBasis;
  /** One column per option of this tracking category (provider id), plus Unassigned and Total; `periods` is then 0. */
  trackingCategoryRemoteId?: string;
}

export interface ProfitAndLossParams {
  fromDate: string;
  toDate: string;
  periods: number;
  timeframe: ReportTimeframe;
  basis: ReportBasis;
  /** One column per option of this tracking category (provider id), plus Unassigned and Total; `periods` is then 0. */
  trackingCategoryRemoteId?: string;
}

export interface TrialBalanceParams {
  date: string;
  basis: ReportBasis;
}

/** Receivables (sales invoices and credits) or payables (bills and purchase credits). */
export type AgedSide = "RECEIVABLES" | "PAYABLES";

export interface AgedReportParams {
  side: AgedSide;
  /** Balances as at this date: payments and allocations after it are not counted. */
  date: string;
  /** Ages from the due date or the issue date. */
  agedBy: AgedBy;
  /** Bucket boundaries in days, ascending, e.g. [30, 60, 90] → Current, 1–30, 31–60, 61–90, Older. */
  bucketDays: number[];
  /** One contact only (its provider id); Xero makes this one natively. */
  contactRemoteId?: string | null;
  /** Only documents issued in this window (both optional). */
  fromDate?: string | null;
  toDate?: string | null;
  /** Always ACCRUAL: documents are open or not whatever the basis; kept for `reportInputs` and the cache key. */
  basis: ReportBasis;
}

export interface CashSummaryParams {
  fromDate: string;
  toDate: string;
  periods: number;
  timeframe: ReportTimeframe;
  /** Always ACCRUAL: bank balances do not depend on the basis; kept for `reportInputs` and the cache key. */
  basis: ReportBasis;
}

/**
 * What a report method may be handed besides its parameters. It travels inside the parameters object
 * so every wrapper that forwards the parameters (the capability guard) forwards it too.
 */
export interface ReportBooksOption {
  /**
   * The books a computed report reads instead of the live listings (the gateway hands over a mirror
   * snapshot, one consistent moment); absent: the connector lists live. Reports made upstream ignore it.
   */
  books?: BooksReader;
}

/** Which ledger a drill-down reads: the one the report on `basis` is made from. */
export interface ReportPostingsParams {
  /** The report whose lines are drilled into (its `reportInputs` say what the ledger is made from). */
  report: ReportName;
  basis: ReportBasis;
  /** The report's last day: postings after it are not needed (a connector may read less). */
  toDate: string;
}

/** Where a report's numbers come from, so the gateway can choose what to serve it from (`reportInputs`). */
export type ReportInputs =
  /** Computed by the engine from every record of these entities: a `books` reader over them stands in for the live listings. */
  | { kind: "BOOKS"; entities: readonly EntityName[] }
  /** Made upstream (the provider's own report, or journals the mirror does not hold): `books` is not used. */
  | { kind: "UPSTREAM" };

/** One organization's books through one provider. Created per organization by its connector definition. */
export interface ConnectorAdapter {
  readonly provider: Provider;
  readonly capabilities: CapabilityDeclaration;
  /** The organization's upstream governor, read for its budget (`Organization.upstreamBudget`); absent for adapters without one. */
  readonly upstream?: Pick<UpstreamGovernor, "budget">;
  /** Name, base currency and country as the provider states them. */
  profile(): Promise<OrganizationProfile>;
  list<E extends EntityName>(entity: E, params: ListParams): Promise<Page<EntityTypes[E]>>;
  /** Fetch many by provider id in as few upstream calls as the provider allows; result order = input order. */
  getMany<E extends EntityName>(entity: E, remoteIds: readonly string[]): Promise<Array<EntityTypes[E] | null>>;
  balanceSheet(params: BalanceSheetParams & ReportBooksOption): Promise<BalanceSheet>;
  profitAndLoss(params: ProfitAndLossParams & ReportBooksOption): Promise<ProfitAndLoss>;
  /** Every account's balance at a date (Xero's own; computed from the ledger elsewhere). */
  trialBalance?(params: TrialBalanceParams & ReportBooksOption): Promise<TrialBalance>;
  /** Open receivables or payables by contact and age (Xero's own for one contact; computed from documents elsewhere). */
  agedReport?(params: AgedReportParams & ReportBooksOption): Promise<AgedReport>;
  /** Bank and cash accounts' money in and out per period (Xero's BankSummary; computed from the ledger elsewhere). */
  cashSummary?(params: CashSummaryParams & ReportBooksOption): Promise<CashSummary>;
  /** Every posting of the ledger the report is made from, on its basis (the drill-down behind report lines); absent: no drill-down. */
  reportPostings?(params: ReportPostingsParams & ReportBooksOption): Promise<LedgerPostings>;
  /** Where a report on `basis` comes from (`params`: the report's parameters, when the answer depends on them); absent: made upstream (native reports). */
  reportInputs?(report: ReportName, basis: ReportBasis, params?: object): ReportInputs;
  /** Creates a record (declared as the entity's `create` operation); absent when the connector writes nothing yet. */
  create?<E extends CreatableEntity>(entity: E, input: InputTypes[E], options: WriteOptions): Promise<WriteResult<EntityTypes[E]>>;
  /** Changes a record (declared as the entity's `update` operation). */
  update?<E extends UpdatableEntity>(entity: E, remoteId: string, changes: UpdateTypes[E], options: WriteOptions): Promise<WriteResult<EntityTypes[E]>>;
  /** Deletes, voids or archives a record, as the provider's rules allow (declared as the entity's `delete` operation). */
  remove?(entity: EntityName, remoteId: string, options: WriteOptions): Promise<WriteResult<Removal>>;
  /** Adds a note to a record's history (declared as the entity's `note` operation). */
  addNote?(entity: EntityName, remoteId: string, text: string, options: WriteOptions): Promise<WriteResult<NoteAdded>>;
  /** Emails a document to its contact (declared as the entity's `send` operation). */
  send?(entity: EntityName, remoteId: string, options: WriteOptions): Promise<WriteResult<{ sent: true }>>;
  /** Runs an action that is not a plain create/update (declared under ACTION_OPERATIONS[action]). */
  perform?<A extends ActionName>(action: A, input: ActionInputs[A], options: WriteOptions): Promise<WriteResult<ActionResults[A]>>;
}

export interface OrganizationProfile {
  name: string;
  baseCurrency: string;
  countryCode?: string | null;
  legalName?: string | null;
}

/** Everything an adapter may use, handed over in one object; adapters never read env or open stores themselves. */
export interface ConnectorOptions {
  organization: OrganizationRecord;
  /** Short-lived cache (reference data). */
  cache: KeyValueStore;
  /** Durable state (tokens, cursors); secrets are sealed before they are written. */
  store: KeyValueStore;
  /** Seals secrets (tokens) before they go into `store`. */
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
  /** The gateway's bounds on upstream calls (deadline, per-key share, the pollers' reserve), for the connector's governor. */
  upstream?: UpstreamPolicy;
}

export interface ConnectorDefinition {
  provider: Provider;
  capabilities: CapabilityDeclaration;
  create(options: ConnectorOptions): ConnectorAdapter;
}

import { Provider } from "../../../schema/common/provider.enum.js";
import { ReportBasis } from "../../../schema/report/report-enums.js";
import type { AgedReport, CashSummary, TrialBalance } from "../../../schema/report/standard-reports.type.js";
import type {
  AgedReportParams, CashSummaryParams, ConnectorAdapter, ReportBooksOption, ReportInputs, TrialBalanceParams,
} from "../../../src/connector/adapter.js";
import type { ReportName } from "../../../src/connector/capabilities.js";
import { ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { liveBooks, readDocumentBooks } from "../../../src/reports/books.js";
import { AGED_REPORT_ENTITIES, computeAgedReport } from "../../../src/reports/engine/aged-report.js";
import type { XeroApi } from "../client/xero-api.js";
import type { XeroOrganizationProfile } from "../mapping/to-profile.js";
import { toUnifiedAgedByContact } from "./aged-by-contact.js";
import { bankSummaryPeriods, toUnifiedCashSummary } from "./bank-summary.js";
import type { StandardReportContext } from "./standard-context.js";
import { toUnifiedTrialBalance } from "./trial-balance.js";

export interface StandardReportDeps {
  api: XeroApi;
  organizationId: string;
  profile(): Promise<XeroOrganizationProfile>;
  /** The cached chart and profile (no upstream call once cached), as the balance sheet's context. */
  context(): Promise<StandardReportContext>;
  /** The adapter itself: the computed aged report lists its documents through it when no `books` are handed over. */
  adapter(): Pick<ConnectorAdapter, "list">;
}

const missing = (name: string) =>
  new GatewayError(ErrorCode.PROVIDER_UNAVAILABLE, `Xero answered without a ${name} report. Try again shortly.`, { details: { provider: "XERO" } });

const isAged = (report: ReportName) => report === "AgedReceivables" || report === "AgedPayables";

/**
 * Xero's standard reports: TrialBalance, AgedReceivablesByContact / AgedPayablesByContact (one
 * contact) and BankSummary (one call per period) made by Xero; aged reports across every contact
 * computed by the shared engine from the documents, as Xero has no such report in its API.
 */
export function xeroStandardReports(deps: StandardReportDeps) {
  const { api } = deps;

  async function trialBalance(params: TrialBalanceParams & ReportBooksOption): Promise<TrialBalance> {
    const paymentsOnly = params.basis === ReportBasis.CASH || undefined;
    const [body, context] = await Promise.all([
      // https://developer.xero.com/documentation/api/accounting/reports#trial-balance
      api.call({ what: "TrialBalance" }, (x, tenant) => x.getReportTrialBalance(tenant, params.date, paymentsOnly)),
      deps.context(),
    ]);
    if (!body.reports?.[0]) throw missing("TrialBalance");
    return toUnifiedTrialBalance(body.reports[0], params, context);
  }

  async function agedReport(params: AgedReportParams & ReportBooksOption): Promise<AgedReport> {
    const { books, ...report } = params;
    if (!report.contactRemoteId) {
      const [documents, profile] = await Promise.all([
        readDocumentBooks(books ?? liveBooks(deps.adapter()), AGED_REPORT_ENTITIES),
        deps.profile(),
      ]);
      return computeAgedReport(documents, report, {
        organizationId: deps.organizationId, provider: Provider.XERO, currency: profile.baseCurrency, organizationName: profile.name,
      });
    }
    const contactId = report.contactRemoteId;
    // Xero's issue window ends at the report date at the latest, as the engine's does.
    const toDate = report.toDate && report.toDate < report.date ? report.toDate : report.date;
    const fromDate = report.fromDate ?? undefined;
    const what = report.side === "PAYABLES" ? "AgedPayablesByContact" : "AgedReceivablesByContact";
    const [body, profile] = await Promise.all([
      // https://developer.xero.com/documentation/api/accounting/reports#aged-receivables-by-contact (and #aged-payables-by-contact)
      // A contact Xero does not know answers 404: "Contact 'id' was not found".
      api.call({ what: "Contact", id: contactId }, (x, tenant) => report.side === "PAYABLES"
        ? x.getReportAgedPayablesByContact(tenant, contactId, report.date, fromDate, toDate)
        : x.getReportAgedReceivablesByContact(tenant, contactId, report.date, fromDate, toDate)),
      // Only the organization and its currency: no chart of accounts is read for an aged report.
      deps.profile(),
    ]);
    if (!body.reports?.[0]) throw missing(what);
    return toUnifiedAgedByContact(body.reports[0], report, { organizationId: deps.organizationId, currency: profile.baseCurrency });
  }

  async function cashSummary(params: CashSummaryParams & ReportBooksOption): Promise<CashSummary> {
    const periods = bankSummaryPeriods(params);
    const [bodies, context] = await Promise.all([
      // https://developer.xero.com/documentation/api/accounting/reports#bank-summary — one period per call
      Promise.all(periods.map((p) => api.call({ what: "BankSummary" }, (x, tenant) => x.getReportBankSummary(tenant, p.fromDate, p.toDate)))),
      deps.context(),
    ]);
    const reports = bodies.map((b) => b.reports?.[0]);
    if (reports.some((r) => !r)) throw missing("BankSummary");
    return toUnifiedCashSummary(reports.map((r) => r!), params, context);
  }

  /** Aged reports across every contact read the documents (the mirror can stand in); every other report is Xero's own. */
  function reportInputs(report: ReportName, _basis: ReportBasis, params?: object): ReportInputs {
    const contact = (params as Partial<AgedReportParams> | undefined)?.contactRemoteId;
    return isAged(report) && !contact ? { kind: "BOOKS", entities: AGED_REPORT_ENTITIES } : { kind: "UPSTREAM" };
  }

  return { trialBalance, agedReport, cashSummary, reportInputs };
}

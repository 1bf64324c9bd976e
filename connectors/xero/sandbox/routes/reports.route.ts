/**
 * Reports: GET /Reports/BalanceSheet (date, periods, timeframe, paymentsOnly),
 * GET /Reports/ProfitAndLoss (fromDate, toDate, periods, timeframe, paymentsOnly),
 * GET /Reports/TrialBalance (date, paymentsOnly), GET /Reports/BankSummary (fromDate, toDate) and
 * GET /Reports/AgedReceivablesByContact | AgedPayablesByContact (contactId required; date, fromDate,
 * toDate), computed by the books and wrapped as `Reports: [report]`. Layout parameters are accepted
 * and ignored; tracking parameters of the P&L and balance sheet: see report-tracking.ts.
 * https://developer.xero.com/documentation/api/accounting/reports
 */
import { agedByContact, balanceSheet, bankSummary, profitAndLoss, trialBalance, type AgedSide, type Timeframe } from "../books/reports.js";
import type { XeroBooks, XeroReport } from "../books/types.js";
import { balanceSheetTrackingOptions, profitAndLossTracking } from "./report-tracking.js";
import { requireScope } from "../identity/bearer.js";
import { queryBoolean, queryParam, type RequestContext } from "../http/context.js";
import { apiException, HttpError, notFound, queryError } from "../http/errors.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { parseWireDate, recordToWire } from "../wire/dates.js";
import { envelopeReply } from "../wire/envelope.js";
import { API_BASE } from "./read-routes.js";

const TIMEFRAMES: Timeframe[] = ["MONTH", "QUARTER", "YEAR"];

function dateParam(ctx: RequestContext, name: string): string | undefined {
  const raw = queryParam(ctx, name);
  if (raw === undefined || raw === "") return undefined;
  const ms = parseWireDate(raw);
  if (ms === undefined) throw queryError(`${name} must be a date such as 2024-01-31`);
  return new Date(ms).toISOString().slice(0, 10);
}

function commonParams(ctx: RequestContext): { periods?: number; timeframe?: Timeframe; paymentsOnly?: boolean; now: string } {
  const periodsText = queryParam(ctx, "periods");
  const periods = periodsText === undefined || periodsText === "" ? undefined : Number(periodsText);
  if (periods !== undefined && (!Number.isInteger(periods) || periods < 0 || periods > 11)) {
    throw queryError("periods must be a whole number from 1 to 11");
  }
  const timeframeText = queryParam(ctx, "timeframe")?.toUpperCase();
  if (timeframeText && !TIMEFRAMES.includes(timeframeText as Timeframe)) throw queryError("timeframe must be MONTH, QUARTER or YEAR");
  return { periods, timeframe: timeframeText as Timeframe | undefined, paymentsOnly: queryBoolean(ctx, "paymentsOnly"), now: ctx.now.toISOString() };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The aged reports need one contact: missing or malformed → 400 ValidationException; unknown → 404 (Xero's not-JSON body). */
function contactParam(books: XeroBooks, ctx: RequestContext) {
  const id = queryParam(ctx, "contactId")?.trim();
  if (!id || !GUID.test(id)) {
    const message = id ? `contactId '${id}' is not a valid GUID` : "contactId is required: the ContactID of the contact to report on";
    throw new HttpError(apiException("ValidationException", message), message);
  }
  const contact = books.contacts.find((c) => c.ContactID.toLowerCase() === id.toLowerCase());
  if (!contact) throw new HttpError(notFound());
  return contact;
}

function agedParams(side: AgedSide, books: XeroBooks, ctx: RequestContext) {
  return {
    side, contact: contactParam(books, ctx), date: dateParam(ctx, "date"), fromDate: dateParam(ctx, "fromDate"), toDate: dateParam(ctx, "toDate"),
    now: ctx.now.toISOString(),
  };
}

function reportRoute(runtime: SandboxRuntime, name: string, scope: string, build: (books: XeroBooks, ctx: RequestContext) => XeroReport): Route {
  return route("GET", `${API_BASE}/Reports/${name}`, (ctx) => {
    requireScope(ctx.grant!, ["accounting.reports", scope], "read");
    const report = build(runtime.state.books, ctx);
    return envelopeReply(runtime.providerName, ctx.now, "Reports", [recordToWire(report)]);
  });
}

export function reportsRoutes(runtime: SandboxRuntime): Route[] {
  return [
    reportRoute(runtime, "BalanceSheet", "accounting.reports.balancesheet", (books, ctx) =>
      balanceSheet(books, { date: dateParam(ctx, "date"), ...commonParams(ctx), trackingOptions: balanceSheetTrackingOptions(books, ctx) })),
    reportRoute(runtime, "ProfitAndLoss", "accounting.reports.profitandloss", (books, ctx) =>
      profitAndLoss(books, { fromDate: dateParam(ctx, "fromDate"), toDate: dateParam(ctx, "toDate"), ...commonParams(ctx), tracking: profitAndLossTracking(books, ctx) })),
    reportRoute(runtime, "TrialBalance", "accounting.reports.trialbalance", (books, ctx) =>
      trialBalance(books, { date: dateParam(ctx, "date"), paymentsOnly: queryBoolean(ctx, "paymentsOnly"), now: ctx.now.toISOString() })),
    reportRoute(runtime, "BankSummary", "accounting.reports.banksummary", (books, ctx) =>
      bankSummary(books, { fromDate: dateParam(ctx, "fromDate"), toDate: dateParam(ctx, "toDate"), now: ctx.now.toISOString() })),
    reportRoute(runtime, "AgedReceivablesByContact", "accounting.reports.aged", (books, ctx) => agedByContact(books, agedParams("RECEIVABLES", books, ctx))),
    reportRoute(runtime, "AgedPayablesByContact", "accounting.reports.aged", (books, ctx) => agedByContact(books, agedParams("PAYABLES", books, ctx))),
  ];
}

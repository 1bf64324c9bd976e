/**
 * Tracking on Xero's wire reports, per the spec's parameters: GET /Reports/ProfitAndLoss takes
 * trackingCategoryID (a column per option, then Unassigned and Total), trackingOptionID (that option
 * alone) and trackingOptionID2; GET /Reports/BalanceSheet takes trackingOptionID1/2 (only lines tagged
 * with the option). Unknown ids are a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineNet } from "../books/totals.js";
import { Decimal } from "../books/money.js";
import { lineSign, POSTED_STATUSES, type LedgerDocument } from "../books/ledger/documents.js";
import { seedBooks } from "../books/seed.js";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox, TODAY } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 1000 } });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

interface WireRow { RowType: string; Title?: string; Cells?: Array<{ Value?: string }>; Rows?: WireRow[] }
const report = async (path: string) => {
  const res = await api(sandbox, token, path);
  expect(res.status, res.text).toBe(200);
  return res.json.Reports[0] as { Rows: WireRow[] };
};
const values = (row: WireRow | undefined) => (row?.Cells ?? []).slice(1).map((c) => c.Value ?? "");
const row = (rows: WireRow[], title: string) => rows.flatMap((r) => [r, ...(r.Rows ?? [])]).find((r) => r.RowType !== "Section" && r.Cells?.[0]?.Value === title);
const sum = (amounts: string[]) => amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);

/** The sandbox's books (default seed 42), read directly for an oracle that does not go through its journal. */
const books = seedBooks({ seed: 42, today: TODAY });
const region = books.trackingCategories[0]!;
const [north] = region.Options;
const RANGE = "fromDate=2025-10-01&toDate=2026-03-15";

/** Income of the option from the documents' tracked lines (accrual): sales lines net of tax, credits and spend negative. */
function trackedIncome(option: string, from: string, to: string): string {
  const income = new Set(books.accounts.filter((a) => a.Type === "REVENUE" || a.Type === "SALES").map((a) => a.Code));
  const docs: LedgerDocument[] = [...books.invoices, ...books.creditNotes, ...books.bankTransactions];
  let total = new Decimal(0);
  for (const doc of docs) {
    if (!POSTED_STATUSES.has(doc.Status) || doc.Date < from || doc.Date > to) continue;
    for (const line of doc.LineItems) {
      if (!income.has(line.AccountCode ?? "") || !line.Tracking.some((t) => t.TrackingOptionID === option)) continue;
      total = total.minus(lineNet(line, doc.LineAmountTypes).times(lineSign(doc)));
    }
  }
  return total.toFixed(2);
}

describe("GET /Reports/ProfitAndLoss with tracking", () => {
  it("trackingCategoryID: a column per option, then Unassigned and Total; the columns add up to Total, which is the plain report", async () => {
    const byRegion = await report(`/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${region.TrackingCategoryID}`);
    const plain = await report(`/Reports/ProfitAndLoss?${RANGE}`);
    expect(values(byRegion.Rows[0])).toEqual([...region.Options.map((o) => o.Name), "Unassigned", "Total"]);
    for (const title of ["Total Income", "Gross Profit", "Total Operating Expenses", "Net Profit"]) {
      const cells = values(row(byRegion.Rows, title));
      expect(sum(cells.slice(0, -1)), title).toBe(cells.at(-1));
      expect(cells.at(-1), title).toBe(values(row(plain.Rows, title))[0]);
    }
    const income = values(row(byRegion.Rows, "Total Income"));
    expect(income[0]).toBe(trackedIncome(north!.TrackingOptionID, "2025-10-01", "2026-03-15"));
    expect(Number(income[0])).toBeGreaterThan(0);
  });

  it("trackingOptionID: that option's column alone; trackingOptionID2 narrows further", async () => {
    const byRegion = await report(`/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${region.TrackingCategoryID}`);
    const one = await report(`/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${region.TrackingCategoryID}&trackingOptionID=${north!.TrackingOptionID}`);
    expect(values(one.Rows[0])).toEqual([north!.Name]);
    expect(values(row(one.Rows, "Net Profit"))).toEqual([values(row(byRegion.Rows, "Net Profit"))[0]]);
    const department = books.trackingCategories[1]!;
    const both = await report(`/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${region.TrackingCategoryID}&trackingOptionID=${north!.TrackingOptionID}&trackingOptionID2=${department.Options[0]!.TrackingOptionID}`);
    const narrowed = new Decimal(values(row(both.Rows, "Total Income"))[0]!);
    expect(narrowed.lt(values(row(one.Rows, "Total Income"))[0]!)).toBe(true);
  });

  it("refuses ids the organisation does not hold", async () => {
    const unknown = "00000000-0000-0000-0000-0000000000aa";
    const bad = await api(sandbox, token, `/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${unknown}`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ Type: "QueryParseException", Message: `trackingCategoryID '${unknown}' is not a tracking category of this organisation` });
    const foreignOption = books.trackingCategories[1]!.Options[0]!.TrackingOptionID;
    const mismatched = await api(sandbox, token, `/Reports/ProfitAndLoss?${RANGE}&trackingCategoryID=${region.TrackingCategoryID}&trackingOptionID=${foreignOption}`);
    expect(mismatched.status).toBe(400);
  });
});

describe("GET /Reports/BalanceSheet with tracking", () => {
  it("trackingOptionID1: only the option's lines — no assets or liabilities, equity = the option's profit to date", async () => {
    const option = await report(`/Reports/BalanceSheet?date=2026-02-28&trackingOptionID1=${north!.TrackingOptionID}`);
    const profitToDate = await report(`/Reports/ProfitAndLoss?fromDate=2000-01-01&toDate=2026-02-28&trackingCategoryID=${region.TrackingCategoryID}&trackingOptionID=${north!.TrackingOptionID}`);
    expect(values(row(option.Rows, "Total Assets"))).toEqual(["0.00"]);
    expect(values(row(option.Rows, "Total Equity"))).toEqual(values(row(profitToDate.Rows, "Net Profit")));
    expect(Number(values(row(option.Rows, "Total Equity"))[0])).not.toBe(0);
    const plain = await report("/Reports/BalanceSheet?date=2026-02-28");
    expect(values(row(plain.Rows, "Total Assets"))[0]).not.toBe("0.00");
  });

  it("refuses an option the organisation does not hold", async () => {
    const bad = await api(sandbox, token, "/Reports/BalanceSheet?date=2026-02-28&trackingOptionID1=00000000-0000-0000-0000-0000000000bb");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ Type: "QueryParseException" });
  });
});

/**
 * The standard reports over Xero's wire: GET /Reports/TrialBalance, /Reports/BankSummary,
 * /Reports/AgedReceivablesByContact and /Reports/AgedPayablesByContact — envelopes, layouts per the
 * spec's examples, the required contactId, bad dates and the granular report scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "../books/money.js";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 1000 } });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

interface WireRow { RowType: string; Title?: string; Cells?: Array<{ Value?: string; Attributes?: Array<{ Id: string; Value: string }> }>; Rows?: WireRow[] }
const report = async (path: string) => {
  const res = await api(sandbox, token, path);
  expect(res.status, res.text).toBe(200);
  expect(res.json).toMatchObject({ Status: "OK", Reports: [expect.any(Object)] });
  return res.json.Reports[0] as { ReportID: string; ReportTitles: string[]; Rows: WireRow[] };
};
const values = (row: WireRow | undefined) => (row?.Cells ?? []).map((c) => c.Value ?? "");
const summary = (rows: WireRow[], title: string) => rows.flatMap((r) => r.Rows ?? []).find((r) => r.RowType === "SummaryRow" && r.Cells?.[0]?.Value === title);

describe("GET /Reports/TrialBalance", () => {
  it("answers Xero's layout, balanced, as at the date", async () => {
    const tb = await report("/Reports/TrialBalance?date=2026-02-14");
    expect(tb.ReportID).toBe("TrialBalance");
    expect(tb.ReportTitles[2]).toBe("As at 14 February 2026");
    expect(values(tb.Rows[0])).toEqual(["Account", "Debit", "Credit", "YTD Debit", "YTD Credit"]);
    const accountCells = tb.Rows.flatMap((r) => r.Rows ?? []).filter((r) => r.RowType === "Row").map((r) => r.Cells![0]!);
    expect(accountCells.every((c) => /^.+ \([0-9A-Za-z]+\)$/.test(c.Value!) && c.Attributes?.[0]?.Id === "account")).toBe(true);
    const [, debit, credit, ytdDebit, ytdCredit] = values(summary(tb.Rows, "Total"));
    expect(debit).toBe(credit);
    expect(ytdDebit).toBe(ytdCredit);
    expect(Number(ytdDebit)).toBeGreaterThan(0);
    const rows = tb.Rows.flatMap((r) => r.Rows ?? []).filter((r) => r.RowType === "Row");
    expect(rows.reduce((sum, r) => sum.plus(values(r)[3] || 0), new Decimal(0)).toFixed(2)).toBe(ytdDebit);
  });

  it("takes paymentsOnly for the cash basis, and refuses a date it cannot read", async () => {
    const cash = await report("/Reports/TrialBalance?date=2026-02-14&paymentsOnly=true");
    const accrual = await report("/Reports/TrialBalance?date=2026-02-14");
    const [, debit, credit, ytdDebit, ytdCredit] = values(summary(cash.Rows, "Total"));
    expect(debit).toBe(credit);
    expect(ytdDebit).toBe(ytdCredit);
    expect(ytdDebit).not.toBe(values(summary(accrual.Rows, "Total"))[3]);
    const bad = await api(sandbox, token, "/Reports/TrialBalance?date=14-02-2026x");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ErrorNumber: 16, Type: "QueryParseException", Message: "date must be a date such as 2024-01-31" });
  });
});

describe("GET /Reports/BankSummary", () => {
  it("answers one row per bank account and a Total row", async () => {
    const bs = await report("/Reports/BankSummary?fromDate=2026-02-01&toDate=2026-02-28");
    expect(bs.ReportTitles).toEqual(["Bank Summary", "Ledgerline Demo Company", "From 1 February 2026 to 28 February 2026"]);
    expect(values(bs.Rows[0])).toEqual(["Bank Accounts", "Opening Balance", "Cash Received", "Cash Spent", "Closing Balance"]);
    const accounts = bs.Rows.flatMap((r) => r.Rows ?? []).filter((r) => r.RowType === "Row");
    const banks = sandbox.books.accounts.filter((a) => a.Type === "BANK" && a.Status === "ACTIVE");
    expect(accounts.map((r) => r.Cells![0]!.Attributes![0]!.Value).sort()).toEqual(banks.map((a) => a.AccountID).sort());
    const [, opening, received, spent, closing] = values(summary(bs.Rows, "Total"));
    expect(new Decimal(opening!).plus(received!).minus(spent!).toFixed(2)).toBe(closing);
    for (const [i, total] of [opening, received, spent, closing].entries()) {
      expect(accounts.reduce((sum, r) => sum.plus(values(r)[i + 1]!), new Decimal(0)).toFixed(2)).toBe(total);
    }
  });

  it("refuses a fromDate it cannot read", async () => {
    const bad = await api(sandbox, token, "/Reports/BankSummary?fromDate=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ Type: "QueryParseException", Message: "fromDate must be a date such as 2024-01-31" });
  });
});

describe("GET /Reports/AgedReceivablesByContact and AgedPayablesByContact", () => {
  const customer = () => sandbox.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED")!.Contact;
  const supplier = () => sandbox.books.invoices.find((i) => i.Type === "ACCPAY" && i.Status === "AUTHORISED")!.Contact;

  it.each([
    ["AgedReceivablesByContact", "Number", customer],
    ["AgedPayablesByContact", "Reference", supplier],
  ] as const)("%s: the contact's open documents with their invoiceID, a Total and a Closing Balance", async (name, numberHeader, contact) => {
    const { ContactID, Name } = contact();
    const aged = await report(`/Reports/${name}?contactId=${ContactID}&date=2026-03-15`);
    expect(aged.ReportID).toBe(name);
    expect(aged.ReportTitles[1]).toBe(Name);
    expect(aged.ReportTitles[3]).toBe("Showing payments to 15 March 2026");
    expect(values(aged.Rows[0])).toEqual(["Date", numberHeader, "Due Date", "", "Total", "Paid", "Credited", "Due"]);
    const documents = aged.Rows.flatMap((r) => r.Rows ?? []).filter((r) => r.RowType === "Row" && r.Cells?.[1]?.Value !== "Opening Balance");
    expect(documents.length).toBeGreaterThan(0);
    for (const row of documents) {
      expect(row.Cells!.every((c) => c.Attributes?.[0]?.Id === "invoiceID" || c.Attributes?.[0]?.Id === "creditNoteID")).toBe(true);
      const [total, paid, credited, due] = values(row).slice(4);
      expect(new Decimal(total!).minus(paid!).minus(credited!).toFixed(2)).toBe(due);
    }
    const dues = documents.reduce((sum, r) => sum.plus(values(r)[7]!), new Decimal(0));
    expect(values(summary(aged.Rows, "Total"))[7]).toBe(dues.toFixed(2));
    expect(values(summary(aged.Rows, "Closing Balance"))[0]).toBe("Closing Balance");
  });

  it("requires contactId: missing or not a GUID → 400 ValidationException; unknown → 404, not JSON", async () => {
    const missing = await api(sandbox, token, "/Reports/AgedReceivablesByContact?date=2026-03-15");
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ ErrorNumber: 10, Type: "ValidationException", Message: "contactId is required: the ContactID of the contact to report on" });
    const malformed = await api(sandbox, token, "/Reports/AgedPayablesByContact?contactId=abc");
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ Type: "ValidationException", Message: "contactId 'abc' is not a valid GUID" });
    const unknown = await api(sandbox, token, "/Reports/AgedReceivablesByContact?contactId=00000000-0000-4000-8000-000000000001");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("text/html");
    expect(unknown.text).toBe("The resource you're looking for cannot be found");
  });

  it("refuses a date it cannot read", async () => {
    const bad = await api(sandbox, token, `/Reports/AgedReceivablesByContact?contactId=${customer().ContactID}&toDate=31/12/2025`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ Type: "QueryParseException", Message: "toDate must be a date such as 2024-01-31" });
  });
});

describe("report scopes", () => {
  it("a token with only the trial balance scope reads the trial balance and nothing else", async () => {
    const narrow = await clientCredentialsToken(sandbox, "accounting.reports.trialbalance.read");
    expect((await api(sandbox, narrow, "/Reports/TrialBalance")).status).toBe(200);
    expect((await api(sandbox, narrow, "/Reports/BankSummary")).status).toBe(401);
    const aged = await clientCredentialsToken(sandbox, "accounting.reports.aged.read");
    expect((await api(sandbox, aged, `/Reports/AgedPayablesByContact?contactId=${sandbox.books.contacts[0]!.ContactID}`)).status).toBe(200);
  });
});

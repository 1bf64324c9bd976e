import { describe, expect, it } from "vitest";
import { Decimal } from "./money.js";
import { agedByContact, balanceSheet, bankSummary, profitAndLoss, trialBalance } from "./reports.js";
import { fresh, NOW, rowValues, sectionTitles, seeded } from "./test-support.js";
import type { XeroBooks, XeroReport, XeroReportRow } from "./types.js";
import { writeAllocations, writeContacts, writeCreditNotes, writeInvoices, writePayments } from "./writes/index.js";

const create = { now: NOW, mode: "create" } as const;
const cells = (row: XeroReportRow | undefined) => (row?.Cells ?? []).map((c) => c.Value ?? "");
const body = (report: XeroReport) => report.Rows.filter((r) => r.RowType === "Section").flatMap((s) => s.Rows ?? []);
const accountRow = (report: XeroReport, accountId: string) =>
  body(report).find((r) => r.Cells?.[0]?.Attributes?.some((a) => a.Id === "account" && a.Value === accountId));
const signed = (debit: string, credit: string) => new Decimal(debit || 0).minus(credit || 0);

describe("trial balance", () => {
  const books = seeded();
  const account = (code: string) => books.accounts.find((a) => a.Code === code)!;

  it("has Xero's layout: header, sections by class, 'Name (Code)' cells with the account id, a Total row", () => {
    const report = trialBalance(books, { date: "2026-02-14", now: NOW });
    expect(report).toMatchObject({ ReportID: "TrialBalance", ReportName: "Trial Balance", ReportType: "TrialBalance", ReportDate: "15 March 2026" });
    expect(report.ReportTitles).toEqual(["Trial Balance", "Ledgerline Demo Company", "As at 14 February 2026"]);
    expect(cells(report.Rows[0])).toEqual(["Account", "Debit", "Credit", "YTD Debit", "YTD Credit"]);
    expect(sectionTitles(report)).toEqual(["Revenue", "Expenses", "Assets", "Liabilities", "Equity", ""]);
    const sales = account("200");
    expect(accountRow(report, sales.AccountID)!.Cells![0]).toEqual({ Value: "Sales (200)", Attributes: [{ Id: "account", Value: sales.AccountID }] });
    // A credit-natured account shows its figures on the credit side, the debit side left empty.
    expect(cells(accountRow(report, sales.AccountID))).toEqual(["Sales (200)", "", "15155.54", "", "40493.21"]);
    expect(cells(accountRow(report, account("090").AccountID))).toEqual(["Business Bank Account (090)", "36523.91", "", "336056.42", ""]);
    expect(rowValues(report, "Total")).toEqual(["78805.18", "78805.18", "910508.85", "910508.85"]);
  });

  it("marks retained earnings with the previous financial year's end, as Xero does", () => {
    const retained = books.accounts.find((a) => a.SystemAccount === "RETAINEDEARNINGS")!;
    const row = accountRow(trialBalance(books, { date: "2026-02-14", now: NOW }), retained.AccountID)!;
    expect(row.Cells![1]!.Attributes).toEqual([{ Id: "account", Value: retained.AccountID }, { Id: "fromDate", Value: "" }, { Id: "toDate", Value: "12/31/2025" }]);
  });

  it.each(["2024-12-31", "2025-06-10", "2026-01-01", "2026-03-15"])("balances at %s on both bases, and agrees with the balance sheet and P&L", (date) => {
    for (const paymentsOnly of [false, true]) {
      const report = trialBalance(books, { date, paymentsOnly, now: NOW });
      const [debit, credit, ytdDebit, ytdCredit] = rowValues(report, "Total");
      expect(debit).toBe(credit);
      expect(ytdDebit).toBe(ytdCredit);
      // Year to date: bank and receivables as the balance sheet shows them; the P&L accounts net to the year's profit.
      const sheet = balanceSheet(books, { date, paymentsOnly, now: NOW });
      for (const code of ["090", "610"]) {
        const id = account(code).AccountID;
        const [, , , yd, yc] = cells(accountRow(report, id));
        expect(signed(yd!, yc!).toFixed(2)).toBe(new Decimal(cells(accountRow(sheet, id))[1] || 0).toFixed(2));
      }
      const year = `${date.slice(0, 4)}-01-01`;
      const profit = rowValues(profitAndLoss(books, { fromDate: year, toDate: date, paymentsOnly, now: NOW }), "Net Profit")[0]!;
      const profitAndLossRows = report.Rows.filter((r) => r.Title === "Revenue" || r.Title === "Expenses").flatMap((s) => s.Rows ?? []);
      const net = profitAndLossRows.reduce((sum, r) => sum.plus(signed(cells(r)[3]!, cells(r)[4]!)), new Decimal(0)).negated();
      expect(net.toFixed(2)).toBe(new Decimal(profit).toFixed(2));
      // Month to date: the P&L accounts' movement is the month's profit.
      const month = profitAndLoss(books, { fromDate: `${date.slice(0, 8)}01`, toDate: date, paymentsOnly, now: NOW });
      const monthNet = profitAndLossRows.reduce((sum, r) => sum.plus(signed(cells(r)[1]!, cells(r)[2]!)), new Decimal(0)).negated();
      expect(monthNet.toFixed(2)).toBe(new Decimal(rowValues(month, "Net Profit")[0]!).toFixed(2));
    }
  });

  it("defaults to today and differs on the cash basis", () => {
    expect(trialBalance(books, { now: NOW }).ReportTitles[2]).toBe("As at 15 March 2026");
    expect(rowValues(trialBalance(books, { date: "2026-02-14", paymentsOnly: true, now: NOW }), "Total")).not.toEqual(["78805.18", "78805.18", "910508.85", "910508.85"]);
  });
});

/** A new customer with two invoices (one part paid), a credit note partly allocated to the first. */
function agedScenario(): { books: XeroBooks; contactId: string; first: string; second: string; note: string } {
  const books = fresh();
  const [contact] = writeContacts(books, [{ Name: "Aged Test Ltd" }], create);
  if (!contact!.ok) throw new Error(contact!.errors.join());
  const contactId = contact!.record.ContactID;
  const invoice = (Date: string, DueDate: string, UnitAmount: number) => {
    const [r] = writeInvoices(books, [{ Type: "ACCREC", Status: "AUTHORISED", Contact: { ContactID: contactId }, Date, DueDate, InvoiceNumber: `AT-${Date}`,
      LineItems: [{ Description: "Service", Quantity: 1, UnitAmount, AccountCode: "260" }] }], create);
    if (!r!.ok) throw new Error(r!.errors.join());
    return r!.record;
  };
  const first = invoice("2026-01-10", "2026-02-09", 200); // 220.00 with tax
  const second = invoice("2026-03-01", "2026-03-31", 100); // 110.00
  writePayments(books, [{ Invoice: { InvoiceID: first.InvoiceID }, Account: { Code: "090" }, Date: "2026-02-20", Amount: 50 }], create);
  const [note] = writeCreditNotes(books, [{ Type: "ACCRECCREDIT", Status: "AUTHORISED", Contact: { ContactID: contactId }, Date: "2026-03-05", CreditNoteNumber: "AT-CN1",
    LineItems: [{ Description: "Refund", Quantity: 1, UnitAmount: 50, AccountCode: "260" }] }], create);
  if (!note!.ok) throw new Error(note!.errors.join());
  const [allocated] = writeAllocations(books, note!.record, [{ Invoice: { InvoiceID: first.InvoiceID }, Amount: 20, Date: "2026-03-06" }], create);
  if (!allocated!.ok) throw new Error(allocated!.errors.join());
  return { books, contactId, first: first.InvoiceID, second: second.InvoiceID, note: note!.record.CreditNoteID };
}

describe("aged receivables by contact", () => {
  const { books, contactId, first, second, note } = agedScenario();
  const contact = books.contacts.find((c) => c.ContactID === contactId)!;
  const documentRows = (report: XeroReport) => body(report).filter((r) => r.RowType === "Row" && r.Cells?.[1]?.Value !== "Opening Balance");

  it("lists the contact's open documents as at the date: paid, credited and due, credit notes negative", () => {
    const report = agedByContact(books, { side: "RECEIVABLES", contact, date: "2026-03-15", now: NOW });
    expect(report).toMatchObject({ ReportID: "AgedReceivablesByContact", ReportName: "Aged Receivables By Contact", ReportType: "AgedReceivablesByContact" });
    expect(report.ReportTitles).toEqual(["Invoices", "Aged Test Ltd", "From 10 January 2026 to 15 March 2026", "Showing payments to 15 March 2026"]);
    expect(cells(report.Rows[0])).toEqual(["Date", "Number", "Due Date", "", "Total", "Paid", "Credited", "Due"]);
    expect(documentRows(report).map(cells)).toEqual([
      ["2026-01-10T00:00:00", "AT-2026-01-10", "2026-02-09T00:00:00", "34 days overdue", "220.00", "50.00", "20.00", "150.00"],
      ["2026-03-01T00:00:00", "AT-2026-03-01", "2026-03-31T00:00:00", "", "110.00", "0.00", "0.00", "110.00"],
      ["2026-03-05T00:00:00", "AT-CN1", "", "", "-55.00", "0.00", "-20.00", "-35.00"],
    ]);
    expect(documentRows(report).map((r) => r.Cells![4]!.Attributes)).toEqual([
      [{ Id: "invoiceID", Value: first }], [{ Id: "invoiceID", Value: second }], [{ Id: "creditNoteID", Value: note }],
    ]);
    expect(cells(body(report)[0])).toEqual(["2026-01-10T00:00:00", "Opening Balance", "", "", "", "", "", "0.00"]);
    expect(rowValues(report, "Total")).toEqual(["", "", "", "275.00", "50.00", "0.00", "225.00"]);
    expect(rowValues(report, "Closing Balance")).toEqual(["", "", "", "275.00", "50.00", "0.00", "225.00"]);
  });

  it("counts only payments and allocations up to the date, and documents issued by then", () => {
    const report = agedByContact(books, { side: "RECEIVABLES", contact, date: "2026-02-28", now: NOW });
    expect(documentRows(report).map(cells)).toEqual([["2026-01-10T00:00:00", "AT-2026-01-10", "2026-02-09T00:00:00", "19 days overdue", "220.00", "50.00", "0.00", "170.00"]]);
    expect(rowValues(report, "Closing Balance")[6]).toBe("170.00");
  });

  it("puts documents issued before fromDate into the opening balance", () => {
    const report = agedByContact(books, { side: "RECEIVABLES", contact, date: "2026-03-15", fromDate: "2026-02-01", now: NOW });
    expect(report.ReportTitles[2]).toBe("From 1 February 2026 to 15 March 2026");
    expect(cells(body(report)[0])).toEqual(["2026-02-01T00:00:00", "Opening Balance", "", "", "", "", "", "150.00"]);
    expect(documentRows(report).map((r) => cells(r)[1])).toEqual(["AT-2026-03-01", "AT-CN1"]);
    expect(rowValues(report, "Total")).toEqual(["", "", "", "55.00", "0.00", "-20.00", "75.00"]);
    expect(rowValues(report, "Closing Balance")[6]).toBe("225.00");
  });

  it("payables hold the contact's bills and supplier credits only", () => {
    const report = agedByContact(books, { side: "PAYABLES", contact, date: "2026-03-15", now: NOW });
    expect(report.ReportID).toBe("AgedPayablesByContact");
    expect(cells(report.Rows[0])[1]).toBe("Reference");
    expect(documentRows(report)).toEqual([]);
    expect(rowValues(report, "Closing Balance")[6]).toBe("0.00");
  });
});

describe("bank summary", () => {
  const books = seeded();
  const bank = books.accounts.find((a) => a.Code === "090")!;

  it("has Xero's layout and each account's opening, received, spent and closing", () => {
    const report = bankSummary(books, { fromDate: "2026-02-01", toDate: "2026-02-28", now: NOW });
    expect(report).toMatchObject({ ReportID: "BankSummary", ReportName: "Bank Summary", ReportType: "BankSummary" });
    expect(report.ReportTitles).toEqual(["Bank Summary", "Ledgerline Demo Company", "From 1 February 2026 to 28 February 2026"]);
    expect(cells(report.Rows[0])).toEqual(["Bank Accounts", "Opening Balance", "Cash Received", "Cash Spent", "Closing Balance"]);
    const row = body(report).find((r) => r.Cells?.[0]?.Value === bank.Name)!;
    expect(row.Cells![0]!.Attributes).toEqual([{ Id: "accountID", Value: bank.AccountID }]);
    expect(row.Cells![2]!.Attributes).toEqual([{ Id: "account", Value: bank.AccountID }]);
    expect(cells(row)).toEqual(["Business Bank Account", "299532.51", "124978.87", "87664.76", "336846.62"]);
    expect(rowValues(report, "Total")).toEqual(["456722.01", "138087.44", "112664.76", "482144.69"]);
  });

  it.each([["2025-01-01", "2025-03-31"], ["2025-12-01", "2026-03-15"]])("from %s to %s: closing = opening + received − spent = the balance sheet's bank", (fromDate, toDate) => {
    const report = bankSummary(books, { fromDate, toDate, now: NOW });
    const sheet = balanceSheet(books, { date: toDate, now: NOW });
    for (const row of body(report).filter((r) => r.RowType === "Row")) {
      const [, opening, received, spent, closing] = cells(row);
      expect(new Decimal(opening!).plus(received!).minus(spent!).toFixed(2)).toBe(closing);
      const id = row.Cells![0]!.Attributes![0]!.Value;
      expect(closing).toBe(cells(accountRow(sheet, id))[1]);
    }
  });

  it("defaults to the current month", () => {
    expect(bankSummary(books, { now: NOW }).ReportTitles[2]).toBe("From 1 March 2026 to 31 March 2026");
  });
});

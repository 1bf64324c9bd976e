import { longDate } from "../dates.js";
import { journal } from "../ledger.js";
import { Decimal, formatAmount } from "../money.js";
import type { XeroBooks, XeroReport, XeroReportRow } from "../types.js";
import { defaultMonth, report } from "./columns.js";
import { section } from "./rows.js";

export interface BankSummaryOptions {
  fromDate?: string;
  toDate?: string;
  now: string;
}

interface Movement { opening: Decimal; received: Decimal; spent: Decimal }

/**
 * Xero's Bank Summary: per bank account, the balance before `fromDate`, money in and money out from
 * `fromDate` to `toDate` (each journal line on the account counted by its direction), and the
 * closing balance. Bank balances are the same on either basis. Every active bank account is listed,
 * and any other with a figure.
 */
export function bankSummary(books: XeroBooks, opts: BankSummaryOptions): XeroReport {
  const month = defaultMonth(opts.fromDate ?? opts.toDate ?? opts.now);
  const from = opts.fromDate ?? month.from;
  const to = opts.toDate ?? month.to;
  const banks = books.accounts.filter((a) => a.Type === "BANK");
  const moves = new Map<string, Movement>(banks.map((a) => [a.Code, { opening: new Decimal(0), received: new Decimal(0), spent: new Decimal(0) }]));
  for (const line of journal(books, "ACCRUAL")) {
    const m = moves.get(line.accountCode);
    if (!m || line.date > to) continue;
    if (line.date < from) m.opening = m.opening.plus(line.amount);
    else if (line.amount.gt(0)) m.received = m.received.plus(line.amount);
    else m.spent = m.spent.minus(line.amount);
  }
  const figures = (m: Movement) => [m.opening, m.received, m.spent, m.opening.plus(m.received).minus(m.spent)];
  const shown = banks
    .filter((a) => a.Status === "ACTIVE" || figures(moves.get(a.Code)!).some((v) => !v.isZero()))
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const totals = [0, 1, 2, 3].map((i) => shown.reduce((sum, a) => sum.plus(figures(moves.get(a.Code)!)[i]!), new Decimal(0)));

  const rows: XeroReportRow[] = [
    { RowType: "Header", Cells: ["Bank Accounts", "Opening Balance", "Cash Received", "Cash Spent", "Closing Balance"].map((Value) => ({ Value })) },
    section("", [
      ...shown.map((a): XeroReportRow => {
        const [opening, received, spent, closing] = figures(moves.get(a.Code)!).map((v) => formatAmount(v));
        const account = [{ Id: "account", Value: a.AccountID }];
        return {
          RowType: "Row",
          Cells: [{ Value: a.Name, Attributes: [{ Id: "accountID", Value: a.AccountID }] }, { Value: opening }, { Value: received, Attributes: account }, { Value: spent, Attributes: account }, { Value: closing }],
        };
      }),
      { RowType: "SummaryRow", Cells: [{ Value: "Total" }, ...totals.map((v) => ({ Value: formatAmount(v) }))] },
    ]),
  ];
  const titles = ["Bank Summary", books.organisation.Name, `From ${longDate(from)} to ${longDate(to)}`];
  return report("BankSummary", "Bank Summary", titles, opts.now, longDate(opts.now), rows);
}

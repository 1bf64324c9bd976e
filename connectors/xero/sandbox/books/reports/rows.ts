import { Decimal, formatAmount } from "../money.js";
import type { XeroAccount, XeroReportRow } from "../types.js";

export function headerRow(labels: string[]): XeroReportRow {
  return { RowType: "Header", Cells: [{ Value: "" }, ...labels.map((Value) => ({ Value }))] };
}

export function section(title: string, rows: XeroReportRow[]): XeroReportRow {
  return { RowType: "Section", Title: title, Rows: rows };
}

/** An account line; every cell carries the account attribute, as Xero's do. */
export function accountRow(name: string, accountId: string, values: Decimal[]): XeroReportRow {
  const Attributes = [{ Id: "account", Value: accountId }];
  return {
    RowType: "Row",
    Cells: [{ Value: name, Attributes }, ...values.map((v) => ({ Value: formatAmount(v), Attributes }))],
  };
}

export function plainRow(title: string, values: Decimal[]): XeroReportRow {
  return { RowType: "Row", Cells: [{ Value: title }, ...values.map((v) => ({ Value: formatAmount(v) }))] };
}

export function summaryRow(title: string, values: Decimal[]): XeroReportRow {
  return { RowType: "SummaryRow", Cells: [{ Value: title }, ...values.map((v) => ({ Value: formatAmount(v) }))] };
}

/** Per-column values of one account. */
export interface AccountValues { account: XeroAccount; values: Decimal[] }

/** Column-wise sum of several value vectors. */
export function columnTotals(rows: Decimal[][], columns: number): Decimal[] {
  return Array.from({ length: columns }, (_, i) => rows.reduce((sum, r) => sum.plus(r[i]!), new Decimal(0)));
}

/** A titled section of account rows with its total row; no row when no account has a balance. */
export function accountSection(title: string, totalTitle: string, rows: AccountValues[], columns: number):
  { row?: XeroReportRow; total: Decimal[] } {
  const shown = rows.filter((r) => r.values.some((v) => !v.isZero()));
  const total = columnTotals(shown.map((r) => r.values), columns);
  if (shown.length === 0) return { total };
  return {
    row: section(title, [...shown.map((r) => accountRow(r.account.Name, r.account.AccountID, r.values)), summaryRow(totalTitle, total)]),
    total,
  };
}

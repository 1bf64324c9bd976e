import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import type { InvoiceInput } from "../../../src/connector/inputs.js";
import { ReportBasis, ReportTimeframe } from "../../../schema/report/report-enums.js";
import type { BalanceSheet, ProfitAndLoss } from "../../../schema/report/report.type.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { recordOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

const pl = (basis: ReportBasis) => org.adapter.profitAndLoss({ fromDate: "2026-11-01", toDate: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis });
const bs = () => org.adapter.balanceSheet({ date: "2026-11-30", periods: 0, timeframe: ReportTimeframe.MONTH, basis: ReportBasis.ACCRUAL });

type Section = BalanceSheet["sections"][number];
const lineAmount = (sections: readonly Section[], code: string): Decimal => {
  for (const section of sections) {
    const line = section.lines.find((l) => l.accountCode === code);
    if (line) return new Decimal(line.amounts[0]!);
    const nested = lineAmount(section.sections, code);
    if (!nested.isZero()) return nested;
  }
  return new Decimal(0);
};
const delta = (after: string[], before: string[]) => new Decimal(after[0]!).minus(before[0]!).toFixed(2);
const figures = (report: ProfitAndLoss) => ({ income: report.totalIncome, expenses: report.totalExpenses, net: report.netProfit });

describe("the computed books follow the writes", () => {
  it("a sent invoice, a partial payment and an expense move P&L and the balance sheet by exactly their amounts", async () => {
    const [accrual, cash, sheet] = await Promise.all([pl(ReportBasis.ACCRUAL), pl(ReportBasis.CASH), bs()]);
    const client = String(org.sandbox.books.clients[0]!.id);
    const invoice = recordOf(await org.adapter.create!("Invoice", {
      type: "INVOICE", contactRemoteId: client, status: "AUTHORISED" as InvoiceInput["status"], issueDate: "2026-11-10", dueDate: "2026-12-10", lines: [{ description: "Audit", unitAmount: "500.00" }],
    }, SEND));
    await org.adapter.create!("Invoice", { type: "INVOICE", contactRemoteId: client, issueDate: "2026-11-10", lines: [{ description: "Draft only", unitAmount: "999.00" }] }, SEND);
    await org.adapter.create!("Payment", { documentType: "INVOICE", documentRemoteId: invoice.remoteId, accountCode: "BANK", date: "2026-11-12", amount: "200.00" }, SEND);
    await org.adapter.create!("Expense", { date: "2026-11-11", amount: "80.00", description: "Courier" }, SEND);

    const [accrualAfter, cashAfter, sheetAfter] = await Promise.all([pl(ReportBasis.ACCRUAL), pl(ReportBasis.CASH), bs()]);
    expect({ income: delta(accrualAfter.totalIncome, accrual.totalIncome), expenses: delta(accrualAfter.totalExpenses, accrual.totalExpenses), net: delta(accrualAfter.netProfit, accrual.netProfit) })
      .toEqual({ income: "500.00", expenses: "80.00", net: "420.00" });
    expect({ income: delta(cashAfter.totalIncome, cash.totalIncome), net: delta(cashAfter.netProfit, cash.netProfit) }).toEqual({ income: "200.00", net: "120.00" });
    expect(sheetAfter.balanced).toBe(true);
    expect(lineAmount(sheetAfter.sections, "AR").minus(lineAmount(sheet.sections, "AR")).toFixed(2)).toBe("300.00");
    expect(lineAmount(sheetAfter.sections, "BANK").minus(lineAmount(sheet.sections, "BANK")).toFixed(2)).toBe("120.00");
    expect(figures(accrualAfter)).not.toEqual(figures(accrual));
  });

  it("deleting the payment and the invoice puts the books back", async () => {
    const accrual = await pl(ReportBasis.ACCRUAL);
    const client = String(org.sandbox.books.clients[1]!.id);
    const invoice = recordOf(await org.adapter.create!("Invoice", {
      type: "INVOICE", contactRemoteId: client, status: "AUTHORISED" as InvoiceInput["status"], issueDate: "2026-11-20", lines: [{ description: "Workshop", unitAmount: "250.00" }],
    }, SEND));
    const payment = recordOf(await org.adapter.create!("Payment", { documentType: "INVOICE", documentRemoteId: invoice.remoteId, accountCode: "BANK", date: "2026-11-21", amount: "250.00" }, SEND));
    expect(delta((await pl(ReportBasis.ACCRUAL)).totalIncome, accrual.totalIncome)).toBe("250.00");
    await org.adapter.remove!("Payment", payment.remoteId, SEND);
    await org.adapter.remove!("Invoice", invoice.remoteId, SEND);
    expect(figures(await pl(ReportBasis.ACCRUAL))).toEqual(figures(accrual));
    expect((await bs()).balanced).toBe(true);
  });
});

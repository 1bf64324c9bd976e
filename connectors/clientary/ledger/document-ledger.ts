import type { ReportBasis } from "../../../schema/report/report-enums.js";
import type { ConnectorAdapter } from "../../../src/connector/adapter.js";
import { listAll } from "../../../src/connector/list-all.js";
import type { Ledger } from "../../../src/reports/engine/index.js";
import { fixedChartLedger } from "../../../src/reports/engine/fixed-chart-ledger.js";

/** Clientary has invoices, payments and expenses but no chart: its reports run on the fixed chart. */
export async function clientaryLedger(adapter: Pick<ConnectorAdapter, "list">, currency: string, organizationName: string, toDate: string, basis: ReportBasis): Promise<Ledger> {
  const [invoices, payments, expenses] = await Promise.all([
    listAll(adapter, "Invoice"),
    listAll(adapter, "Payment"),
    listAll(adapter, "Expense", { dateFrom: "2000-01-01", dateTo: toDate }),
  ]);
  return fixedChartLedger({ invoices, payments, expenses }, { currency, organizationName, basis });
}

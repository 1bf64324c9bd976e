import type { AccountClass } from "../../../schema/account/account.type.js";
import type { FinancialYearEnd } from "../../../src/reports/engine/ledger.js";
import type { ReportContext } from "../reports.js";

/** One account of the cached chart, for naming and classing report lines. */
export interface ChartEntry {
  code: string | null;
  name: string;
  class: AccountClass;
}

/** What the standard reports need besides Xero's rows. */
export interface StandardReportContext extends ReportContext {
  /** AccountID → the chart's code, name and class. */
  accounts?: ReadonlyMap<string, ChartEntry>;
  /** The organisation's financial year end (Organisation.FinancialYearEndMonth/Day). */
  financialYearEnd?: FinancialYearEnd;
}

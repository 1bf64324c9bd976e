import { AccountClass } from "../../../schema/account/account.type.js";
import { ReportSectionKey as K } from "../section-keys.js";
import type { LedgerAccount } from "./ledger.js";

interface ClassPlacement {
  /** Section keys this class may use, the first being its default. */
  keys: readonly string[];
  /** +1 for debit-natured sections (assets, costs), -1 for credit-natured ones. */
  sign: 1 | -1;
}

const BY_CLASS: Record<AccountClass, ClassPlacement> = {
  ASSET: { keys: [K.CURRENT_ASSETS, K.BANK, K.FIXED_ASSETS, K.NON_CURRENT_ASSETS], sign: 1 },
  LIABILITY: { keys: [K.CURRENT_LIABILITIES, K.NON_CURRENT_LIABILITIES], sign: -1 },
  EQUITY: { keys: [K.EQUITY], sign: -1 },
  REVENUE: { keys: [K.INCOME, K.OTHER_INCOME], sign: -1 },
  EXPENSE: { keys: [K.OPERATING_EXPENSES, K.COST_OF_SALES, K.OTHER_EXPENSES], sign: 1 },
};

export const SECTION_TITLES: Record<string, string> = {
  INCOME: "Income", COST_OF_SALES: "Cost of Sales", OTHER_INCOME: "Other Income",
  OPERATING_EXPENSES: "Operating Expenses", OTHER_EXPENSES: "Other Expenses",
  ASSETS: "Assets", BANK: "Bank", CURRENT_ASSETS: "Current Assets", FIXED_ASSETS: "Fixed Assets", NON_CURRENT_ASSETS: "Non-current Assets",
  LIABILITIES: "Liabilities", CURRENT_LIABILITIES: "Current Liabilities", NON_CURRENT_LIABILITIES: "Non-current Liabilities",
  EQUITY: "Equity",
};

export const PROFIT_AND_LOSS_KEYS = [K.INCOME, K.COST_OF_SALES, K.OTHER_INCOME, K.OPERATING_EXPENSES, K.OTHER_EXPENSES];
export const ASSET_KEYS = [K.BANK, K.CURRENT_ASSETS, K.FIXED_ASSETS, K.NON_CURRENT_ASSETS];
export const LIABILITY_KEYS = [K.CURRENT_LIABILITIES, K.NON_CURRENT_LIABILITIES];

export const isProfitAndLoss = (account: LedgerAccount) => account.class === AccountClass.REVENUE || account.class === AccountClass.EXPENSE;

/** The account's section: its own key when it fits its class, else the class's default. */
export function sectionOf(account: LedgerAccount): string {
  const { keys } = BY_CLASS[account.class];
  return keys.includes(account.sectionKey) ? account.sectionKey : keys[0];
}

export const signOf = (account: LedgerAccount) => BY_CLASS[account.class].sign;

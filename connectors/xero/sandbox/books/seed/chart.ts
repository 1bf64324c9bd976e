import type { AccountClass, AccountType, XeroAccount } from "../types.js";
import type { SeedContext } from "./context.js";

const CLASS_BY_TYPE: Record<AccountType, AccountClass> = {
  BANK: "ASSET", CURRENT: "ASSET", INVENTORY: "ASSET", PREPAYMENT: "ASSET", FIXED: "ASSET", NONCURRENT: "ASSET",
  CURRLIAB: "LIABILITY", LIABILITY: "LIABILITY", TERMLIAB: "LIABILITY", PAYG: "LIABILITY",
  EQUITY: "EQUITY",
  REVENUE: "REVENUE", SALES: "REVENUE", OTHERINCOME: "REVENUE",
  DIRECTCOSTS: "EXPENSE", EXPENSE: "EXPENSE", OVERHEADS: "EXPENSE", DEPRECIATN: "EXPENSE",
};

export function accountClass(type: AccountType): AccountClass {
  return CLASS_BY_TYPE[type];
}

/** Well-known codes the rest of the seed (and the ledger) relies on. */
export const CODES = {
  bank: "090", savings: "091", receivables: "610", inventory: "630", payables: "800",
  salesTax: "820", retainedEarnings: "960", ownerFunds: "970", sales: "200", services: "260",
  interest: "270", cogs: "310", bankFees: "404", wages: "477", rent: "469",
} as const;

type Row = [code: string, name: string, type: AccountType, taxType: string, extra?: Partial<XeroAccount>];

const CHART: Row[] = [
  ["090", "Business Bank Account", "BANK", "NONE", { BankAccountNumber: "121000358-4417803", BankAccountType: "BANK", CurrencyCode: "USD" }],
  ["091", "Business Savings Account", "BANK", "NONE", { BankAccountNumber: "121000358-4417811", BankAccountType: "BANK", CurrencyCode: "USD" }],
  ["610", "Accounts Receivable", "CURRENT", "NONE", { SystemAccount: "DEBTORS" }],
  ["620", "Prepayments", "CURRENT", "NONE"],
  ["630", "Inventory", "INVENTORY", "NONE"],
  ["710", "Office Equipment", "FIXED", "INPUT"],
  ["711", "Less Accumulated Depreciation on Office Equipment", "FIXED", "NONE"],
  ["720", "Computer Equipment", "FIXED", "INPUT"],
  ["721", "Less Accumulated Depreciation on Computer Equipment", "FIXED", "NONE"],
  ["750", "Security Deposits", "NONCURRENT", "NONE"],
  ["800", "Accounts Payable", "CURRLIAB", "NONE", { SystemAccount: "CREDITORS" }],
  ["801", "Unpaid Expense Claims", "CURRLIAB", "NONE", { SystemAccount: "UNPAIDEXPCLM" }],
  ["820", "Sales Tax", "CURRLIAB", "NONE", { SystemAccount: "GST" }],
  ["840", "Historical Adjustment", "CURRLIAB", "NONE", { SystemAccount: "HISTORICAL" }],
  ["900", "Loan", "TERMLIAB", "NONE"],
  ["960", "Retained Earnings", "EQUITY", "NONE", { SystemAccount: "RETAINEDEARNINGS" }],
  ["970", "Owner A Funds Introduced", "EQUITY", "NONE"],
  ["980", "Owner A Drawings", "EQUITY", "NONE"],
  ["200", "Sales", "REVENUE", "OUTPUT"],
  ["260", "Service Revenue", "REVENUE", "OUTPUT"],
  ["270", "Interest Income", "OTHERINCOME", "NONE"],
  ["310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT"],
  ["320", "Subcontractors", "DIRECTCOSTS", "INPUT"],
  ["400", "Advertising", "EXPENSE", "INPUT"],
  ["404", "Bank Fees", "EXPENSE", "NONE"],
  ["408", "Cleaning", "EXPENSE", "INPUT"],
  ["412", "Consulting & Accounting", "EXPENSE", "INPUT"],
  ["416", "Depreciation", "DEPRECIATN", "NONE"],
  ["420", "Entertainment", "EXPENSE", "INPUT"],
  ["429", "General Expenses", "EXPENSE", "INPUT"],
  ["433", "Insurance", "EXPENSE", "EXEMPTEXPENSES"],
  ["445", "Light, Power, Heating", "EXPENSE", "INPUT"],
  ["449", "Motor Vehicle Expenses", "EXPENSE", "INPUT"],
  ["461", "Printing & Stationery", "EXPENSE", "INPUT"],
  ["469", "Rent", "OVERHEADS", "INPUT"],
  ["473", "Repairs and Maintenance", "EXPENSE", "INPUT"],
  ["477", "Wages and Salaries", "EXPENSE", "NONE"],
  ["485", "Subscriptions", "EXPENSE", "INPUT"],
  ["489", "Telephone & Internet", "EXPENSE", "INPUT"],
  ["493", "Travel - National", "EXPENSE", "INPUT"],
];

/** Accounts bills are commonly coded to, with a typical description. */
export const BILL_ACCOUNTS: readonly (readonly [code: string, description: string])[] = [
  ["400", "Online advertising campaign"], ["408", "Office cleaning"], ["412", "Bookkeeping services"],
  ["420", "Client lunch"], ["429", "Sundry supplies"], ["433", "Business insurance premium"],
  ["445", "Electricity"], ["449", "Fleet fuel"], ["461", "Printing and stationery"],
  ["473", "Equipment repairs"], ["485", "Software subscription"], ["489", "Phone and internet"],
  ["493", "Travel - client visit"], ["320", "Subcontracted installation work"],
];

export function seedAccounts(ctx: SeedContext): XeroAccount[] {
  return CHART.map(([code, name, type, taxType, extra]) => ({
    AccountID: ctx.guid(),
    Code: code,
    Name: name,
    Type: type,
    Class: accountClass(type),
    Status: "ACTIVE",
    TaxType: taxType,
    EnablePaymentsToAccount: false,
    ShowInExpenseClaims: accountClass(type) === "EXPENSE",
    HasAttachments: false,
    UpdatedDateUTC: ctx.stamp(ctx.start),
    ...extra,
  }));
}

import type { JournalAccountRow, JournalCatRow, TaxRow, TreasuryRow } from "../types.js";

/** Account ids the posting rules refer to. */
export const ACCOUNTS = {
  receivable: 101,
  inventory: 102,
  inputTax: 103,
  payable: 201,
  outputTax: 202,
  capital: 301,
  sales: 401,
  otherIncome: 402,
  purchases: 501,
} as const;

/** Expense categories and the account each is booked to. */
export const EXPENSE_CATEGORIES: ReadonlyArray<readonly [string, number]> = [
  ["Rent", 502], ["Utilities", 503], ["Office Supplies", 504], ["Travel", 505], ["Marketing", 506],
];

export const INCOME_CATEGORIES = ["Interest", "Consulting Fees", "Rebates"] as const;

const cat = (id: number, code: string, name: string, parents: string): JournalCatRow => ({ id, code, name, parent_cat_ids: parents });

export const journalCats = (): JournalCatRow[] => [
  cat(1, "1", "Assets", ""), cat(2, "2", "Liabilities", ""), cat(3, "3", "Equity", ""),
  cat(4, "4", "Revenue", ""), cat(5, "5", "Expenses", ""),
  cat(11, "11", "Current Assets", "1"), cat(12, "12", "Cash and Banks", "1"),
  cat(21, "21", "Current Liabilities", "2"), cat(31, "31", "Capital", "3"),
  cat(41, "41", "Sales Revenue", "4"), cat(51, "51", "Operating Expenses", "5"),
];

type AccountSpec = [id: number, code: string, name: string, catId: number, parents: string, entity?: [string, number]];

const ACCOUNT_SPECS: AccountSpec[] = [
  [101, "1101", "Accounts Receivable", 11, "1,11"],
  [102, "1102", "Inventory", 11, "1,11"],
  [103, "1103", "VAT Input", 11, "1,11"],
  [104, "1201", "Main Bank", 12, "1,12", ["treasury", 1]],
  [105, "1202", "Cash Box", 12, "1,12", ["treasury", 2]],
  [106, "1203", "Savings Bank", 12, "1,12", ["treasury", 3]],
  [201, "2101", "Accounts Payable", 21, "2,21"],
  [202, "2102", "VAT Output", 21, "2,21", ["tax", 1]],
  [301, "3101", "Owner's Capital", 31, "3,31"],
  [401, "4101", "Sales", 41, "4,41"],
  [402, "4102", "Other Income", 41, "4,41"],
  [501, "5101", "Cost of Purchases", 51, "5,51"],
  [502, "5201", "Rent", 51, "5,51"],
  [503, "5202", "Utilities", 51, "5,51"],
  [504, "5203", "Office Supplies", 51, "5,51"],
  [505, "5204", "Travel", 51, "5,51"],
  [506, "5205", "Marketing", 51, "5,51"],
];

const CREDIT_NORMAL = new Set(["2", "3", "4"]);

export const journalAccounts = (): JournalAccountRow[] =>
  ACCOUNT_SPECS.map(([id, code, name, catId, parents, entity]) => ({
    id, code, name, journal_cat_id: catId, parent_cat_ids: parents,
    type: CREDIT_NORMAL.has(code[0]!) ? 1 : 0,
    entity_type: entity?.[0] ?? null,
    entity_id: entity?.[1] ?? null,
  }));

export const taxes = (): TaxRow[] => [
  { id: 1, name: "VAT", value: "15", included: 0, description: "Standard VAT" },
  { id: 2, name: "Zero Rated", value: "0", included: 0, description: "Zero-rated supplies" },
  { id: 3, name: "Reduced VAT", value: "5", included: 0, description: "Reduced rate" },
];

export const treasuries = (): TreasuryRow[] => [
  { id: 1, name: "Main Bank", type: 1, type_account_number: "SA0380000000608010167519", is_primary: 1, journal_account_id: 104 },
  { id: 2, name: "Cash Box", type: 3, type_account_number: "", is_primary: 0, journal_account_id: 105 },
  { id: 3, name: "Savings Bank", type: 1, type_account_number: "SA4420000001234567891234", is_primary: 0, journal_account_id: 106 },
];

import type { Account as XeroNodeAccount, BankTransaction, CreditNote, Invoice, Payment } from "xero-node";
import { AccountClass, type Account } from "../../../../schema/account/account.type.js";
import { ReportBasis } from "../../../../schema/report/report-enums.js";
import {
  toUnifiedAccount, toUnifiedBankTransaction, toUnifiedCreditNote, toUnifiedInvoice, toUnifiedPayment,
} from "../../../../connectors/xero/mapping/index.js";
import type { XeroBooks } from "../../../../connectors/xero/sandbox/books/types.js";
import { recordToWire } from "../../../../connectors/xero/sandbox/wire/dates.js";
import { fromWire } from "../../../../connectors/xero/testing/from-wire.js";
import { ReportSectionKey as K } from "../../section-keys.js";
import type { DocumentChart } from "../document-chart.js";
import type { DocumentBooks } from "../document-index.js";
import { documentPostings } from "../document-ledger.js";
import type { Ledger, LedgerAccount } from "../ledger.js";

/** Xero account types → shared section keys (as Xero's own balance sheet and P&L group them). */
const SECTION_BY_TYPE: Record<string, string> = {
  BANK: K.BANK, CURRENT: K.CURRENT_ASSETS, INVENTORY: K.CURRENT_ASSETS, PREPAYMENT: K.CURRENT_ASSETS,
  FIXED: K.FIXED_ASSETS, NONCURRENT: K.NON_CURRENT_ASSETS, CURRLIAB: K.CURRENT_LIABILITIES, PAYG: K.CURRENT_LIABILITIES,
  TERMLIAB: K.NON_CURRENT_LIABILITIES, LIABILITY: K.NON_CURRENT_LIABILITIES, EQUITY: K.EQUITY,
  REVENUE: K.INCOME, SALES: K.INCOME, OTHERINCOME: K.OTHER_INCOME,
  DIRECTCOSTS: K.COST_OF_SALES, EXPENSE: K.OPERATING_EXPENSES, OVERHEADS: K.OPERATING_EXPENSES, DEPRECIATN: K.OPERATING_EXPENSES,
};

const CLEARING: LedgerAccount = { remoteId: "transfers-in-transit", code: null, name: "Transfers in transit", class: AccountClass.ASSET, sectionKey: K.CURRENT_ASSETS };

/** Sandbox records go over Xero's wire and through the connector's own mapping, as the gateway would see them. */
export function unifiedBooks(books: XeroBooks, organizationId: string, now: Date): { accounts: Account[]; documents: DocumentBooks } {
  const ctx = { organizationId, now };
  const via = <T>(record: object, type: string) => fromWire<T>(recordToWire(record, type), type);
  const invoices = books.invoices.map((i) => toUnifiedInvoice(via<Invoice>(i, "Invoice"), ctx));
  return {
    accounts: books.accounts.map((a) => toUnifiedAccount(via<XeroNodeAccount>(a, "Account"), ctx)),
    documents: {
      invoices: invoices.filter((_, i) => books.invoices[i].Type === "ACCREC"),
      bills: invoices.filter((_, i) => books.invoices[i].Type === "ACCPAY"),
      creditNotes: books.creditNotes.map((n) => toUnifiedCreditNote(via<CreditNote>(n, "CreditNote"), ctx)),
      payments: books.payments.map((p) => toUnifiedPayment(via<Payment>(p, "Payment"), ctx)),
      bankTransactions: books.bankTransactions.map((t) => toUnifiedBankTransaction(via<BankTransaction>(t, "BankTransaction"), ctx)),
    },
  };
}

/** The chart description the sandbox's posting rules imply: its system accounts and tracked items. */
export function sandboxChart(books: XeroBooks, accounts: Account[]): DocumentChart {
  const byCode = new Map(accounts.filter((a) => a.code).map((a) => [a.code!, a.remoteId]));
  const system = (name: string) => books.accounts.find((a) => a.SystemAccount === name)!.AccountID;
  const code = (c: string) => byCode.get(c)!;
  const tracked = books.items.filter((i) => i.IsTrackedAsInventory && i.InventoryAssetAccountCode);
  return {
    accountIdsByCode: byCode,
    receivable: system("DEBTORS"),
    payable: system("CREDITORS"),
    salesTax: system("GST"),
    bank: code("090"),
    revenue: code("200"),
    expense: code("429"),
    transferClearing: CLEARING.remoteId,
    trackedItems: new Map(tracked.map((i) => [i.Code, {
      unitCost: String(i.PurchaseDetails.UnitPrice ?? 0),
      cogsAccount: code(i.PurchaseDetails.COGSAccountCode ?? "310"),
      inventoryAccount: code(i.InventoryAssetAccountCode!),
    }])),
  };
}

/** The engine's ledger for the sandbox books on either basis (built once each), only from unified records. */
export function sandboxLedgers(
  books: XeroBooks, organizationId: string, now: Date, adjust: (chart: DocumentChart) => DocumentChart = (c) => c,
): (basis: ReportBasis) => Ledger {
  const { accounts, documents } = unifiedBooks(books, organizationId, now);
  const chart = adjust(sandboxChart(books, accounts));
  const ledgerAccounts: LedgerAccount[] = [
    ...accounts.map((a) => ({ remoteId: a.remoteId, code: a.code, name: a.name, class: a.class, sectionKey: SECTION_BY_TYPE[a.type] ?? "" })),
    CLEARING,
  ];
  const ledger = (basis: ReportBasis): Ledger => ({
    currency: books.organisation.BaseCurrency,
    financialYearEnd: { month: books.organisation.FinancialYearEndMonth, day: books.organisation.FinancialYearEndDay },
    accounts: ledgerAccounts,
    postings: documentPostings(documents, chart, basis),
    retainedEarningsAccountRemoteId: books.accounts.find((a) => a.SystemAccount === "RETAINEDEARNINGS")?.AccountID ?? null,
    organizationName: books.organisation.Name,
  });
  const built = new Map<ReportBasis, Ledger>();
  return (basis) => built.get(basis) ?? built.set(basis, ledger(basis)).get(basis)!;
}

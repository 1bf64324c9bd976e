/**
 * What Ledgerline asks Xero for: a refresh token plus read/write access to the books and read
 * access to the reports it reads (balance sheet, P&L, trial balance, aged by contact, bank summary). Granular scopes, as Xero requires for apps created since March 2026.
 * https://developer.xero.com/documentation/guides/oauth2/scopes
 */
export const DEFAULT_XERO_SCOPES: readonly string[] = [
  "offline_access",
  "accounting.contacts",
  "accounting.settings",
  "accounting.invoices",
  "accounting.payments",
  "accounting.banktransactions",
  "accounting.reports.balancesheet.read",
  "accounting.reports.profitandloss.read",
  "accounting.reports.trialbalance.read",
  "accounting.reports.aged.read",
  "accounting.reports.banksummary.read",
  // GET /Journals, behind report lines' postings (the drill-down).
  "accounting.journals.read",
];

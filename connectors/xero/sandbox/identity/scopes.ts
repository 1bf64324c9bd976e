/**
 * Xero's OAuth 2.0 scopes, and which ones open which accounting endpoints.
 * https://developer.xero.com/documentation/guides/oauth2/scopes
 */

const BROAD = [
  "accounting.settings", "accounting.contacts", "accounting.attachments", "accounting.transactions",
];
const GRANULAR = [
  "accounting.invoices", "accounting.payments", "accounting.banktransactions", "accounting.manualjournals",
  "accounting.classicexpenses",
];
const READ_ONLY = [
  "accounting.budgets.read", "accounting.journals.read", "accounting.reports.read",
  "accounting.reports.tenninetynine.read",
  ...["aged", "balancesheet", "banksummary", "budgetsummary", "executivesummary", "profitandloss", "trialbalance", "taxreports"]
    .map((report) => `accounting.reports.${report}.read`),
];

export const KNOWN_SCOPES = new Set<string>([
  "openid", "profile", "email", "offline_access", "paymentservices", "marketplace.billing", "app.connections",
  ...[...BROAD, ...GRANULAR].flatMap((scope) => [scope, `${scope}.read`]),
  ...READ_ONLY,
]);

/** Granted to client_credentials tokens that ask for no particular scope. */
export const DEFAULT_CLIENT_CREDENTIALS_SCOPES = [...BROAD, ...GRANULAR, "accounting.reports.read"];

export function parseScopes(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter(Boolean);
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
}

/**
 * True when `granted` includes one of the `accepted` scopes, or for reads their `.read` variant.
 * `accepted` lists write scopes, e.g. ["accounting.transactions", "accounting.invoices"].
 */
export function hasScope(granted: string[], accepted: string[], access: "read" | "write"): boolean {
  return accepted.some((scope) => granted.includes(scope) || (access === "read" && granted.includes(`${scope}.read`)));
}

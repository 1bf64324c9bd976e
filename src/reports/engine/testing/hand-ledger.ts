import { AccountClass } from "../../../../schema/account/account.type.js";
import { Provider } from "../../../../schema/common/provider.enum.js";
import { ReportSectionKey as K } from "../../section-keys.js";
import type { Ledger, LedgerAccount, Posting } from "../ledger.js";

const account = (remoteId: string, code: string, cls: AccountClass, sectionKey: string): LedgerAccount =>
  ({ remoteId, code, name: remoteId[0].toUpperCase() + remoteId.slice(1), class: cls, sectionKey });

/** A small chart: one account in each section the engine knows. */
export const ACCOUNTS = [
  account("bank", "090", AccountClass.ASSET, K.BANK),
  account("debtors", "610", AccountClass.ASSET, K.CURRENT_ASSETS),
  account("van", "710", AccountClass.ASSET, K.FIXED_ASSETS),
  account("savings", "091", AccountClass.ASSET, K.BANK),
  account("stock", "630", AccountClass.ASSET, K.CURRENT_ASSETS),
  account("clearing", "099", AccountClass.ASSET, K.CURRENT_ASSETS),
  account("creditors", "800", AccountClass.LIABILITY, K.CURRENT_LIABILITIES),
  account("tax", "820", AccountClass.LIABILITY, K.CURRENT_LIABILITIES),
  account("loan", "900", AccountClass.LIABILITY, K.NON_CURRENT_LIABILITIES),
  account("retained", "960", AccountClass.EQUITY, K.EQUITY),
  account("capital", "970", AccountClass.EQUITY, K.EQUITY),
  account("sales", "200", AccountClass.REVENUE, K.INCOME),
  account("interest", "270", AccountClass.REVENUE, K.OTHER_INCOME),
  account("purchases", "310", AccountClass.EXPENSE, K.COST_OF_SALES),
  account("rent", "469", AccountClass.EXPENSE, "SOMETHING_ELSE"),
];

/** One balanced entry: [account, amount] pairs (debit positive) on a date. */
export function entry(date: string, ...sides: Array<[string, string]>): Posting[] {
  return sides.map(([accountRemoteId, amount]) => ({ date, accountRemoteId, amount }));
}

export const sale = (date: string, amount: string) => entry(date, ["bank", amount], ["sales", `-${amount}`]);

/** Financial year ending 30 June, retained earnings on account 960. */
export function handLedger(postings: Posting[], overrides: Partial<Ledger> = {}): Ledger {
  return {
    currency: "NZD",
    financialYearEnd: { month: 6, day: 30 },
    accounts: ACCOUNTS,
    postings,
    retainedEarningsAccountRemoteId: "retained",
    ...overrides,
  };
}

export const CTX = { organizationId: "org-1", provider: Provider.DAFTRA };

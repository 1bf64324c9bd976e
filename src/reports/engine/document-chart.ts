import { Decimal } from "decimal.js";
import type { Posting } from "./ledger.js";

/** A stock item whose cost moves from inventory to cost of sales when it is sold. */
export interface TrackedItem {
  /** Cost per unit, at which sales are costed. */
  unitCost: string;
  cogsAccount: string;
  inventoryAccount: string;
}

/**
 * The few accounts documents post to, as account remoteIds. Line, payment and bank account
 * codes are looked up in `accountIdsByCode`; a code it does not hold falls back to the default.
 */
export interface DocumentChart {
  accountIdsByCode: ReadonlyMap<string, string>;
  receivable: string;
  payable: string;
  salesTax: string;
  /** Bank for payments, expenses and bank transactions that name none. */
  bank: string;
  /** Default line accounts for sales-side and purchase-side documents. */
  revenue: string;
  expense: string;
  /** Clearing account bank-transfer legs post against (each transfer's two legs net it to zero). */
  transferClearing?: string;
  /** Tracked (inventory) items by item code; sales of them post cost of sales. */
  trackedItems?: ReadonlyMap<string, TrackedItem>;
}

/** An amount against an account, before it is dated. */
export interface Amount {
  account: string;
  amount: Decimal;
  tracking?: Posting["tracking"];
}

export type PostingSource = NonNullable<Posting["source"]>;

export function accountFor(chart: DocumentChart, code: string | null | undefined, fallback: string): string {
  return (code ? chart.accountIdsByCode.get(code) : undefined) ?? fallback;
}

export function dated(date: string, amounts: Amount[], source: PostingSource): Posting[] {
  return amounts.map((a) => ({ date, accountRemoteId: a.account, amount: a.amount.toFixed(), source, ...(a.tracking ? { tracking: a.tracking } : {}) }));
}

export const sumAmounts = (amounts: Amount[]) => amounts.reduce((sum, a) => sum.plus(a.amount), new Decimal(0));

/** The amounts plus the control-account side that balances them. */
export const withControl = (amounts: Amount[], control: string): Amount[] => [...amounts, { account: control, amount: sumAmounts(amounts).negated() }];

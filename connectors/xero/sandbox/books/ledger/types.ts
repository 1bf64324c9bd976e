import type { Decimal } from "../money.js";

export type Basis = "ACCRUAL" | "CASH";

export type JournalSourceType =
  | "ACCREC" | "ACCPAY" | "ACCRECCREDIT" | "ACCPAYCREDIT" | "Payment" | "Allocation" | "BankTransaction" | "BankTransfer";

export interface JournalLine {
  date: string;
  accountCode: string;
  accountId: string;
  /** Debit positive, credit negative. */
  amount: Decimal;
  source: { type: JournalSourceType; id: string };
  /** The document line's tracking, TrackingCategoryID → TrackingOptionID (line net and cost of sales only; tax and control sides carry none). */
  tracking?: Readonly<Record<string, string>>;
}

/** An amount against an account, before it is dated and attributed. */
export interface Posting {
  accountCode: string;
  amount: Decimal;
  tracking?: JournalLine["tracking"];
}

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
}

/** An amount against an account, before it is dated and attributed. */
export interface Posting {
  accountCode: string;
  amount: Decimal;
}

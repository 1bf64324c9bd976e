import type { XeroAccount, XeroBooks, XeroItem } from "../types.js";
import type { JournalLine, Posting } from "./types.js";

/** Resolves account codes and the system accounts documents post to. */
export class AccountIndex {
  private readonly byCode = new Map<string, XeroAccount>();
  private readonly items = new Map<string, XeroItem>();
  readonly receivables: string;
  readonly payables: string;
  readonly salesTax: string;

  constructor(readonly books: XeroBooks) {
    for (const account of books.accounts) this.byCode.set(account.Code, account);
    for (const item of books.items) this.items.set(item.Code, item);
    const system = (name: string, fallback: string) => books.accounts.find((a) => a.SystemAccount === name)?.Code ?? fallback;
    this.receivables = system("DEBTORS", "610");
    this.payables = system("CREDITORS", "800");
    this.salesTax = system("GST", "820");
  }

  get(code: string): XeroAccount | undefined {
    return this.byCode.get(code);
  }

  item(code: string | undefined): XeroItem | undefined {
    return code === undefined ? undefined : this.items.get(code);
  }

  line(date: string, posting: Posting, source: JournalLine["source"]): JournalLine {
    const line: JournalLine = { date, accountCode: posting.accountCode, accountId: this.byCode.get(posting.accountCode)?.AccountID ?? "", amount: posting.amount, source };
    if (posting.tracking) line.tracking = posting.tracking;
    return line;
  }
}

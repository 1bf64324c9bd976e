import { randomUUID } from "node:crypto";
import { groupedAmount } from "../money.js";
import { refreshStock } from "../stock.js";
import { normaliseLineAmountTypes, totalsWithoutDiscount } from "../totals.js";
import { touchedAt } from "../touch.js";
import type { WriteOptions, WriteResult, XeroAccount, XeroBankTransaction, XeroBooks } from "../types.js";
import { markContactRole, recordChange } from "./audit.js";
import { resolveContactRef, type ContactChoice } from "./contact-ref.js";
import { storeNewContact } from "./contacts.js";
import { asElement, dateInput, failed, flag, succeeded, text, today, type Element } from "./input.js";
import { DATE_MESSAGE } from "./invoice-draft.js";
import { buildLines } from "./lines.js";

export const BANK_ACCOUNT_MESSAGE = "A valid BankAccount must be specified: an active account of type BANK.";
export const BANK_CONTACT_MESSAGE = "A Contact must be specified for this type of transaction";
export const RECONCILED_TRANSACTION_MESSAGE = "This Bank Transaction cannot be edited as it has been reconciled with a bank statement.";
export const TRANSFER_LEG_MESSAGE = "Bank transactions created by a bank transfer cannot be edited; change the BankTransfer instead.";

type Kind = "RECEIVE" | "SPEND";
type Status = XeroBankTransaction["Status"];

/** A BANK account by `{AccountID}` or `{Code}`, if it is active. */
export function bankAccountOf(books: XeroBooks, ref: unknown): XeroAccount | undefined {
  const el = asElement(ref);
  const id = text(el.AccountID), code = text(el.Code);
  if (!id && !code) return undefined;
  const account = books.accounts.find((a) => (id ? a.AccountID.toLowerCase() === id.toLowerCase() : a.Code === code));
  return account && account.Type === "BANK" && account.Status === "ACTIVE" ? account : undefined;
}

function kindOf(el: Element, base: XeroBankTransaction | undefined): Kind | string | undefined {
  return base?.Type ?? text(el.Type)?.toUpperCase();
}

/** Spend money (lines are purchases) and receive money (lines are sales); both post at once. */
function store(books: XeroBooks, el: Element, base: XeroBankTransaction | undefined, opts: WriteOptions): WriteResult<XeroBankTransaction> {
  const kind = kindOf(el, base);
  if (kind !== "RECEIVE" && kind !== "SPEND") {
    return failed(el, [kind ? `Type ${kind} is not supported by this sandbox; use RECEIVE or SPEND.` : "The Type field must be specified."]);
  }
  const status = (text(el.Status)?.toUpperCase() ?? base?.Status ?? "AUTHORISED") as Status;
  if (!base && status !== "AUTHORISED") return failed(el, ["Bank transactions can only be created with status AUTHORISED."]);
  if (!["AUTHORISED", "DELETED", "VOIDED"].includes(status)) return failed(el, [`Status ${status} is not a valid bank transaction status.`]);
  const edits = Object.keys(el).some((k) => el[k] !== undefined && !["BankTransactionID", "Status", "Reference", "IsReconciled"].includes(k));
  if (base && base.Status !== "AUTHORISED") {
    // Removing a removed transaction again changes nothing; anything else is refused.
    return status === base.Status && !edits ? succeeded(base) : failed(el, [`A ${base.Status} bank transaction cannot be changed.`]);
  }
  if (base?.IsReconciled && (edits || status !== "AUTHORISED")) return failed(el, [RECONCILED_TRANSACTION_MESSAGE]);

  const errors: string[] = [];
  const account = el.BankAccount !== undefined || !base ? bankAccountOf(books, el.BankAccount) : books.accounts.find((a) => a.AccountID === base.BankAccount.AccountID);
  if (!account) errors.push(BANK_ACCOUNT_MESSAGE);
  const choice: ContactChoice = el.Contact !== undefined
    ? resolveContactRef(books, el.Contact, opts.now, true)
    : { contact: books.contacts.find((c) => c.ContactID === base?.Contact?.ContactID), errors: base?.Contact ? [] : [BANK_CONTACT_MESSAGE] };
  if (choice.notFound) return failed(el, choice.errors, true);
  errors.push(...choice.errors);
  const contact = choice.contact;
  const lat = el.LineAmountTypes !== undefined ? normaliseLineAmountTypes(el.LineAmountTypes) : base?.LineAmountTypes ?? "Exclusive";
  if (!lat) errors.push("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
  const side = kind === "SPEND" ? "purchases" : "sales";
  const rules = { books, side, lineAmountTypes: lat ?? "Exclusive", strict: true, unitdp: opts.unitdp ?? 2, allowDiscount: false } as const;
  const built = buildLines(el.LineItems, base?.LineItems ?? [], rules);
  errors.push(...built.errors);
  const dateIn = dateInput(el.Date);
  if (dateIn === null) errors.push(DATE_MESSAGE);
  if (errors.length || !account || !contact) return failed(el, errors);

  const tx: XeroBankTransaction = {
    ...(base ?? { BankTransactionID: randomUUID(), IsReconciled: false, HasAttachments: false, CurrencyRate: 1 }),
    ...totalsWithoutDiscount(built.lines, rules.lineAmountTypes, books.taxRates),
    Type: kind,
    Contact: { ContactID: contact.ContactID, Name: contact.Name },
    BankAccount: { AccountID: account.AccountID, Code: account.Code, Name: account.Name },
    Date: dateIn ?? base?.Date ?? today(opts.now),
    Status: status,
    LineAmountTypes: rules.lineAmountTypes,
    CurrencyCode: books.organisation.BaseCurrency,
    UpdatedDateUTC: touchedAt(base?.UpdatedDateUTC, opts.now),
  } as XeroBankTransaction;
  if (el.Reference !== undefined) tx.Reference = text(el.Reference);
  const reconciled = flag(el.IsReconciled);
  if (reconciled !== undefined) tx.IsReconciled = reconciled;
  if (choice.created) storeNewContact(books, contact, opts.now);
  const previous = base?.Status;
  if (base) Object.assign(base, tx);
  else books.bankTransactions.push(tx);
  const record = base ?? tx;
  const verb = kind === "RECEIVE" ? "Received" : "Spent";
  if (!base) recordChange(books, record.BankTransactionID, "Created", `${verb} ${groupedAmount(record.Total)}.`, opts.now);
  else if (previous !== record.Status) recordChange(books, record.BankTransactionID, record.Status === "DELETED" ? "Deleted" : "Voided", "Transaction removed.", opts.now);
  else recordChange(books, record.BankTransactionID, "Edited", `${verb} ${groupedAmount(record.Total)}.`, opts.now);
  markContactRole(books, contact.ContactID, side);
  return succeeded(record);
}

/** PUT (create only) / POST (create or update) /BankTransactions and POST /BankTransactions/{id}. */
export function writeBankTransactions(books: XeroBooks, elements: unknown[], opts: WriteOptions): WriteResult<XeroBankTransaction>[] {
  const results = elements.map((raw) => {
    const el = asElement(raw);
    const id = text(el.BankTransactionID);
    const base = id ? books.bankTransactions.find((t) => t.BankTransactionID.toLowerCase() === id.toLowerCase()) : undefined;
    if (id && !base) return failed<XeroBankTransaction>(raw, ["An existing BankTransaction with the specified BankTransactionID could not be found"], true);
    if (base && opts.mode === "create") return failed<XeroBankTransaction>(raw, ["A bank transaction with this BankTransactionID already exists."]);
    if (base?.Type.endsWith("-TRANSFER")) return failed<XeroBankTransaction>(raw, [TRANSFER_LEG_MESSAGE]);
    return store(books, el, base, opts);
  });
  if (results.some((r) => r.ok)) refreshStock(books, opts.now);
  return results;
}

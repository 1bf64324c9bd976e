/**
 * Expenses and incomes (one table, one id space). Amounts are stored gross; a body that says
 * `tax1_included: 0` gives the amount before tax and the tax is added. Each posts its journal at
 * once; an expense category without an account gets one, as Daftra opens an account per category.
 */
import { Decimal } from "decimal.js";
import { ACCOUNTS, EXPENSE_CATEGORIES } from "../seed/chart.js";
import { nextId } from "../seed/documents.js";
import { repost, unpost } from "../journals.js";
import type { DaftraBooks, ExpenseRow } from "../types.js";
import { dayOf, failed, isNumber, stamp, text, today, touched, type Body, type FieldErrors, type WriteOutcome } from "./outcome.js";

const EXPENSE_CAT = 51;
const REVENUE_ROOT = "4";
const EXPENSE_ROOT = "5";

/** The account an expense category posts to, opened under Operating Expenses when it is new. */
function categoryAccount(books: DaftraBooks, category: string): number {
  const known = EXPENSE_CATEGORIES.find(([name]) => name.toLowerCase() === category.toLowerCase());
  if (known) return known[1];
  const existing = books.journalAccounts.find((a) => a.entity_type === "expense_category" && a.name.toLowerCase() === category.toLowerCase());
  if (existing) return existing.id;
  const siblings = books.journalAccounts.filter((a) => a.journal_cat_id === EXPENSE_CAT);
  const id = Math.max(...books.journalAccounts.map((a) => a.id)) + 1;
  const code = String(Math.max(...siblings.map((a) => Number(a.code))) + 1);
  books.journalAccounts.push({ id, code, name: category, journal_cat_id: EXPENSE_CAT, parent_cat_ids: "5,51", type: 0, entity_type: "expense_category", entity_id: null });
  return id;
}

/** Gross amount: `amount` as sent, plus the tax when the body says the amount excludes it. */
function grossOf(books: DaftraBooks, record: Body, taxId: number | null): string {
  const amount = new Decimal(text(record.amount));
  const tax = books.taxes.find((t) => t.id === taxId);
  const excluded = record.tax1_included !== undefined && ["0", "false"].includes(text(record.tax1_included));
  return (tax && excluded ? amount.plus(amount.times(tax.value).dividedBy(100)) : amount).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Creates (no `existing`) or edits an expense or income; fields left out of an edit stay as they are. */
export function saveCash(books: DaftraBooks, isIncome: boolean, record: Body, now: Date, existing?: ExpenseRow): WriteOutcome {
  const errors: FieldErrors = {};
  const has = (field: string) => field in record && record[field] !== null;
  const taxId = has("tax1_id") ? (text(record.tax1_id) ? Number(record.tax1_id) : null) : (existing?.tax1_id ?? null);
  const treasuryId = has("treasury_id") && text(record.treasury_id) ? Number(record.treasury_id) : (existing?.treasury_id ?? books.treasuries.find((t) => t.is_primary)!.id);
  const clientId = has("client_id") ? (text(record.client_id) ? Number(record.client_id) : null) : (existing?.client_id ?? null);
  const date = has("date") ? dayOf(record.date) : (existing?.date ?? today(now));
  const accountId = has("journal_account_id") && text(record.journal_account_id) ? Number(record.journal_account_id) : undefined;
  const account = books.journalAccounts.find((a) => a.id === accountId);
  if (has("amount") || !existing) {
    if (!isNumber(record.amount) || !(Number(record.amount) > 0)) errors.amount = "Amount must be a number above zero";
  }
  if (!date) errors.date = "Date must be YYYY-MM-DD";
  if (taxId !== null && !books.taxes.some((t) => t.id === taxId)) errors.tax1_id = "Tax not found";
  if (!books.treasuries.some((t) => t.id === treasuryId)) errors.treasury_id = "Treasury not found";
  if (clientId !== null && !books.clients.some((c) => c.id === clientId)) errors.client_id = "Client not found";
  if (accountId !== undefined && (!account || account.code[0] !== (isIncome ? REVENUE_ROOT : EXPENSE_ROOT))) errors.journal_account_id = `Account not found among ${isIncome ? "income" : "expense"} accounts`;
  if (record.currency_code && !/^[A-Z]{3}$/.test(text(record.currency_code))) errors.currency_code = "Currency code must be an ISO 4217 code";
  const problem = failed(errors);
  if (problem) return problem;
  const category = has("category") ? text(record.category) : (existing?.category ?? "");
  const amount = has("amount") ? grossOf(books, record, taxId) : existing!.amount;
  const journalAccount = accountId ?? (has("category") || !existing ? (isIncome ? ACCOUNTS.otherIncome : categoryAccount(books, category || "General")) : existing.journal_account_id);
  const row: ExpenseRow = {
    id: existing?.id ?? nextId(books, "expense"), is_income: isIncome ? 1 : 0, amount,
    currency_code: text(record.currency_code) || existing?.currency_code || books.site.currency_code,
    vendor: has("vendor") ? text(record.vendor) : (existing?.vendor ?? ""), category: category || (isIncome ? "" : "General"), date: date!,
    note: has("note") ? text(record.note) : (existing?.note ?? ""), client_id: clientId, tax1_id: taxId, treasury_id: treasuryId,
    journal_account_id: journalAccount, created: existing?.created ?? stamp(now), modified: touched(existing?.modified, now),
  };
  if (existing) books.expenses.splice(books.expenses.indexOf(existing), 1, row);
  else books.expenses.push(row);
  repost(books, isIncome ? "income" : "expense", row.id, row.note || row.category, row);
  return { id: row.id };
}

export function deleteCash(books: DaftraBooks, isIncome: boolean, id: number): WriteOutcome {
  const index = books.expenses.findIndex((e) => e.id === id && e.is_income === (isIncome ? 1 : 0));
  if (index < 0) return { missing: `${isIncome ? "Income" : "Expense"} not found` };
  books.expenses.splice(index, 1);
  unpost(books, isIncome ? "income" : "expense", id);
  return { id };
}

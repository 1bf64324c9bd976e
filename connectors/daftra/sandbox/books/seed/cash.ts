import { addDays } from "../totals.js";
import type { ExpenseRow } from "../types.js";
import { ACCOUNTS, EXPENSE_CATEGORIES, INCOME_CATEGORIES } from "./chart.js";
import { nextId, type SeedContext } from "./documents.js";

export const VENDORS = ["City Power", "Al Noor Properties", "Stationery Hub", "Saudia", "AdWorks", "Water Co.", "Fuel Station"];

/** Expenses and incomes share one id space, in date order. */
export function seedCash(ctx: SeedContext, counts: { expenses: number; incomes: number }): void {
  const { rng, books } = ctx;
  const rows: ExpenseRow[] = [];
  const make = (isIncome: boolean): ExpenseRow => {
    const date = addDays(ctx.start, rng.int(0, ctx.span));
    const [category, account] = isIncome ? [rng.pick(INCOME_CATEGORIES), ACCOUNTS.otherIncome] : rng.pick(EXPENSE_CATEGORIES);
    const created = `${date} 12:00:00`;
    return {
      id: 0,
      is_income: isIncome ? 1 : 0,
      amount: (rng.int(2_000, 300_000) / 100).toFixed(2),
      currency_code: books.site.currency_code,
      vendor: isIncome ? "" : rng.pick(VENDORS),
      category,
      date,
      note: `${category} ${date.slice(0, 7)}`,
      client_id: isIncome && rng.chance(0.5) ? rng.int(1, books.clients.length) : null,
      tax1_id: !isIncome && rng.chance(0.6) ? 1 : null,
      treasury_id: rng.chance(0.7) ? 1 : 2,
      journal_account_id: account,
      created,
      modified: created,
    };
  };
  for (let i = 0; i < counts.expenses; i++) rows.push(make(false));
  for (let i = 0; i < counts.incomes; i++) rows.push(make(true));
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.is_income - b.is_income);
  books.expenses = rows.map((row) => ({ ...row, id: nextId(books, "expense") }));
}

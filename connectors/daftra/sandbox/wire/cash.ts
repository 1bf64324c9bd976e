import { Decimal } from "decimal.js";
import { expenseTax } from "../books/journals.js";
import type { ExpenseRow, JournalRow } from "../books/types.js";
import type { WireContext } from "./context.js";
import { str } from "./format.js";

type Wire = Record<string, unknown>;

/** Expenses and incomes share one schema; the amount is gross, tax included (`tax1_included`). */
export function expenseWire(row: ExpenseRow, ctx: WireContext): Wire {
  const tax = ctx.books.taxes.find((t) => t.id === row.tax1_id);
  return {
    id: str(row.id), amount: row.amount, currency_code: row.currency_code, vendor: row.vendor, category: row.category,
    date: row.date, note: row.note, client_id: str(row.client_id), is_income: str(row.is_income),
    tax1_id: str(row.tax1_id), tax1_name: tax?.name ?? null, tax1_value: tax?.value ?? null,
    tax1_amount: tax ? expenseTax(ctx.books, row).toFixed(2) : null, tax1_included: tax ? "1" : null,
    tax2_id: null, treasury_id: str(row.treasury_id), journal_account_id: str(row.journal_account_id),
    file: null, attachments: [], created: row.created, modified: row.modified,
  };
}

export function journalWire(row: JournalRow, depth: number): Wire {
  const sum = (key: "debit" | "credit") => row.lines.reduce((s, l) => s.plus(l[key]), new Decimal(0)).toFixed(2);
  const total = { total_debit: sum("debit"), total_credit: sum("credit") };
  const header: Wire = {
    id: str(row.id), number: row.number, date: row.date, entity_type: row.entity_type, entity_id: str(row.entity_id),
    is_automatic: "1", description: row.description, currency_code: row.currency_code, ...total,
    currency_debit: total.total_debit, currency_credit: total.total_credit, created: row.created,
  };
  if (depth >= 1) {
    header.JournalTransaction = row.lines.map((l) => ({
      id: str(l.id), journal_id: str(row.id), journal_account_id: str(l.journal_account_id), debit: l.debit, credit: l.credit,
      currency_debit: l.debit, currency_credit: l.credit, currency_rate: "1", subkey: l.subkey, description: l.description,
    }));
  }
  return header;
}

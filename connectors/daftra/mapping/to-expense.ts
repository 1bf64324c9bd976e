import { Decimal } from "decimal.js";
import { ExpenseKind, type Expense } from "../../../schema/expense/expense.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import { isTrue, nodeFields, prefixedId, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import type { DaftraExpense } from "./wire-schemas.js";

/** Tax of an expense: included taxes sit inside `amount`, others come on top of it. */
function taxes(expense: DaftraExpense) {
  const parts = [[expense.tax1_amount, expense.tax1_included], [expense.tax2_amount, expense.tax2_included]] as const;
  let included = new Decimal(0);
  let added = new Decimal(0);
  for (const [amount, inclusive] of parts) {
    if (amount === null) continue;
    if (inclusive === null || isTrue(inclusive)) included = included.plus(amount);
    else added = added.plus(amount);
  }
  return { included, added };
}

/** An expense or income → Expense of that kind. */
export function toUnifiedExpense(expense: DaftraExpense, ctx: MappingContext): Expense {
  const { included, added } = taxes(expense);
  const amount = new Decimal(expense.amount ?? 0);
  const income = isTrue(expense.is_income);
  return {
    ...nodeFields(ctx, "Expense", expense.id, expense.modified, expense),
    kind: income ? ExpenseKind.INCOME : ExpenseKind.EXPENSE,
    date: toIsoDate(expense.date, ctx.dateOrder),
    description: expense.note,
    reference: null,
    category: expense.category,
    accountCode: null,
    currency: expense.currency_code ?? "",
    subTotal: moneyOrZero(amount.minus(included)),
    totalTax: moneyOrZero(included.plus(added)),
    total: moneyOrZero(amount.plus(added)),
    taxRateCode: expense.tax1_id,
    paidFrom: expense.treasury_id ? { remoteId: prefixedId("treasury", expense.treasury_id), code: null, name: null } : null,
    isBillable: null,
    projectId: null,
    contactRef: expense.client_id ? { remoteId: prefixedId("client", expense.client_id), name: expense.vendor } : null,
  };
}

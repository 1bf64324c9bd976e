import { ExpenseKind, type Expense } from "../../../schema/expense/expense.type.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryExpense } from "../client/schemas/documents.js";
import { contactRefOf, nodeFields, orNull, refId, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";

/** A Clientary expense: an amount with no tax, category or currency (the account's). Rebilled ones carry their invoice. */
export function toUnifiedExpense(expense: ClientaryExpense, ctx: MappingContext): Expense {
  const amount = moneyOrZero(expense.amount);
  return {
    ...nodeFields(ctx, "Expense", expense),
    kind: ExpenseKind.EXPENSE,
    date: toIsoDate(expense.incurred_on),
    description: orNull(expense.description),
    reference: null,
    category: null,
    accountCode: null,
    currency: ctx.currency,
    subTotal: amount,
    totalTax: "0.00",
    total: amount,
    taxRateCode: null,
    paidFrom: null,
    isBillable: expense.invoice_id ? true : null,
    projectId: refId(ctx, "Project", expense.project_id),
    contactRef: contactRefOf(expense.client_id),
  };
}

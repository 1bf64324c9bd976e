import { Decimal } from "decimal.js";
import { ExpenseKind, type Expense } from "../../../schema/expense/expense.type.js";
import type { ExpenseInput } from "../../../src/connector/inputs.js";
import { moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryExpense } from "../client/schemas/documents.js";
import { contactRefOf, nodeFields, orNull, refId, type MappingContext } from "./common.js";
import { toIsoDate, toWireDate } from "./dates.js";
import { inputProblems, isDecimal, type InputProblems } from "./input-problems.js";

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

/**
 * Unified expense fields → Clientary's expense fields. Clientary keeps an amount, a description, a
 * day and the client/project it was for; tax, category, reference and other currencies have no
 * place and are refused. Account codes are not: on Clientary's fixed chart every expense books to
 * expenses, paid from the bank. https://www.clientary.com/api/expenses
 */
function expenseFields(input: Partial<ExpenseInput>, currency: string, problems: InputProblems): Record<string, unknown> {
  if (input.amount !== undefined && (!isDecimal(input.amount) || new Decimal(input.amount).lte(0))) problems.add("input.amount", "must be a decimal amount above zero.");
  if (input.taxRateCode) problems.add("input.taxRateCode", "Clientary expenses carry no tax; send the amount paid.");
  if (input.category) problems.add("input.category", "Clientary expenses have no category; put it in the description.");
  if (input.reference) problems.add("input.reference", "Clientary expenses have no reference; put it in the description.");
  if (input.currency && input.currency !== currency) problems.add("input.currency", `Clientary keeps expenses in the account's currency (${currency}) only.`);
  problems.check();
  const expense: Record<string, unknown> = {};
  if (input.amount !== undefined) expense.amount = input.amount;
  if (input.date) expense.incurred_on = toWireDate(input.date);
  if (input.description !== undefined) expense.description = input.description ?? "";
  if (input.contactRemoteId !== undefined) expense.client_id = input.contactRemoteId === null ? null : Number(input.contactRemoteId);
  if (input.projectRemoteId !== undefined) expense.project_id = input.projectRemoteId === null ? null : Number(input.projectRemoteId);
  return expense;
}

/** Unified expense → the wrapped body of POST /expenses. Clientary has no billable flag: an expense is rebilled through its client or project. */
export function toClientaryExpense(input: ExpenseInput, currency: string): { expense: Record<string, unknown> } {
  const problems = inputProblems();
  if (input.isBillable && !input.contactRemoteId && !input.projectRemoteId) {
    problems.add("input.isBillable", "a billable expense needs the client (contactRemoteId) or project it is rebilled to.");
  }
  return { expense: expenseFields(input, currency, problems) };
}

/** Unified expense changes → the wrapped body of PUT /expenses/:id: only what changes. */
export function toClientaryExpenseChanges(changes: Partial<ExpenseInput>, currency: string): { expense: Record<string, unknown> } {
  return { expense: expenseFields(changes, currency, inputProblems()) };
}

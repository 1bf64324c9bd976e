import type { Expense } from "../../../schema/expense/expense.type.js";
import type { ExpenseInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteResult } from "../../../src/connector/writes.js";
import { expenseSchema } from "../client/schemas/documents.js";
import { toClientaryExpense, toClientaryExpenseChanges, toUnifiedExpense } from "../mapping/to-expense.js";
import { clientaryId, sendWrite, type WriteContext } from "./write-context.js";

/** https://www.clientary.com/api/expenses (POST /expenses): logged as the token's user. */
export function createExpense(w: WriteContext, input: ExpenseInput): Promise<WriteResult<Expense>> {
  const body = toClientaryExpense(input, w.ctx.currency);
  return sendWrite(w, { method: "POST", path: "expenses", body, schema: expenseSchema }, (created) => toUnifiedExpense(created, w.ctx));
}

/** https://www.clientary.com/api/expenses (PUT /expenses/:id): Clientary keeps a rebilled expense's amount and client. */
export function updateExpense(w: WriteContext, remoteId: string, changes: Partial<ExpenseInput>): Promise<WriteResult<Expense>> {
  const id = clientaryId("Expense", remoteId);
  const body = toClientaryExpenseChanges(changes, w.ctx.currency);
  return sendWrite(w, { method: "PUT", path: `expenses/${id}`, body, schema: expenseSchema }, (updated) => toUnifiedExpense(updated, w.ctx));
}

/** https://www.clientary.com/api/expenses (DELETE /expenses/:id) */
export function removeExpense(w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> {
  const id = clientaryId("Expense", remoteId);
  return sendWrite(w, { method: "DELETE", path: `expenses/${id}` }, () => ({ outcome: "DELETED" as const }));
}

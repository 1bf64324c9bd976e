import type { ClientaryBooks, ExpenseRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { amountField, dayField, fieldErrors, referenceField, removeWhere, stampOf, text, touched, type FieldErrors } from "./fields.js";
import { tokenUser } from "./token-user.js";

/** Client and project: a project alone brings its client; both must agree. */
function applyParties(books: ClientaryBooks, draft: ExpenseRecord, body: Record<string, unknown>, errors: FieldErrors): void {
  const client = referenceField(body, "client_id", books.clients, errors);
  if (client !== undefined) draft.client_id = client?.id ?? null;
  const project = referenceField(body, "project_id", books.projects, errors);
  if (project !== undefined) draft.project_id = project?.id ?? null;
  if (project && client === undefined && draft.client_id === null) draft.client_id = project.client_id;
  const chosen = books.projects.find((p) => p.id === draft.project_id);
  if (chosen && draft.client_id !== chosen.client_id) errors.add("project_id", "belongs to another client");
}

function applyExpense(books: ClientaryBooks, draft: ExpenseRecord, body: Record<string, unknown>, errors: FieldErrors): ExpenseRecord {
  const amount = amountField(body, "amount", errors, { positive: true });
  if (amount !== undefined) draft.amount = amount;
  const day = dayField(body, "incurred_on", errors);
  if (day) draft.incurred_on = day;
  if ("description" in body) draft.description = text(body.description) ?? "";
  applyParties(books, draft, body, errors);
  return draft;
}

/** POST /expenses: `amount` required and above zero; today unless `incurred_on` says otherwise; logged as the token's user. */
export function createExpense(books: ClientaryBooks, body: Record<string, unknown>, now: Date): ExpenseRecord {
  const errors = fieldErrors();
  const stamp = stampOf(now);
  const draft: ExpenseRecord = {
    id: 0, created_at: stamp, updated_at: stamp, amount: 0, description: "", incurred_on: stamp.slice(0, 10).replace(/-/g, "/"),
    client_id: null, project_id: null, invoice_id: null, invoice_item_id: null, user_id: tokenUser(books).id,
  };
  applyExpense(books, draft, { amount: null, ...body }, errors);
  errors.check();
  const expense = { ...draft, id: nextId(books, "expense") };
  books.expenses.push(expense);
  return expense;
}

const BILLED_FIXED = ["amount", "client_id", "project_id"];

/** PUT /expenses/:id: a rebilled expense (on an invoice) keeps its amount, client and project. */
export function updateExpense(books: ClientaryBooks, expense: ExpenseRecord, body: Record<string, unknown>, now: Date): ExpenseRecord {
  const errors = fieldErrors();
  if (expense.invoice_id !== null) for (const field of BILLED_FIXED) if (field in body) errors.add(field, "can't be changed once the expense is billed");
  const draft = applyExpense(books, { ...expense }, body, errors);
  errors.check();
  return Object.assign(expense, draft, { updated_at: touched(expense.updated_at, now) });
}

/** DELETE /expenses/:id: not once it is billed on an invoice. */
export function deleteExpense(books: ClientaryBooks, expense: ExpenseRecord): void {
  if (expense.invoice_id !== null) throw unprocessable({ base: ["A billed expense can't be deleted. Remove it from its invoice first."] });
  removeWhere(books.expenses, (e) => e === expense);
}

import { Decimal } from "decimal.js";
import type { ProjectInput, TaskInput, TimeEntryInput } from "../../../src/connector/inputs.js";
import { toWireDate } from "./dates.js";
import { inputProblems, isDecimal, type InputProblems } from "./input-problems.js";

const HOURLY = 0;
const FIXED_AMOUNT = 2;
const AMOUNT_BUDGET = 1;

function checkAmount(problems: InputProblems, field: string, value: string | null | undefined, { positive = false } = {}) {
  if (value === null || value === undefined) return;
  if (!isDecimal(value) || (positive ? new Decimal(value).lte(0) : new Decimal(value).lt(0))) problems.add(field, `must be a decimal number${positive ? " above zero" : ", zero or more"}.`);
}

/**
 * Unified project → the wrapped body of POST /projects. A rate makes it hourly; a budget without a
 * rate makes it a fixed-amount project; a budget is money (budget_type 1). The currency is the
 * account's. https://www.clientary.com/api/projects
 */
export function toClientaryProject(input: ProjectInput, currency: string): { project: Record<string, unknown> } {
  const problems = inputProblems();
  if (!input.name.trim()) problems.add("input.name", "is required.");
  checkAmount(problems, "input.budget", input.budget);
  checkAmount(problems, "input.hourlyRate", input.hourlyRate);
  if (input.startDate && input.dueDate && input.dueDate < input.startDate) problems.add("input.dueDate", `(${input.dueDate}) is before startDate (${input.startDate}).`);
  problems.check();
  const project: Record<string, unknown> = { name: input.name.trim(), project_type: input.hourlyRate || !input.budget ? HOURLY : FIXED_AMOUNT, currency_code: currency };
  if (input.contactRemoteId) project.client_id = Number(input.contactRemoteId);
  if (input.description) project.description = input.description;
  if (input.startDate) project.start_date = toWireDate(input.startDate);
  if (input.dueDate) project.end_date = toWireDate(input.dueDate);
  if (input.hourlyRate) project.rate = input.hourlyRate;
  if (input.budget) Object.assign(project, { budget: input.budget, budget_type: AMOUNT_BUDGET });
  return { project };
}

/** Unified task → the wrapped body of POST /tasks. Clientary tasks keep no estimate. https://www.clientary.com/api/tasks */
export function toClientaryTask(input: TaskInput): { task: Record<string, unknown> } {
  const problems = inputProblems();
  if (!input.name.trim()) problems.add("input.name", "is required.");
  if (input.estimatedHours) problems.add("input.estimatedHours", "Clientary tasks have no estimate.");
  problems.check();
  const task: Record<string, unknown> = { title: input.name.trim(), project_id: Number(input.projectRemoteId) };
  if (input.description) task.description = input.description;
  if (input.dueDate) task.due_date = toWireDate(input.dueDate);
  if (input.assigneeRemoteId) task.assignee_id = Number(input.assigneeRemoteId);
  return { task };
}

/**
 * Unified time entry → the path and `project_item` body of POST /projects/:id/hours. Clientary's
 * hours need a title and have no task link: a task names the hours (its title), the description
 * follows. Non-billable hours are logged at rate 0; billable ones take the project's rate.
 * https://www.clientary.com/api/hours
 */
export function toClientaryHour(input: TimeEntryInput, taskTitle?: string | null): { path: string; body: { project_item: Record<string, unknown> } } {
  const problems = inputProblems();
  checkAmount(problems, "input.hours", input.hours, { positive: true });
  const title = taskTitle ?? input.description?.trim();
  if (!title) problems.add("input.description", "is required without a task: Clientary hours need a title.");
  problems.check();
  const item: Record<string, unknown> = { title, date: toWireDate(input.date), hours: input.hours };
  if (taskTitle && input.description) item.description = input.description;
  if (input.staffRemoteId) item.user_id = Number(input.staffRemoteId);
  if (input.isBillable === false) item.rate = 0;
  return { path: `projects/${encodeURIComponent(input.projectRemoteId)}/hours`, body: { project_item: item } };
}

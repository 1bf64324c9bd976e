import type { ClientaryBooks, HourRecord, ProjectRecord, TaskRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { PROJECT } from "../status-codes.js";
import { amountField, dayField, fieldErrors, numberOf, referenceField, removeWhere, stampOf, text } from "./fields.js";
import { tokenUser } from "./token-user.js";

const PROJECT_TYPES = new Set([0, 2]);
const BUDGET_TYPES = new Set([0, 1]);
const MAX_HOURS_A_DAY = 24;

/** POST /projects: `name` and a client required; hourly (0) unless fixed (2); in the account's currency unless given; numbered next. */
export function createProject(books: ClientaryBooks, body: Record<string, unknown>, now: Date): ProjectRecord {
  const errors = fieldErrors();
  if (!text(body.name)) errors.add("name", "can't be blank");
  const client = referenceField(body, "client_id", books.clients, errors);
  if (!client && !errors.has("client_id")) errors.add("client_id", "can't be blank");
  const projectType = numberOf(body.project_type) ?? 0;
  if (!PROJECT_TYPES.has(projectType)) errors.add("project_type", "is not included in the list");
  const budgetType = numberOf(body.budget_type) ?? 0;
  if (!BUDGET_TYPES.has(budgetType)) errors.add("budget_type", "is not included in the list");
  const budget = amountField(body, "budget", errors);
  const rate = amountField(body, "rate", errors);
  const start = dayField(body, "start_date", errors);
  const end = dayField(body, "end_date", errors);
  if (start && end && end < start) errors.add("end_date", "can't be before the start date");
  const currency = text(body.currency_code)?.toUpperCase() ?? books.account.currency;
  if (!/^[A-Z]{3}$/.test(currency)) errors.add("currency_code", "is not a valid currency");
  errors.check();
  const stamp = stampOf(now);
  const project: ProjectRecord = {
    id: nextId(books, "project"), created_at: stamp, updated_at: stamp, number: String(books.projects.reduce((max, p) => Math.max(max, Number(p.number) || 0), 0) + 1),
    name: text(body.name)!, description: text(body.description), status: PROJECT.ACTIVE, project_type: projectType, budget_type: budgetType, budget: budget ?? null,
    rate: rate ?? 0, currency_code: currency, start_date: start ?? null, end_date: end ?? null, client_id: client!.id,
  };
  books.projects.push(project);
  return project;
}

/** DELETE /projects/:id: its tasks and hours go too; invoices, estimates and expenses stay, no longer linked to it. */
export function deleteProject(books: ClientaryBooks, project: ProjectRecord): void {
  removeWhere(books.tasks, (t) => t.project_id === project.id);
  removeWhere(books.hours, (h) => h.project_id === project.id);
  for (const record of [...books.invoices, ...books.estimates, ...books.expenses]) if (record.project_id === project.id) record.project_id = null;
  removeWhere(books.projects, (p) => p === project);
}

/** POST /tasks: `title` required; the project and assignee must exist; the client is the project's. */
export function createTask(books: ClientaryBooks, body: Record<string, unknown>, now: Date): TaskRecord {
  const errors = fieldErrors();
  if (!text(body.title)) errors.add("title", "can't be blank");
  const project = referenceField(body, "project_id", books.projects, errors);
  const assignee = referenceField(body, "assignee_id", books.staff, errors);
  const due = dayField(body, "due_date", errors);
  errors.check();
  const stamp = stampOf(now);
  const task: TaskRecord = {
    id: nextId(books, "task"), created_at: stamp, updated_at: stamp, title: text(body.title)!, description: text(body.description), complete: false, completed_at: null,
    due_date: due ?? null, project_id: project?.id ?? null, client_id: project?.client_id ?? null, assignee_id: assignee?.id ?? null, user_id: tokenUser(books).id,
  };
  books.tasks.push(task);
  return task;
}

/** POST /projects/:project_id/hours: `title` and `hours` (above 0, at most 24) required; today, the token's user and the project's rate unless given. */
export function createHour(books: ClientaryBooks, project: ProjectRecord, body: Record<string, unknown>, now: Date): HourRecord {
  const errors = fieldErrors();
  if (!text(body.title)) errors.add("title", "can't be blank");
  const hours = amountField({ hours: null, ...body }, "hours", errors, { positive: true });
  if (hours !== undefined && hours > MAX_HOURS_A_DAY) errors.add("hours", `must be less than or equal to ${MAX_HOURS_A_DAY}`);
  const user = referenceField(body, "user_id", books.staff, errors);
  const rate = amountField(body, "rate", errors);
  const day = dayField(body, "date", errors);
  errors.check();
  const stamp = stampOf(now);
  const hour: HourRecord = {
    id: nextId(books, "hour"), created_at: stamp, updated_at: stamp, project_id: project.id, user_id: user?.id ?? tokenUser(books).id, title: text(body.title)!,
    description: text(body.description), date: day ?? stamp.slice(0, 10).replace(/-/g, "/"), hours: hours!, rate: rate ?? project.rate, "billed?": false,
  };
  books.hours.push(hour);
  return hour;
}

/** DELETE /hours/:id: not once the hours are billed on an invoice. */
export function deleteHour(books: ClientaryBooks, hour: HourRecord): void {
  if (hour["billed?"]) throw unprocessable({ base: ["Billed hours can't be deleted"] });
  removeWhere(books.hours, (h) => h === hour);
}

/** DELETE /tasks/:id */
export function deleteTask(books: ClientaryBooks, task: TaskRecord): void {
  removeWhere(books.tasks, (t) => t === task);
}

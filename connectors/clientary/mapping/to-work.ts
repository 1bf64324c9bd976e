import type { Project } from "../../../schema/work/project.type.js";
import type { Staff } from "../../../schema/work/staff.type.js";
import type { Task } from "../../../schema/work/task.type.js";
import type { TimeEntry } from "../../../schema/work/time-entry.type.js";
import { decimalString, money, moneyOrZero } from "../../../src/money/decimal.js";
import type { ClientaryPerson } from "../client/schemas/parties.js";
import type { ClientaryHour, ClientaryProject, ClientaryTask } from "../client/schemas/work.js";
import { contactRefOf, nodeFields, orNull, refId, statusCode, type MappingContext } from "./common.js";
import { toIsoDate } from "./dates.js";
import { PROJECT_STATUS } from "./statuses.js";

const AMOUNT_BUDGET = 1;

/** https://www.clientary.com/api/projects — a budget in hours (budget_type 0) is not money, so it stays only in `raw`. */
export function toUnifiedProject(project: ClientaryProject, ctx: MappingContext): Project {
  return {
    ...nodeFields(ctx, "Project", project),
    name: project.name,
    description: orNull(project.description),
    status: PROJECT_STATUS[statusCode(project.status) ?? 1] ?? "ACTIVE",
    startDate: toIsoDate(project.start_date),
    dueDate: toIsoDate(project.end_date),
    budget: Number(project.budget_type) === AMOUNT_BUDGET ? money(project.budget) : null,
    hourlyRate: money(project.rate),
    currency: orNull(project.currency_code),
    contactRef: contactRefOf(project.client_id ?? project.client?.id, project.client?.name),
  };
}

/** https://www.clientary.com/api/tasks */
export function toUnifiedTask(task: ClientaryTask, ctx: MappingContext): Task {
  return {
    ...nodeFields(ctx, "Task", task),
    name: task.title,
    description: orNull(task.description),
    status: task.complete || task.completed ? "COMPLETED" : "OPEN",
    dueDate: toIsoDate(task.due_date),
    estimatedHours: null,
    projectId: refId(ctx, "Project", task.project_id),
    assigneeId: refId(ctx, "Staff", task.assignee_id),
  };
}

/** https://www.clientary.com/api/hours — logged by a staff member on a project; billed once invoiced. */
export function toUnifiedTimeEntry(hour: ClientaryHour, ctx: MappingContext): TimeEntry {
  return {
    ...nodeFields(ctx, "TimeEntry", hour),
    date: toIsoDate(hour.date),
    hours: decimalString(hour.hours ?? 0)!,
    description: [hour.title, hour.description].filter(Boolean).join(": ") || null,
    isBillable: hour.rate === null || hour.rate === undefined ? null : Number(hour.rate) > 0,
    isInvoiced: hour["billed?"] || hour.billed,
    rate: hour.rate === null || hour.rate === undefined ? null : moneyOrZero(hour.rate),
    projectId: refId(ctx, "Project", hour.project_id),
    taskId: null,
    staffId: refId(ctx, "Staff", hour.user_id),
  };
}

/** https://www.clientary.com/api/staff — the API lists current staff only. */
export function toUnifiedStaff(person: ClientaryPerson, ctx: MappingContext): Staff {
  return { ...nodeFields(ctx, "Staff", person), name: person.name, email: orNull(person.email), role: orNull(person.title), isActive: true };
}

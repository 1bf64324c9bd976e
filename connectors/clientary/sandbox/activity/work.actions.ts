/** New projects, tasks, hours and expenses, through the books' own writes. */
import { addDays } from "../books/seed/calendar.js";
import { EXPENSE_KINDS, HOUR_TITLES, PROJECT_KINDS, TASK_TITLES } from "../books/seed/names.js";
import { CLIENT, PROJECT } from "../books/status-codes.js";
import { createExpense } from "../books/writes/expenses.js";
import { createHour, createProject, createTask } from "../books/writes/work.js";
import type { ProjectRecord } from "../books/types.js";
import { pickWhere, type ActivityAction, type ActivityContext } from "./context.js";

const isOpen = (p: ProjectRecord) => p.status === PROJECT.ACTIVE || p.status === PROJECT.BILLABLE;
const hasOpenProject = (ctx: ActivityContext) => ctx.books.projects.some(isOpen);
const openProject = (ctx: ActivityContext) => pickWhere(ctx, ctx.books.projects, isOpen)!;

export const workActions: ActivityAction[] = [
  {
    kind: "project.created",
    weight: 3,
    possible: (ctx) => ctx.books.clients.some((c) => c.status === CLIENT.ACTIVE),
    run(ctx) {
      const { random } = ctx;
      const client = pickWhere(ctx, ctx.books.clients, (c) => c.status === CLIENT.ACTIVE)!;
      const hourly = random.chance(0.6);
      const today = ctx.today();
      const project = createProject(ctx.books, {
        name: `${random.pick(PROJECT_KINDS)} for ${client.name}`, client_id: client.id, project_type: hourly ? 0 : 2, budget_type: hourly ? 0 : 1,
        budget: hourly ? random.int(40, 200) : random.int(30, 150) * 100, rate: random.pick([85, 95, 110, 125]), start_date: today, end_date: addDays(today, random.int(30, 180)),
      }, ctx.now());
      return [{ kind: "project.created", entity: "project", id: project.id }];
    },
  },
  {
    kind: "task.created",
    weight: 8,
    possible: hasOpenProject,
    run(ctx) {
      const project = openProject(ctx);
      const task = createTask(ctx.books, {
        title: ctx.random.pick(TASK_TITLES), project_id: project.id, assignee_id: ctx.random.pick(ctx.books.staff).id, due_date: addDays(ctx.today(), ctx.random.int(3, 30)),
      }, ctx.now());
      return [{ kind: "task.created", entity: "task", id: task.id }];
    },
  },
  {
    kind: "hours.logged",
    weight: 14,
    possible: hasOpenProject,
    run(ctx) {
      const project = openProject(ctx);
      const hour = createHour(ctx.books, project, {
        title: ctx.random.pick(HOUR_TITLES), hours: ctx.random.int(1, 16) / 2, user_id: ctx.random.pick(ctx.books.staff).id, date: ctx.today(),
      }, ctx.now());
      return [{ kind: "hours.logged", entity: "hour", id: hour.id }];
    },
  },
  {
    kind: "expense.created",
    weight: 7,
    possible: () => true,
    run(ctx) {
      const [description, low, high] = ctx.random.pick(EXPENSE_KINDS);
      const project = ctx.random.chance(0.4) ? pickWhere(ctx, ctx.books.projects, isOpen) : undefined;
      const expense = createExpense(ctx.books, {
        amount: ctx.random.amount(low, high), description, incurred_on: ctx.today(), ...(project ? { project_id: project.id } : {}),
      }, ctx.now());
      return [{ kind: "expense.created", entity: "expense", id: expense.id }];
    },
  },
];

import type { ProjectRecord } from "../types.js";
import { addDays, slashDate, stampOn } from "./calendar.js";
import { dayBetween, nextId, stamps, type SeedContext } from "./context.js";
import { HOUR_TITLES, PROJECT_KINDS, TASK_TITLES } from "./names.js";

/** ~12 projects for active clients: some done, some billable; tasks and hours by the staff on each. */
export function seedWork(ctx: SeedContext, count = 12): void {
  const { random, books } = ctx;
  const active = books.clients.filter((c) => c.status === 1);
  for (let i = 0; i < count; i++) {
    const client = active[(i * 7) % active.length]!;
    const start = dayBetween(ctx, ctx.start, addDays(ctx.today, -30));
    const end = addDays(start, random.int(30, 180));
    const done = end < ctx.today && random.chance(0.7);
    const hourly = random.chance(0.6);
    const project: ProjectRecord = {
      id: nextId(books, "project"), ...stamps(ctx, start, 30), number: String(i + 1), name: `${PROJECT_KINDS[i % PROJECT_KINDS.length]} for ${client.name}`,
      description: null, status: done ? 2 : random.chance(0.3) ? 4 : 1, project_type: hourly ? 0 : 2, budget_type: hourly ? 0 : 1,
      budget: hourly ? random.int(40, 200) : random.int(30, 150) * 100, rate: random.pick([85, 95, 110, 125]), currency_code: "USD",
      start_date: slashDate(start), end_date: slashDate(end), client_id: client.id,
    };
    books.projects.push(project);
    seedTasks(ctx, project, start, end, done);
    seedHours(ctx, project, start, end);
  }
}

function seedTasks(ctx: SeedContext, project: ProjectRecord, start: string, end: string, done: boolean): void {
  const { random, books } = ctx;
  for (let t = 0, n = random.int(3, 6); t < n; t++) {
    const due = dayBetween(ctx, start, end);
    const complete = done || (due < ctx.today && random.chance(0.8));
    books.tasks.push({
      id: nextId(books, "task"), ...stamps(ctx, start, 10), title: TASK_TITLES[(t + project.id) % TASK_TITLES.length]!, description: null,
      complete, completed_at: complete ? stampOn(due, 16) : null, due_date: slashDate(due), project_id: project.id, client_id: project.client_id,
      assignee_id: random.pick(books.staff).id, user_id: books.staff[0]!.id,
    });
  }
}

function seedHours(ctx: SeedContext, project: ProjectRecord, start: string, end: string): void {
  const { random, books } = ctx;
  for (let h = 0, n = random.int(8, 20); h < n; h++) {
    const day = dayBetween(ctx, start, end);
    books.hours.push({
      id: nextId(books, "hour"), ...stamps(ctx, day, 2), project_id: project.id, user_id: random.pick(books.staff).id,
      title: random.pick(HOUR_TITLES), description: null, date: slashDate(day), hours: random.int(2, 16) / 2, rate: project.rate,
      "billed?": day < addDays(ctx.today, -30) && random.chance(0.8),
    });
  }
}

import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { createHour, createTask, deleteHour, deleteTask } from "../books/writes/work.js";
import { changing } from "./changing.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { HourRecord } from "../books/types.js";
import { sumAmounts } from "../books/totals.js";
import { pagedReply, wholeReply } from "../wire/list-envelope.js";
import { byNewest } from "../wire/filters.js";
import { scopedTo } from "./parents.js";

const hourView = (hour: HourRecord) => ({ ...hour, cost: sumAmounts([hour.hours * hour.rate]) });
const BILLED: Record<string, (h: HourRecord) => boolean> = { billed: (h) => h["billed?"], unbilled: (h) => !h["billed?"] };

/**
 * https://www.clientary.com/api/hours (per project, not paginated; `filter=billed|unbilled`),
 * https://www.clientary.com/api/tasks, https://www.clientary.com/api/staff (read-only); hours and tasks are created and deleted too.
 */
export function workRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/projects/:id/hours", (ctx) => {
      const keep = BILLED[ctx.query.get("filter") ?? ""] ?? (() => true);
      return wholeReply("hours", scopedTo(runtime, ctx, books.hours, "project").filter(keep).sort(byNewest((h) => h.date)).map(hourView));
    }),
    route("GET", "/hours/:id", (ctx) => jsonReply(200, hourView(findOr404(books.hours, idParam(ctx))))),
    // Wrapped as `project_item` in Clientary's docs; `hour` as some integrations send it.
    route("POST", "/projects/:id/hours", changing(runtime, (ctx) =>
      jsonReply(201, hourView(createHour(books, findOr404(books.projects, idParam(ctx)), wrappedBody(ctx, "project_item", "hour"), ctx.now))))),
    route("DELETE", "/hours/:id", changing(runtime, (ctx) => {
      deleteHour(books, findOr404(books.hours, idParam(ctx)));
      return emptyReply(200);
    })),
    route("GET", "/tasks", (ctx) => pagedReply(ctx, "tasks", books.tasks, 50)),
    route("GET", "/projects/:id/tasks", (ctx) => pagedReply(ctx, "tasks", scopedTo(runtime, ctx, books.tasks, "project"), 50)),
    route("GET", "/tasks/:id", (ctx) => jsonReply(200, findOr404(books.tasks, idParam(ctx)))),
    route("POST", "/tasks", changing(runtime, (ctx) => jsonReply(201, createTask(books, wrappedBody(ctx, "task"), ctx.now)))),
    route("DELETE", "/tasks/:id", changing(runtime, (ctx) => {
      deleteTask(books, findOr404(books.tasks, idParam(ctx)));
      return emptyReply(200);
    })),
    route("GET", "/staff", () => wholeReply("staff", books.staff)),
    route("GET", "/staff/:id", (ctx) => jsonReply(200, findOr404(books.staff, idParam(ctx)))),
  ];
}

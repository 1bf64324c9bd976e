import { jsonReply } from "../http/reply.js";
import { findOr404, idParam } from "../http/request.js";
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
 * https://www.clientary.com/api/tasks, https://www.clientary.com/api/staff (read-only).
 */
export function workRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  return [
    route("GET", "/projects/:id/hours", (ctx) => {
      const keep = BILLED[ctx.query.get("filter") ?? ""] ?? (() => true);
      return wholeReply("hours", scopedTo(runtime, ctx, books.hours, "project").filter(keep).sort(byNewest((h) => h.date)).map(hourView));
    }),
    route("GET", "/hours/:id", (ctx) => jsonReply(200, hourView(findOr404(books.hours, idParam(ctx))))),
    route("GET", "/tasks", (ctx) => pagedReply(ctx, "tasks", books.tasks, 50)),
    route("GET", "/projects/:id/tasks", (ctx) => pagedReply(ctx, "tasks", scopedTo(runtime, ctx, books.tasks, "project"), 50)),
    route("GET", "/tasks/:id", (ctx) => jsonReply(200, findOr404(books.tasks, idParam(ctx)))),
    route("GET", "/staff", () => wholeReply("staff", books.staff)),
    route("GET", "/staff/:id", (ctx) => jsonReply(200, findOr404(books.staff, idParam(ctx)))),
  ];
}

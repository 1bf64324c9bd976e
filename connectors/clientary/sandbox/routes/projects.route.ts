import { emptyReply, jsonReply } from "../http/reply.js";
import { findOr404, idParam, wrappedBody } from "../http/request.js";
import { createProject, deleteProject } from "../books/writes/work.js";
import { changing } from "./changing.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import type { ClientaryBooks, ProjectRecord } from "../books/types.js";
import { sumAmounts } from "../books/totals.js";
import { pagedReply } from "../wire/list-envelope.js";
import { byNewest } from "../wire/filters.js";
import { scopedTo } from "./parents.js";

const OPEN = new Set([1, 4]);

/** A project as served: hour sums and cost derived, the client nested. */
function projectView(books: ClientaryBooks, project: ProjectRecord) {
  const hours = books.hours.filter((h) => h.project_id === project.id);
  const client = books.clients.find((c) => c.id === project.client_id);
  return {
    ...project,
    worked_hours: sumAmounts(hours.map((h) => h.hours)),
    unbilled_hours: sumAmounts(hours.filter((h) => !h["billed?"]).map((h) => h.hours)),
    cost: sumAmounts(hours.map((h) => h.hours * h.rate)),
    client: client ? { id: client.id, name: client.name } : null,
  };
}

/** https://www.clientary.com/api/projects — active and billable by default, `filter=all` adds completed ones. */
export function projectRoutes(runtime: SandboxRuntime): Route[] {
  const { books } = runtime;
  const listed = (filter: string | null, records: readonly ProjectRecord[]) =>
    records.filter((p) => filter === "all" || OPEN.has(p.status)).sort(byNewest((p) => p.start_date ?? "")).map((p) => projectView(books, p));
  return [
    route("GET", "/projects", (ctx) => pagedReply(ctx, "projects", listed(ctx.query.get("filter"), books.projects), 20)),
    route("GET", "/clients/:id/projects", (ctx) => pagedReply(ctx, "projects", listed(ctx.query.get("filter"), scopedTo(runtime, ctx, books.projects, "client")), 10)),
    route("GET", "/projects/:id", (ctx) => jsonReply(200, projectView(books, findOr404(books.projects, idParam(ctx))))),
    route("POST", "/projects", changing(runtime, (ctx) => jsonReply(201, projectView(books, createProject(books, wrappedBody(ctx, "project"), ctx.now))))),
    route("DELETE", "/projects/:id", changing(runtime, (ctx) => {
      deleteProject(books, findOr404(books.projects, idParam(ctx)));
      return emptyReply(200);
    })),
  ];
}

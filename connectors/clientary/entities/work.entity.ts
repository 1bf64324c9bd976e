import { mapWithConcurrency } from "../../../src/upstream/index.js";
import { wholeEnvelope } from "../client/schemas/common.js";
import { personSchema } from "../client/schemas/parties.js";
import { hourSchema, projectSchema, taskSchema } from "../client/schemas/work.js";
import { toUnifiedProject, toUnifiedStaff, toUnifiedTask, toUnifiedTimeEntry } from "../mapping/to-work.js";
import { fetchAllPages } from "../query/fetch-pages.js";
import { PROJECT_STATUS } from "../mapping/statuses.js";
import { defineEntity, scopedPath, type PagedListing } from "./clientary-entity.js";

const HOURS_CONCURRENCY = 3;

/**
 * Projects a default list leaves out: Clientary lists open projects (status 1 active, 4 billable)
 * unless `filter=all`, which adds the completed ones (status 2).
 */
const PROJECT_HIDDEN: readonly string[] = [PROJECT_STATUS[2]!];

/** https://www.clientary.com/api/projects — open (active, billable) by default; `filter=all` adds completed ones. */
const projectsListing: PagedListing = {
  kind: "paged", key: "projects", schema: projectSchema,
  request: (filter) => ({ path: scopedPath(filter, "projects"), query: { filter: filter.includeArchived ? "all" : undefined } }),
};

export const projectsEntity = defineEntity({
  entity: "Project",
  filters: ["contact"],
  hidden: PROJECT_HIDDEN,
  notes: "Lists show active and billable projects; includeArchived adds completed ones. Filtered by client only.",
  listing: projectsListing,
  lookup: { kind: "each", path: (id) => `projects/${id}`, schema: projectSchema },
  map: toUnifiedProject,
});

/** https://www.clientary.com/api/tasks */
export const tasksEntity = defineEntity({
  entity: "Task",
  filters: [],
  hidden: [],
  notes: "Clientary lists tasks without filters.",
  listing: { kind: "paged", key: "tasks", schema: taskSchema, request: () => ({ path: "tasks" }) },
  lookup: { kind: "each", path: (id) => `tasks/${id}`, schema: taskSchema },
  map: toUnifiedTask,
});

/** https://www.clientary.com/api/hours — listed per project only, so a list reads every project's hours (cached briefly). */
export const timeEntriesEntity = defineEntity({
  entity: "TimeEntry",
  filters: [],
  hidden: [],
  notes: "Clientary lists hours per project only: the gateway reads every project's hours (cached briefly) and pages them in memory.",
  listing: {
    kind: "whole",
    fetch: (services) =>
      services.lists.get("hours", async () => {
        const projects = (await fetchAllPages(services, projectsListing, { includeArchived: true })) as Array<{ id: string }>;
        const perProject = await mapWithConcurrency(projects, HOURS_CONCURRENCY, async (project) =>
          // https://www.clientary.com/api/hours (GET /projects/:project_id/hours)
          (await services.api.get(`projects/${project.id}/hours`, wholeEnvelope("hours", hourSchema))).hours ?? []);
        return perProject.flat().sort((a, b) => String(b.date ?? "").localeCompare(String(a.date ?? "")) || Number(b.id) - Number(a.id));
      }),
  },
  lookup: { kind: "each", path: (id) => `hours/${id}`, schema: hourSchema },
  map: toUnifiedTimeEntry,
});

/** https://www.clientary.com/api/staff — read-only, one answer. */
export const staffEntity = defineEntity({
  entity: "Staff",
  filters: [],
  hidden: [],
  notes: "Clientary returns all staff in one answer (cached briefly); the gateway pages them in memory.",
  listing: {
    kind: "whole",
    fetch: (services) => services.lists.get("staff", async () => (await services.api.get("staff", wholeEnvelope("staff", personSchema))).staff ?? []),
  },
  lookup: { kind: "each", path: (id) => `staff/${id}`, schema: personSchema },
  map: toUnifiedStaff,
});

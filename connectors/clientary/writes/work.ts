import type { Project } from "../../../schema/work/project.type.js";
import type { Task } from "../../../schema/work/task.type.js";
import type { TimeEntry } from "../../../schema/work/time-entry.type.js";
import type { ProjectInput, TaskInput, TimeEntryInput } from "../../../src/connector/inputs.js";
import type { Removal, WriteResult } from "../../../src/connector/writes.js";
import { badUserInput, ErrorCode, GatewayError } from "../../../src/errors/index.js";
import { hourSchema, projectSchema, taskSchema, type ClientaryTask } from "../client/schemas/work.js";
import { toClientaryHour, toClientaryProject, toClientaryTask } from "../mapping/from-work-input.js";
import { toUnifiedProject, toUnifiedTask, toUnifiedTimeEntry } from "../mapping/to-work.js";
import { clientaryId, sendWrite, type WriteContext } from "./write-context.js";

/** https://www.clientary.com/api/projects (POST /projects): a project belongs to a client. */
export function createProject(w: WriteContext, input: ProjectInput): Promise<WriteResult<Project>> {
  const body = toClientaryProject(input, w.ctx.currency);
  return sendWrite(w, { method: "POST", path: "projects", body, schema: projectSchema }, (created) => toUnifiedProject(created, w.ctx));
}

/** https://www.clientary.com/api/tasks (POST /tasks) */
export function createTask(w: WriteContext, input: TaskInput): Promise<WriteResult<Task>> {
  clientaryId("Project", input.projectRemoteId);
  const body = toClientaryTask(input);
  return sendWrite(w, { method: "POST", path: "tasks", body, schema: taskSchema }, (created) => toUnifiedTask(created, w.ctx));
}

/** The task that names the hours, which must be one of the project's. */
async function taskOf(w: WriteContext, input: TimeEntryInput): Promise<ClientaryTask | undefined> {
  if (!input.taskRemoteId) return undefined;
  const wrong = (message: string) => badUserInput([{ field: "input.taskRemoteId", message }]);
  if (!/^\d+$/.test(input.taskRemoteId)) throw wrong("is not a Clientary task.");
  const task = await w.services.api.get(`tasks/${input.taskRemoteId}`, taskSchema).catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND) throw wrong("names no task in this Clientary account.");
    throw error;
  });
  if (task.project_id !== input.projectRemoteId) throw wrong(`belongs to another project (${task.project_id ?? "none"}), not ${input.projectRemoteId}.`);
  return task;
}

/**
 * POST /projects/:project_id/hours (wrapped as `project_item`). Clientary's hours have no task
 * link: a task's title names them, and they read back without it. https://www.clientary.com/api/hours
 */
export async function createTimeEntry(w: WriteContext, input: TimeEntryInput): Promise<WriteResult<TimeEntry>> {
  clientaryId("Project", input.projectRemoteId);
  const task = await taskOf(w, input);
  const { path, body } = toClientaryHour(input, task?.title);
  return sendWrite(w, { method: "POST", path, body, schema: hourSchema }, (created) => toUnifiedTimeEntry(created, w.ctx));
}

/** DELETE /projects/:id, /tasks/:id, /hours/:id. https://www.clientary.com/api/projects, /api/tasks, /api/hours */
export const removeWork = (resource: "projects" | "tasks" | "hours", entity: string) =>
  (w: WriteContext, remoteId: string): Promise<WriteResult<Removal>> =>
    sendWrite(w, { method: "DELETE", path: `${resource}/${clientaryId(entity, remoteId)}` }, () => ({ outcome: "DELETED" as const }));

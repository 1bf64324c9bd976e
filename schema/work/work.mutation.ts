import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ProjectInput as ProjectWrite, TaskInput as TaskWrite, TimeEntryInput as TimeEntryWrite } from "../../src/connector/inputs.js";
import { Project } from "./project.type.js";
import { Task } from "./task.type.js";
import { TimeEntry } from "./time-entry.type.js";
import { ProjectInput, TaskInput, TimeEntryInput } from "./work.input.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { InputChecks } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const ProjectPayload = recordPayload(Project);
export const TaskPayload = recordPayload(Task);
export const TimeEntryPayload = recordPayload(TimeEntry);

export function toProjectInput(organizationId: string, input: ProjectInput): ProjectWrite {
  const checks = new InputChecks(organizationId);
  checks.text(input.name, "input.name", "is required: the project's name.");
  const contactRemoteId = checks.optionalRef(input.contactId, "input.contactId", "Contact");
  checks.notBefore(input.dueDate, "input.dueDate", input.startDate, "startDate");
  checks.notNegative(input.budget, "input.budget");
  checks.notNegative(input.hourlyRate, "input.hourlyRate");
  checks.done();
  const { contactId: _contact, ...rest } = input;
  return { ...rest, name: input.name.trim(), contactRemoteId };
}

export function toTaskInput(organizationId: string, input: TaskInput): TaskWrite {
  const checks = new InputChecks(organizationId);
  const projectRemoteId = checks.ref(input.projectId, "input.projectId", ["Project"])?.remoteId;
  checks.text(input.name, "input.name", "is required: the task's name.");
  checks.positive(input.estimatedHours, "input.estimatedHours");
  const assigneeRemoteId = checks.optionalRef(input.assigneeId, "input.assigneeId", "Staff");
  checks.done();
  const { projectId: _project, assigneeId: _assignee, ...rest } = input;
  return { ...rest, name: input.name.trim(), projectRemoteId: projectRemoteId!, assigneeRemoteId };
}

export function toTimeEntryInput(organizationId: string, input: TimeEntryInput): TimeEntryWrite {
  const checks = new InputChecks(organizationId);
  const projectRemoteId = checks.ref(input.projectId, "input.projectId", ["Project"])?.remoteId;
  const taskRemoteId = checks.optionalRef(input.taskId, "input.taskId", "Task");
  const staffRemoteId = checks.optionalRef(input.staffId, "input.staffId", "Staff");
  checks.positive(input.hours, "input.hours", "24");
  checks.done();
  const { projectId: _project, taskId: _task, staffId: _staff, ...rest } = input;
  return { ...rest, projectRemoteId: projectRemoteId!, taskRemoteId, staffRemoteId };
}

/** Client work: projects, their tasks, and time spent on them, where the provider keeps them (the capabilities query says which; others answer NOT_SUPPORTED). */
@Resolver()
export class WorkMutationResolver {
  @Mutation(() => ProjectPayload, { description: "Creates a project for a client." })
  createProject(@Args() args: WriteArgs, @Arg("input", () => ProjectInput) input: ProjectInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Project", toProjectInput(args.organizationId, input), args);
  }

  @Mutation(() => TaskPayload, { description: "Adds a task to a project." })
  createTask(@Args() args: WriteArgs, @Arg("input", () => TaskInput) input: TaskInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Task", toTaskInput(args.organizationId, input), args);
  }

  @Mutation(() => TimeEntryPayload, { description: "Records hours worked on a project (and optionally one of its tasks)." })
  createTimeEntry(@Args() args: WriteArgs, @Arg("input", () => TimeEntryInput) input: TimeEntryInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "TimeEntry", toTimeEntryInput(args.organizationId, input), args);
  }
}

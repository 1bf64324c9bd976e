import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExpenseInput, TimeEntryInput } from "../../../src/connector/inputs.js";
import { ErrorCode } from "../../../src/errors/index.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { DRY_RUN, expectDryRun, recordOf, rejectionOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const project = () => books().projects[0]!;
const expense = (over: Partial<ExpenseInput> = {}): ExpenseInput => ({ date: "2026-11-10", amount: "64.20", description: "Stock photos", ...over });

describe("expenses", () => {
  it("creates one for a project (its client follows), logged as the token's user", async () => {
    const created = recordOf(await org.adapter.create!("Expense", expense({ projectRemoteId: String(project().id) }), SEND));
    expect(books().expenses.find((e) => String(e.id) === created.remoteId)).toMatchObject({
      amount: 64.2, description: "Stock photos", incurred_on: "2026/11/10", project_id: project().id, client_id: project().client_id, invoice_id: null, user_id: books().staff[0]!.id,
    });
    expect(created).toMatchObject({ date: "2026-11-10", total: "64.20", currency: "USD", contactRef: { remoteId: String(project().client_id) } });
    const listed = await org.adapter.list("Expense", { first: 200, offset: 0, filter: { dateFrom: "2026-11-10", dateTo: "2026-11-10" } });
    expect(listed.items.map((e) => e.remoteId)).toContain(created.remoteId);
  });

  it("updates the amount, day and description", async () => {
    const created = recordOf(await org.adapter.create!("Expense", expense(), SEND));
    const updated = recordOf(await org.adapter.update!("Expense", created.remoteId, { amount: "70.00", date: "2026-11-12", description: "Stock photos (3)" }, SEND));
    expect(books().expenses.find((e) => String(e.id) === created.remoteId)).toMatchObject({ amount: 70, incurred_on: "2026/11/12", description: "Stock photos (3)" });
    expect(updated).toMatchObject({ total: "70.00", date: "2026-11-12" });
  });

  it("keeps a rebilled expense's amount and refuses to delete it (Clientary's 422s)", async () => {
    const billed = books().expenses.find((e) => e.invoice_id !== null)!;
    const change = await rejectionOf(org.adapter.update!("Expense", String(billed.id), { amount: "1.00" }, SEND));
    expect(change).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "amount", message: "can't be changed once the expense is billed" }] } });
    await expect(org.adapter.remove!("Expense", String(billed.id), SEND)).rejects.toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION });
    expect(books().expenses.some((e) => e.id === billed.id)).toBe(true);
  });

  it("deletes an unbilled expense", async () => {
    const created = recordOf(await org.adapter.create!("Expense", expense(), SEND));
    await org.adapter.remove!("Expense", created.remoteId, SEND);
    expect(books().expenses.some((e) => String(e.id) === created.remoteId)).toBe(false);
  });

  it.each([
    [{ taxRateCode: "VAT20" }, "input.taxRateCode"],
    [{ category: "Travel" }, "input.category"],
    [{ currency: "EUR" }, "input.currency"],
    [{ amount: "-3" }, "input.amount"],
    [{ isBillable: true }, "input.isBillable"],
  ])("refuses %j before calling Clientary (%s)", async (over, field) => {
    const writes = org.sandbox.stats.writes;
    const error = await rejectionOf(org.adapter.create!("Expense", expense(over), SEND));
    expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { fields: [{ field }] } });
    expect(org.sandbox.stats.writes).toBe(writes);
  });

  it("maps a project of another client to PROVIDER_VALIDATION", async () => {
    const other = books().clients.find((c) => c.id !== project().client_id)!;
    const error = await rejectionOf(org.adapter.create!("Expense", expense({ projectRemoteId: String(project().id), contactRemoteId: String(other.id) }), SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "project_id", message: "belongs to another client" }] } });
  });

  it("dry run: the exact POST /expenses, nothing stored", async () => {
    expect(await expectDryRun(org, () => org.adapter.create!("Expense", expense({ contactRemoteId: "3" }), DRY_RUN))).toEqual({
      kind: "dryRun", request: { method: "POST", path: "/api/v2/expenses", body: { expense: { amount: "64.20", incurred_on: "2026-11-10", description: "Stock photos", client_id: 3 } } },
    });
  });
});

describe("projects and tasks", () => {
  it("creates an hourly project for a client, in the account's currency", async () => {
    const client = books().clients[4]!;
    const created = recordOf(await org.adapter.create!("Project", { name: "Spring campaign", contactRemoteId: String(client.id), hourlyRate: "120.00", startDate: "2026-12-01", dueDate: "2027-02-28", budget: "9000" }, SEND));
    expect(books().projects.find((p) => String(p.id) === created.remoteId)).toMatchObject({
      name: "Spring campaign", client_id: client.id, rate: 120, project_type: 0, budget: 9000, budget_type: 1, currency_code: "USD", start_date: "2026/12/01", end_date: "2027/02/28", status: 1,
    });
    expect(created).toMatchObject({ name: "Spring campaign", status: "ACTIVE", hourlyRate: "120.00", budget: "9000.00", contactRef: { remoteId: String(client.id), name: client.name } });
  });

  it("refuses a project without a client (Clientary's 422)", async () => {
    const error = await rejectionOf(org.adapter.create!("Project", { name: "Orphan" }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "client_id", message: "can't be blank" }] } });
  });

  it("creates a task in a project, assigned to a staff member", async () => {
    const staff = books().staff[2]!;
    const task = recordOf(await org.adapter.create!("Task", { projectRemoteId: String(project().id), name: "Print proofs", dueDate: "2026-11-30", assigneeRemoteId: String(staff.id), description: "Two rounds" }, SEND));
    expect(books().tasks.find((t) => String(t.id) === task.remoteId)).toMatchObject({ title: "Print proofs", project_id: project().id, client_id: project().client_id, assignee_id: staff.id, due_date: "2026/11/30", complete: false });
    expect(task).toMatchObject({ name: "Print proofs", status: "OPEN", dueDate: "2026-11-30" });
  });

  it.each([
    [{ projectRemoteId: "999999" }, ErrorCode.PROVIDER_VALIDATION],
    [{ assigneeRemoteId: "999999" }, ErrorCode.PROVIDER_VALIDATION],
    [{ estimatedHours: "4" }, ErrorCode.BAD_USER_INPUT],
  ])("refuses a task with %j (%s)", async (over, code) => {
    await expect(org.adapter.create!("Task", { projectRemoteId: String(project().id), name: "Bad", ...over }, SEND)).rejects.toMatchObject({ code });
  });

  it("deletes a project with its tasks and hours; its invoices stay, unlinked", async () => {
    const doomed = books().projects.find((p) => books().invoices.some((i) => i.project_id === p.id))!;
    const invoices = books().invoices.filter((i) => i.project_id === doomed.id).map((i) => i.id);
    await org.adapter.remove!("Project", String(doomed.id), SEND);
    expect(books().projects.some((p) => p.id === doomed.id)).toBe(false);
    expect(books().tasks.some((t) => t.project_id === doomed.id) || books().hours.some((h) => h.project_id === doomed.id)).toBe(false);
    expect(books().invoices.filter((i) => invoices.includes(i.id)).every((i) => i.project_id === null)).toBe(true);
  });
});

describe("time entries (Clientary hours)", () => {
  const entry = (over: Partial<TimeEntryInput> = {}): TimeEntryInput => ({ projectRemoteId: String(project().id), date: "2026-11-13", hours: "2.5", description: "Homepage layout", ...over });

  it("logs hours on a project at its rate, as the token's user; a task names them", async () => {
    const task = books().tasks.find((t) => t.project_id === project().id)!;
    const created = recordOf(await org.adapter.create!("TimeEntry", entry({ taskRemoteId: String(task.id) }), SEND));
    expect(books().hours.find((h) => String(h.id) === created.remoteId)).toMatchObject({
      project_id: project().id, title: task.title, description: "Homepage layout", hours: 2.5, date: "2026/11/13", rate: project().rate, user_id: books().staff[0]!.id, "billed?": false,
    });
    expect(created).toMatchObject({ hours: "2.5", isBillable: true, isInvoiced: false, description: `${task.title}: Homepage layout` });
    const listed = await org.adapter.list("TimeEntry", { first: 500, offset: 0, filter: {} });
    expect(listed.items.map((t) => t.remoteId)).toContain(created.remoteId);
  });

  it("logs non-billable hours for another staff member at rate 0", async () => {
    const staff = books().staff[1]!;
    const created = recordOf(await org.adapter.create!("TimeEntry", entry({ staffRemoteId: String(staff.id), isBillable: false }), SEND));
    expect(books().hours.find((h) => String(h.id) === created.remoteId)).toMatchObject({ user_id: staff.id, rate: 0, title: "Homepage layout" });
    expect(created.isBillable).toBe(false);
  });

  it.each([
    [{ hours: "30" }, ErrorCode.PROVIDER_VALIDATION, "hours"],
    [{ hours: "0" }, ErrorCode.BAD_USER_INPUT, "input.hours"],
    [{ description: null }, ErrorCode.BAD_USER_INPUT, "input.description"],
    [{ staffRemoteId: "999999" }, ErrorCode.PROVIDER_VALIDATION, "user_id"],
  ])("refuses %j (%s on %s)", async (over, code, field) => {
    const error = await rejectionOf(org.adapter.create!("TimeEntry", entry(over), SEND));
    expect(error.code).toBe(code);
    const fields = ((error.extensions.providerErrors ?? error.extensions.fields) as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toContain(field);
  });

  it("refuses a task of another project before sending anything", async () => {
    const foreign = books().tasks.find((t) => t.project_id !== project().id)!;
    const writes = org.sandbox.stats.writes;
    await expect(org.adapter.create!("TimeEntry", entry({ taskRemoteId: String(foreign.id) }), SEND)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    expect(org.sandbox.stats.writes).toBe(writes);
  });

  it("deletes unbilled hours and refuses billed ones", async () => {
    const created = recordOf(await org.adapter.create!("TimeEntry", entry(), SEND));
    await org.adapter.remove!("TimeEntry", created.remoteId, SEND);
    expect(books().hours.some((h) => String(h.id) === created.remoteId)).toBe(false);
    const billed = books().hours.find((h) => h["billed?"])!;
    await expect(org.adapter.remove!("TimeEntry", String(billed.id), SEND)).rejects.toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION });
  });

  it("dry run: the exact POST /projects/:id/hours wrapped as project_item, nothing logged", async () => {
    expect(await expectDryRun(org, () => org.adapter.create!("TimeEntry", entry({ isBillable: false }), DRY_RUN))).toEqual({
      kind: "dryRun",
      request: { method: "POST", path: `/api/v2/projects/${project().id}/hours`, body: { project_item: { title: "Homepage layout", date: "2026-11-13", hours: "2.5", rate: 0 } } },
    });
  });
});

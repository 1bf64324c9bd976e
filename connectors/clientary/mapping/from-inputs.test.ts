import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors/index.js";
import { toClientaryClient, toClientaryContactPerson } from "./to-contact.js";
import { toClientaryExpense, toClientaryExpenseChanges } from "./to-expense.js";
import { toClientaryEstimate, toClientaryEstimateChanges } from "./to-quote.js";
import { toClientaryHour, toClientaryProject, toClientaryTask } from "./from-work-input.js";

const DEFAULTS = { today: "2026-11-15", currency: "USD" };
const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; extensions: { fields?: Array<{ field: string }> } };
    return { code: e.code, fields: e.extensions.fields?.map((f) => f.field) };
  }
  throw new Error("expected a refusal");
};

describe("contacts on update", () => {
  it("an address replaces the client's, clearing what it leaves out; without update blanks are left out", () => {
    expect(toClientaryClient({ addresses: [{ city: "Boise" }] }, { update: true })).toEqual({ client: { address: "", address_2: "", city: "Boise", state: "", zip: "", country: "" } });
    expect(toClientaryClient({ addresses: [] }, { update: true }).client.city).toBe("");
    expect(toClientaryClient({ name: " Trim Me ", addresses: [{ city: "Boise" }] })).toEqual({ client: { name: "Trim Me", city: "Boise" } });
  });

  it("person changes: only what is given, phones cleared when replaced, no name taken from the client", () => {
    expect(toClientaryContactPerson({ name: "Co", phones: [{ kind: "MOBILE", number: "9" }] }, { update: true })).toEqual({ client_user: { phone: "", mobile: "9" } });
    expect(toClientaryContactPerson({ name: "Co" }, { update: true })).toBeUndefined();
  });
});

describe("estimates", () => {
  it.each([
    [{}, {}],
    [{ status: "sent", title: null, reference: "R-1" }, { status: 1, title: "", po: "R-1" }],
    [{ status: "ACCEPTED", terms: "Net 15", issueDate: "2026-10-01" }, { status: 6, note: "Net 15", date: "2026-10-01" }],
  ])("changes %j → %j", (changes, expected) => {
    expect(toClientaryEstimateChanges(changes)).toEqual({ estimate: expected });
  });

  it("a new estimate gets Clientary's required date and currency", () => {
    expect(toClientaryEstimate({ contactRemoteId: "4", lines: [{ description: "A", unitAmount: "1" }] }, DEFAULTS).estimate).toMatchObject({ client_id: 4, date: "2026-11-15", currency_code: "USD" });
  });

  it.each([
    [{ expiryDate: "2026-12-01" }, { code: ErrorCode.BAD_USER_INPUT, fields: ["input.expiryDate"] }],
    [{ status: "INVOICED" }, { code: ErrorCode.NOT_SUPPORTED, fields: undefined }],
    [{ lineAmountType: "INCLUSIVE", lines: [{ description: "A" }] }, { code: ErrorCode.BAD_USER_INPUT, fields: ["input.lineAmountType"] }],
  ])("refuses %j", (changes, expected) => {
    expect(fieldsOf(() => toClientaryEstimateChanges(changes as never))).toEqual(expected);
  });
});

describe("expenses", () => {
  it.each([
    [{ date: "2026-11-02", amount: "12.50", description: "Fonts", contactRemoteId: "3", projectRemoteId: "7", accountCode: "400", paidFromAccountCode: "090" },
      { amount: "12.50", incurred_on: "2026-11-02", description: "Fonts", client_id: 3, project_id: 7 }],
    [{ date: "2026-11-02", amount: "1", isBillable: true, projectRemoteId: "7" }, { amount: "1", incurred_on: "2026-11-02", project_id: 7 }],
  ])("new %j → %j (account codes are the fixed chart's)", (input, expected) => {
    expect(toClientaryExpense(input, "USD")).toEqual({ expense: expected });
  });

  it("changes send only what is given; null unlinks", () => {
    expect(toClientaryExpenseChanges({ projectRemoteId: null, description: null }, "USD")).toEqual({ expense: { project_id: null, description: "" } });
  });

  it("names every field Clientary cannot hold", () => {
    expect(fieldsOf(() => toClientaryExpense({ date: "2026-11-02", amount: "abc", taxRateCode: "T", category: "C", reference: "R", currency: "EUR", isBillable: true }, "USD"))).toEqual({
      code: ErrorCode.BAD_USER_INPUT, fields: ["input.isBillable", "input.amount", "input.taxRateCode", "input.category", "input.reference", "input.currency"],
    });
  });
});

describe("work", () => {
  it.each([
    [{ name: "Site", contactRemoteId: "2", hourlyRate: "95" }, { name: "Site", client_id: 2, project_type: 0, rate: "95", currency_code: "EUR" }],
    [{ name: "Fixed", contactRemoteId: "2", budget: "5000", startDate: "2026-12-01", dueDate: "2027-01-31" },
      { name: "Fixed", client_id: 2, project_type: 2, budget: "5000", budget_type: 1, start_date: "2026-12-01", end_date: "2027-01-31", currency_code: "EUR" }],
  ])("project %j → %j", (input, expected) => {
    expect(toClientaryProject(input, "EUR")).toEqual({ project: expected });
  });

  it("refuses a project that ends before it starts, and a task with an estimate", () => {
    expect(fieldsOf(() => toClientaryProject({ name: "X", startDate: "2026-12-01", dueDate: "2026-11-01" }, "USD")).fields).toEqual(["input.dueDate"]);
    expect(fieldsOf(() => toClientaryTask({ projectRemoteId: "1", name: "T", estimatedHours: "3" })).fields).toEqual(["input.estimatedHours"]);
  });

  it("a task: title, project, assignee, due date", () => {
    expect(toClientaryTask({ projectRemoteId: "1", name: " QA ", assigneeRemoteId: "3", dueDate: "2026-12-01" })).toEqual({ task: { title: "QA", project_id: 1, assignee_id: 3, due_date: "2026-12-01" } });
  });

  it.each([
    [{}, undefined, { title: "Layout", date: "2026-11-13", hours: "1.5" }],
    [{}, "Wireframes", { title: "Wireframes", description: "Layout", date: "2026-11-13", hours: "1.5" }],
    [{ staffRemoteId: "4", isBillable: false }, undefined, { title: "Layout", date: "2026-11-13", hours: "1.5", user_id: 4, rate: 0 }],
  ])("hours %j with task title %s → %j", (over, taskTitle, expected) => {
    const { path, body } = toClientaryHour({ projectRemoteId: "9", date: "2026-11-13", hours: "1.5", description: "Layout", ...over }, taskTitle);
    expect(path).toBe("projects/9/hours");
    expect(body).toEqual({ project_item: expected });
  });
});

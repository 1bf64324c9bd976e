import { describe, expect, it } from "vitest";
import { fromGlobalId } from "../../../src/ids/global-id.js";
import { estimateSchema, expenseSchema, paymentSchema } from "../client/schemas/documents.js";
import { partySchema, personSchema } from "../client/schemas/parties.js";
import { hourSchema, projectSchema, taskSchema } from "../client/schemas/work.js";
import { toIsoDate, toIsoTimestamp } from "./dates.js";
import { toClientaryClient, toClientaryContactPerson, toUnifiedContact } from "./to-contact.js";
import { toUnifiedExpense } from "./to-expense.js";
import { toUnifiedLead } from "./to-lead.js";
import { toClientaryPayment, toUnifiedPayment } from "./to-payment.js";
import { toUnifiedQuote } from "./to-quote.js";
import { toUnifiedProject, toUnifiedStaff, toUnifiedTask, toUnifiedTimeEntry } from "./to-work.js";

const ctx = { organizationId: "org-1", now: new Date("2026-11-15T12:00:00Z"), currency: "USD" };
const typeOf = (id: string | null | undefined) => (id ? fromGlobalId(id).type : null);

describe("dates", () => {
  it.each([["2011/07/26", "2011-07-26"], ["2011-07-26", "2011-07-26"], ["2012-11-08T21:20:47Z", "2012-11-08"], ["", null], [null, null], ["soon", null]])("%s → %s", (wire, day) => {
    expect(toIsoDate(wire)).toBe(day);
  });
  it.each([["2013-02-06T21:23:21-08:00", "2013-02-07T05:23:21.000Z"], ["2012-11-08T21:20:47Z", "2012-11-08T21:20:47.000Z"], ["nope", null]])("%s → %s", (wire, instant) => {
    expect(toIsoTimestamp(wire)).toBe(instant);
  });
});

const party = { id: 7, number: "1007", name: "Harbor Studio", address: "1 Main St", city: "Portland", state: "OR", zip: "97201", country: "United States" };
const people = [
  { id: 1, client_id: 7, name: "Ava Chen", email: "ava@harbor.example", phone: "555-1", mobile: "555-2" },
  { id: 2, client_id: 7, name: "Ben", email: "ben@harbor.example", phone: "555-1" },
].map((p) => personSchema.parse(p));

describe("clients and leads", () => {
  it.each([[undefined, "ACTIVE"], [1, "ACTIVE"], [2, "ARCHIVED"], ["2", "ARCHIVED"]])("client status %s → %s", (status, expected) => {
    expect(toUnifiedContact({ ...partySchema.parse({ ...party, status }), contacts: [] }, ctx).status).toBe(expected);
  });

  it("maps a client with its contacts", () => {
    const contact = toUnifiedContact({ ...partySchema.parse(party), contacts: people }, ctx);
    expect(contact).toMatchObject({
      remoteId: "7", name: "Harbor Studio", firstName: "Ava", lastName: "Chen", email: "ava@harbor.example", accountNumber: "1007", isCustomer: true, isSupplier: false,
      phones: [{ kind: "DEFAULT", number: "555-1" }, { kind: "MOBILE", number: "555-2" }],
      addresses: [{ kind: "STREET", line1: "1 Main St", city: "Portland", region: "OR", postalCode: "97201", country: "United States" }],
    });
  });

  it("maps a lead", () => {
    expect(toUnifiedLead({ ...partySchema.parse(party), contacts: people }, ctx)).toMatchObject({ name: "Harbor Studio", companyName: "Harbor Studio", email: "ava@harbor.example", source: null });
    expect(typeOf(toUnifiedLead({ ...partySchema.parse({ id: 3, name: "X" }), contacts: [] }, ctx).id)).toBe("Lead");
  });

  it("writes a client back", () => {
    expect(toClientaryClient({ name: "New Co", accountNumber: "2001", addresses: [{ line1: "2 Elm St", city: "Boise", region: "ID", postalCode: "83702" }] })).toEqual({
      client: { name: "New Co", number: "2001", address: "2 Elm St", city: "Boise", state: "ID", zip: "83702" },
    });
  });
});

describe("contact people", () => {
  it.each([
    [{ name: "Co", email: "a@co.example", firstName: "Ava", lastName: "Chen", phones: [{ number: "1" }, { kind: "MOBILE", number: "2" }] },
      { client_user: { name: "Ava Chen", email: "a@co.example", phone: "1", mobile: "2" } }],
    [{ name: "Co", email: "a@co.example" }, { client_user: { name: "Co", email: "a@co.example" } }],
    [{ name: "Co" }, undefined],
  ])("%j → %j", (input, expected) => {
    expect(toClientaryContactPerson(input)).toEqual(expected);
  });
});

describe("estimates", () => {
  it.each([[0, "DRAFT"], [1, "SENT"], [2, "SENT"], [3, "DELETED"], [4, "DECLINED"], [5, "SENT"], [6, "ACCEPTED"], [7, "DELETED"]])("status %i → %s", (status, expected) => {
    const quote = toUnifiedQuote(estimateSchema.parse({ id: 1, status, subtotal: 10, total_cost: 10.85, currency_code: "EUR", date: "2026/01/02" }), ctx);
    expect(quote).toMatchObject({ status: expected, totalTax: "0.85", currency: "EUR", issueDate: "2026-01-02" });
  });
});

describe("payments and expenses", () => {
  it("maps a payment received against an invoice, in the account currency", () => {
    const payment = toUnifiedPayment(paymentSchema.parse({ id: 4, invoice_id: 184, amount: 40, note: null, transaction_id: "ch_1", received_on: "2026-10-05" }), ctx);
    expect(payment).toMatchObject({ amount: "40.00", currency: "USD", date: "2026-10-05", direction: "RECEIVED", documentType: "INVOICE", reference: "ch_1", status: "AUTHORISED" });
    expect(fromGlobalId(payment.documentId!)).toMatchObject({ type: "Invoice", remoteId: "184" });
    expect(payment).toMatchObject({ contactRef: null, documentNumber: null });
  });

  it("writes a payment against an invoice, and refuses one against a bill", () => {
    const input = { documentType: "INVOICE" as const, documentRemoteId: "184", accountCode: "090", date: "2026-11-01", amount: "40.00", reference: "Check 12" };
    expect(toClientaryPayment(input)).toEqual({ path: "invoices/184/payments", body: { payment: { amount: "40.00", received_on: "2026-11-01", note: "Check 12" } } });
    expect(() => toClientaryPayment({ ...input, documentType: "BILL" })).toThrow(/bills/);
  });

  it("takes the client and number from the joined invoice", () => {
    const payment = toUnifiedPayment(paymentSchema.parse({ id: 4, invoice_id: 184, amount: 40, invoice: { client_id: 7, number: 184 } }), ctx);
    expect(payment).toMatchObject({ contactRef: { remoteId: "7" }, documentNumber: "184" });
  });

  it.each([
    [{ invoice_id: 9 }, true],
    [{ invoice_id: null }, null],
  ])("an expense %j is billable: %s", (overrides, billable) => {
    const expense = toUnifiedExpense(expenseSchema.parse({ id: 5, amount: "12.5", description: "Fonts", incurred_on: "2026/03/04", client_id: 7, project_id: 2, ...overrides }), ctx);
    expect(expense).toMatchObject({ kind: "EXPENSE", total: "12.50", subTotal: "12.50", totalTax: "0.00", currency: "USD", date: "2026-03-04", isBillable: billable, contactRef: { remoteId: "7" } });
    expect(typeOf(expense.projectId)).toBe("Project");
  });
});

describe("work", () => {
  it.each([
    [{ status: 1, budget_type: 1, budget: 5000 }, { status: "ACTIVE", budget: "5000.00" }],
    [{ status: 2, budget_type: 0, budget: 40 }, { status: "COMPLETED", budget: null }],
    [{ status: 4 }, { status: "BILLABLE" }],
  ])("project %j → %j", (overrides, expected) => {
    const project = toUnifiedProject(projectSchema.parse({ id: 2, name: "Site", rate: 95, currency_code: "USD", start_date: "2026/01/01", end_date: "2026/03/01", client: { id: 7, name: "Harbor" }, ...overrides }), ctx);
    expect(project).toMatchObject({ hourlyRate: "95.00", startDate: "2026-01-01", dueDate: "2026-03-01", contactRef: { remoteId: "7", name: "Harbor" }, ...expected });
  });

  it.each([[{ complete: true }, "COMPLETED"], [{ completed: true }, "COMPLETED"], [{ complete: false }, "OPEN"]])("task %j → %s", (overrides, status) => {
    const task = toUnifiedTask(taskSchema.parse({ id: 3, title: "QA", project_id: 2, assignee_id: 4, due_date: "2026/02/01", ...overrides }), ctx);
    expect(task).toMatchObject({ status, name: "QA", dueDate: "2026-02-01" });
    expect([typeOf(task.projectId), typeOf(task.assigneeId)]).toEqual(["Project", "Staff"]);
  });

  it("maps hours, reading the billed? flag", () => {
    const entry = toUnifiedTimeEntry(hourSchema.parse({ id: 8, project_id: 2, user_id: 4, title: "Design", date: "2026/02/03", hours: 1.5, rate: 95, "billed?": true }), ctx);
    expect(entry).toMatchObject({ hours: "1.5", rate: "95.00", isInvoiced: true, isBillable: true, description: "Design", date: "2026-02-03" });
    expect(typeOf(entry.staffId)).toBe("Staff");
  });

  it("maps staff", () => {
    expect(toUnifiedStaff(personSchema.parse({ id: 4, name: "Casey Lin", email: "casey@x.example", title: "Developer" }), ctx)).toMatchObject({ name: "Casey Lin", role: "Developer", isActive: true });
  });
});

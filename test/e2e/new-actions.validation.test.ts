import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

const PAYLOAD = "replayed request { method path }";
const M = {
  createPurchaseOrder: `mutation($o: ID!, $input: PurchaseOrderInput!) { createPurchaseOrder(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  createCreditNote: `mutation($o: ID!, $input: CreditNoteInput!) { createCreditNote(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  allocateCreditNote: `mutation($c: ID!, $d: ID!, $a: Decimal!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: $a) { amount replayed } }`,
  createBankTransaction: `mutation($o: ID!, $input: BankTransactionInput!) { createBankTransaction(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  createBankTransfer: `mutation($o: ID!, $input: BankTransferInput!) { createBankTransfer(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  createExpense: `mutation($o: ID!, $input: ExpenseInput!) { createExpense(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  updateExpense: `mutation($id: ID!, $input: ExpenseUpdateInput!) { updateExpense(id: $id, input: $input) { ${PAYLOAD} } }`,
  createItem: `mutation($o: ID!, $input: ItemInput!) { createItem(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  addStock: `mutation($i: ID!, $q: Decimal!, $u: Decimal, $c: ID) { addStock(itemId: $i, quantity: $q, unitCost: $u, contactId: $c) { quantityAdded replayed } }`,
  createProject: `mutation($o: ID!, $input: ProjectInput!) { createProject(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  createTask: `mutation($o: ID!, $input: TaskInput!) { createTask(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
  createTimeEntry: `mutation($o: ID!, $input: TimeEntryInput!) { createTimeEntry(organizationId: $o, input: $input) { ${PAYLOAD} } }`,
};
const FIND = (entity: "Invoice" | "Bill" | "PurchaseOrder") => `query($o: ID!, $by: DocumentLookupInput!) { find${entity}(organizationId: $o, by: $by) { id remoteId number } }`;

const fieldsOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.fields?.map((f: { field: string }) => f.field);
const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;

describe("new actions refuse bad input naming every wrong field, before any upstream call", () => {
  let t: TestLedgerline;
  let ids: Record<"xero" | "daftra" | "clientary", string>;
  const upstream = () => t.app.sandboxes.reduce((n, s) => n + s.requestCount(), 0);
  const id = (type: string, remoteId: string, organizationId = t.organizationId) => toGlobalId({ organizationId, type, remoteId });
  let contactId: string;
  let invoiceId: string;

  /** Posts, and checks the answer is BAD_USER_INPUT naming `fields` with no request to any sandbox. */
  async function refused(query: string, variables: Record<string, unknown>, fields: string[]) {
    const before = upstream();
    const { body } = await t.post(query, variables);
    expect(codeOf(body), JSON.stringify(body.errors)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(body)).toEqual(fields);
    expect(upstream() - before, "upstream requests").toBe(0);
    return body;
  }

  beforeAll(async () => {
    t = await startTestLedgerline();
    ids = Object.fromEntries(t.app.sandboxes.map((s) => [s.provider.toLowerCase(), s.organization.id])) as typeof ids;
    contactId = id("Contact", t.xero.books.contacts[0].ContactID);
    invoiceId = id("Invoice", t.xero.books.invoices.find((i) => i.Type === "ACCREC")!.InvoiceID);
  });
  afterAll(() => t?.close());

  it("createPurchaseOrder", async () => {
    const input = { contactId: invoiceId, issueDate: "2026-11-10", deliveryDate: "2026-11-01", lines: [], status: "BILLED", currency: "usd" };
    await refused(M.createPurchaseOrder, { o: t.organizationId, input }, ["input.contactId", "input.lines", "input.status", "input.deliveryDate", "input.currency"]);
  });

  it("createCreditNote", async () => {
    const otherOrgContact = id("Contact", "1", ids.daftra);
    const input = { kind: "SALES", contactId: otherOrgContact, lines: [{ quantity: "1", unitAmount: "5" }], status: "PAID", currency: "EURO" };
    const body = await refused(M.createCreditNote, { o: t.organizationId, input }, ["input.contactId", "input.lines[0]", "input.status", "input.currency"]);
    expect(body.errors![0].message).toMatch(/input.contactId: must be the id of a Contact in this organization/);
  });

  it("allocateCreditNote", async () => {
    await refused(M.allocateCreditNote, { c: invoiceId, d: contactId, a: "0" }, ["creditNoteId", "documentId", "amount"]);
    const creditNoteId = id("CreditNote", t.xero.books.creditNotes[0].CreditNoteID);
    const body = await refused(M.allocateCreditNote, { c: creditNoteId, d: id("Invoice", "x", ids.clientary), a: "-1.00" }, ["documentId", "amount"]);
    expect(body.errors![0].message).toMatch(/documentId: must be the id of an Invoice or Bill in this organization/);
  });

  it("createBankTransaction", async () => {
    const input = { kind: "SPEND_TRANSFER", bankAccountCode: " ", contactId: "not-an-id", date: "2026-11-01", lines: [] };
    const body = await refused(M.createBankTransaction, { o: t.organizationId, input }, ["input.kind", "input.bankAccountCode", "input.contactId", "input.lines"]);
    expect(body.errors![0].message).toMatch(/createBankTransfer/);
  });

  it("createBankTransfer: two different accounts and an amount more than zero", async () => {
    const body = await refused(M.createBankTransfer, { o: t.organizationId, input: { fromAccountCode: "090", toAccountCode: " 090 ", amount: "-1", date: "2026-11-01" } }, ["input.toAccountCode", "input.amount"]);
    expect(body.errors![0].message).toMatch(/same account/);
    await refused(M.createBankTransfer, { o: t.organizationId, input: { fromAccountCode: "", toAccountCode: "091", amount: "0", date: "2026-11-01" } }, ["input.fromAccountCode", "input.amount"]);
  });

  it("createExpense and updateExpense", async () => {
    const input = { date: "2026-11-01", amount: "0", contactId: invoiceId, projectId: contactId, currency: "dollars" };
    await refused(M.createExpense, { o: t.organizationId, input }, ["input.amount", "input.contactId", "input.projectId", "input.currency"]);
    await refused(M.updateExpense, { id: invoiceId, input: { amount: "10" } }, ["id"]);
    await refused(M.updateExpense, { id: id("Expense", "1", ids.daftra), input: { amount: "-3", projectId: id("Project", "1", ids.clientary) } }, ["input.amount", "input.projectId"]);
  });

  it("createItem", async () => {
    await refused(M.createItem, { o: t.organizationId, input: { code: " ", name: "", salesUnitPrice: "-1", purchaseUnitPrice: "0" } }, ["input.code", "input.name", "input.salesUnitPrice"]);
  });

  it("addStock", async () => {
    await refused(M.addStock, { i: contactId, q: "0" }, ["itemId", "quantity"]);
    const itemId = id("Item", t.xero.books.items[0].ItemID);
    await refused(M.addStock, { i: itemId, q: "2", u: "-4", c: id("Contact", "1", ids.daftra) }, ["unitCost", "contactId"]);
  });

  it("createProject: a name, a due date not before the start, amounts not negative", async () => {
    const input = { name: " ", contactId: invoiceId, startDate: "2026-11-10", dueDate: "2026-11-09", budget: "-1", hourlyRate: "-0.5" };
    await refused(M.createProject, { o: ids.clientary, input }, ["input.name", "input.contactId", "input.dueDate", "input.budget", "input.hourlyRate"]);
  });

  it("createTask", async () => {
    const input = { projectId: id("Contact", "1", ids.clientary), name: "", estimatedHours: "0", assigneeId: id("Project", "1", ids.clientary) };
    await refused(M.createTask, { o: ids.clientary, input }, ["input.projectId", "input.name", "input.estimatedHours", "input.assigneeId"]);
  });

  it("createTimeEntry: hours more than 0 and at most 24", async () => {
    const projectId = id("Project", "1", ids.clientary);
    const input = { projectId: id("Project", "1", ids.xero), taskId: projectId, staffId: id("Task", "1", ids.clientary), date: "2026-11-01", hours: "24.5" };
    const body = await refused(M.createTimeEntry, { o: ids.clientary, input }, ["input.projectId", "input.taskId", "input.staffId", "input.hours"]);
    expect(body.errors![0].message).toMatch(/at most 24/);
    await refused(M.createTimeEntry, { o: ids.clientary, input: { projectId, date: "2026-11-01", hours: "0" } }, ["input.hours"]);
  });

  it("finders take exactly one of id and number, and an id of the right type and organization", async () => {
    await refused(FIND("Invoice"), { o: t.organizationId, by: {} }, ["by"]);
    await refused(FIND("Invoice"), { o: t.organizationId, by: { id: invoiceId, number: "INV-0001" } }, ["by"]);
    await refused(FIND("Bill"), { o: t.organizationId, by: { id: invoiceId } }, ["by.id"]);
    await refused(FIND("PurchaseOrder"), { o: ids.daftra, by: { id: id("PurchaseOrder", "1") } }, ["by.id"]);
  });
});

describe("new actions answer NOT_SUPPORTED where the provider lacks them, before any upstream call", () => {
  let t: TestLedgerline;
  let ids: Record<"xero" | "daftra" | "clientary", string>;
  const upstream = () => t.app.sandboxes.reduce((n, s) => n + s.requestCount(), 0);
  beforeAll(async () => {
    t = await startTestLedgerline();
    ids = Object.fromEntries(t.app.sandboxes.map((s) => [s.provider.toLowerCase(), s.organization.id])) as typeof ids;
  });
  afterAll(() => t?.close());

  async function unsupported(query: string, variables: Record<string, unknown>, provider: string, operation: RegExp) {
    const before = upstream();
    const { body } = await t.post(query, variables);
    expect(body.errors?.[0]?.extensions, JSON.stringify(body.errors)).toMatchObject({ code: "NOT_SUPPORTED", provider });
    expect(body.errors![0].extensions!.operation).toMatch(operation);
    expect(upstream() - before, "upstream requests").toBe(0);
  }

  it("Xero has no projects, tasks, time entries or expenses", async () => {
    await unsupported(M.createProject, { o: ids.xero, input: { name: "Website" } }, "XERO", /create Project/);
    const projectId = toGlobalId({ organizationId: ids.xero, type: "Project", remoteId: "p1" });
    await unsupported(M.createTask, { o: ids.xero, input: { projectId, name: "Design" } }, "XERO", /create Task/);
    await unsupported(M.createTimeEntry, { o: ids.xero, input: { projectId, date: "2026-11-01", hours: "2" } }, "XERO", /create TimeEntry/);
    await unsupported(M.createExpense, { o: ids.xero, input: { date: "2026-11-01", amount: "10.00" } }, "XERO", /create Expense/);
  });

  it("Clientary keeps no stock, credit notes, purchase orders or bank accounts", async () => {
    const clientary = (type: string) => toGlobalId({ organizationId: ids.clientary, type, remoteId: "1" });
    await unsupported(M.addStock, { i: clientary("Item"), q: "3" }, "CLIENTARY", /addStock Item/);
    await unsupported(M.allocateCreditNote, { c: clientary("CreditNote"), d: clientary("Invoice"), a: "5.00" }, "CLIENTARY", /allocate CreditNote/);
    await unsupported(M.createBankTransfer, { o: ids.clientary, input: { fromAccountCode: "1", toAccountCode: "2", amount: "5.00", date: "2026-11-01" } }, "CLIENTARY", /transfer BankTransaction/);
    await unsupported(M.createPurchaseOrder, { o: ids.clientary, input: { contactId: clientary("Contact"), lines: [{ description: "Paper" }] } }, "CLIENTARY", /create PurchaseOrder/);
    await unsupported(FIND("PurchaseOrder"), { o: ids.clientary, by: { number: "PO-1" } }, "CLIENTARY", /list PurchaseOrder/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxOf, startTestLedgerline, storedBooks, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

/** Every write Clientary supports, through the gateway's GraphQL API, checked against what the Clientary sandbox stored. */

const DOC = "id remoteId number status issueDate dueDate reference total amountPaid amountDue sentToContact contact { id name } lineItems { description quantity unitAmount lineAmount }";
const M = {
  createContact: `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { record { id remoteId name email firstName accountNumber } } }`,
  updateContact: `mutation($id: ID!, $input: ContactUpdateInput!) { updateContact(id: $id, input: $input) { record { id name email } } }`,
  deleteRecord: `mutation($id: ID!) { deleteRecord(id: $id) { id outcome replayed } }`,
  createInvoice: `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { ${DOC} } } }`,
  updateInvoice: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { ${DOC} } } }`,
  sendInvoice: `mutation($id: ID!) { sendInvoice(id: $id) { id sent replayed } }`,
  recordPayment: `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id remoteId amount date reference documentNumber } } }`,
  createQuote: `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId status title terms total } } }`,
  updateQuote: `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { id status title total } } }`,
  createExpense: `mutation($o: ID!, $input: ExpenseInput!) { createExpense(organizationId: $o, input: $input) { record { id remoteId date total description projectId contact { id } } } }`,
  updateExpense: `mutation($id: ID!, $input: ExpenseUpdateInput!) { updateExpense(id: $id, input: $input) { record { id date total description } } }`,
  createProject: `mutation($o: ID!, $input: ProjectInput!) { createProject(organizationId: $o, input: $input) { record { id remoteId name status hourlyRate budget startDate dueDate contact { id } } } }`,
  createTask: `mutation($o: ID!, $input: TaskInput!) { createTask(organizationId: $o, input: $input) { record { id remoteId name status dueDate projectId assigneeId } } }`,
  createTimeEntry: `mutation($o: ID!, $input: TimeEntryInput!) { createTimeEntry(organizationId: $o, input: $input) { record { id remoteId date hours isBillable isInvoiced projectId } } }`,
};
const NODE = `query($id: ID!) { node(id: $id) {
  id
  ... on Contact { name email }
  ... on Invoice { status total amountPaid amountDue reference sentToContact lineItems { description } }
  ... on Quote { quoteStatus: status title total }
  ... on Payment { amount }
  ... on Expense { total description }
  ... on Project { name hourlyRate }
  ... on Task { name }
  ... on TimeEntry { hours }
} }`;

const DATE = "2026-11-14";
const lines = [{ description: "Brand workshop", quantity: "2", unitAmount: "450.00" }, { description: "Travel", unitAmount: "80.50" }];

describe("Clientary writes through GraphQL", () => {
  let t: TestLedgerline;
  let org: string;
  /** An active client with a contact person who has an email (so invoices can be sent to it). */
  let client: { id: number; name: string };
  const gid = (type: string, remoteId: string | number) => toGlobalId({ organizationId: org, type, remoteId: String(remoteId) });
  const books = () => storedBooks(t, "CLIENTARY");
  const upstream = () => sandboxOf(t, "CLIENTARY").requestCount();

  async function ok(query: string, variables: Record<string, unknown>) {
    const { body } = await t.post(query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }
  async function refused(query: string, variables: Record<string, unknown>) {
    const { body } = await t.post(query, variables);
    expect(body.errors, "expected an error").toBeDefined();
    return body.errors![0] as NonNullable<GraphQLBody["errors"]>[number] & { extensions: Record<string, any> };
  }
  const read = async (id: string) => (await ok(NODE, { id })).node;
  /** Every id a list of the organization holds, paging through it. */
  async function listedIds(list: string) {
    const ids: string[] = [];
    for (let after: string | null = null; ; ) {
      const page: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await ok(`query($o: ID!, $a: String) { organization(id: $o) { ${list}(first: 200, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`, { o: org, a: after })).organization[list];
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  }
  const invoiceRow = async (remoteId: string) => (await books()).invoices.find((i) => String(i.id) === remoteId);
  async function invoice(over: Record<string, unknown> = {}) {
    return (await ok(M.createInvoice, { o: org, input: { contactId: gid("Contact", client.id), lines, ...over } })).createInvoice.record;
  }

  beforeAll(async () => {
    // Clientary's own limit (60 a minute through the governor) would stretch this many writes over minutes.
    t = await startTestLedgerline({ sandboxLimits: "relaxed" });
    org = sandboxOf(t, "CLIENTARY").organization.id;
    const stored = await books();
    client = stored.clients.find((c) => c.status === 1 && stored.contacts.some((p) => p.client_id === c.id && p.email))!;
  });
  afterAll(() => t?.close());

  describe("contacts", () => {
    it("createContact stores a client and its first contact person; node(id) reads it back", async () => {
      const created = (await ok(M.createContact, { o: org, input: { name: "Tamarack Florists", accountNumber: "T-77", email: "ines@tamarack.example", firstName: "Ines", lastName: "Okafor", addresses: [{ line1: "9 Fern Rd", city: "Madison" }] } })).createContact.record;
      expect(created).toMatchObject({ name: "Tamarack Florists", email: "ines@tamarack.example", firstName: "Ines", accountNumber: "T-77" });
      const stored = await books();
      expect(stored.clients.find((c) => String(c.id) === created.remoteId)).toMatchObject({ name: "Tamarack Florists", number: "T-77", address: "9 Fern Rd", city: "Madison", status: 1 });
      expect(stored.contacts.filter((p) => String(p.client_id) === created.remoteId)).toEqual([expect.objectContaining({ name: "Ines Okafor", email: "ines@tamarack.example" })]);
      expect(await read(created.id)).toMatchObject({ name: "Tamarack Florists", email: "ines@tamarack.example" });
    });

    it("updateContact changes the client and its contact person's email; the contacts list shows it", async () => {
      const created = (await ok(M.createContact, { o: org, input: { name: "Before Name", email: "old@before.example" } })).createContact.record;
      const updated = (await ok(M.updateContact, { id: created.id, input: { name: "After Name", email: "new@after.example" } })).updateContact.record;
      expect(updated).toMatchObject({ name: "After Name", email: "new@after.example" });
      const stored = await books();
      expect(stored.clients.find((c) => String(c.id) === created.remoteId)!.name).toBe("After Name");
      expect(stored.contacts.find((p) => String(p.client_id) === created.remoteId)!.email).toBe("new@after.example");
      const listed = await ok(`query($o: ID!) { organization(id: $o) { contacts(first: 200) { edges { node { id name email } } } } }`, { o: org });
      expect(listed.organization.contacts.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id: created.id, name: "After Name", email: "new@after.example" });
    });

    it("deleteRecord deletes a client; node(id) then answers null", async () => {
      const created = (await ok(M.createContact, { o: org, input: { name: "Short Lived Co" } })).createContact.record;
      expect((await ok(M.deleteRecord, { id: created.id })).deleteRecord).toMatchObject({ id: created.id, outcome: "DELETED", replayed: false });
      expect((await books()).clients.some((c) => String(c.id) === created.remoteId)).toBe(false);
      expect(await read(created.id)).toBeNull();
    });
  });

  describe("invoices and payments", () => {
    it("createInvoice stores a numbered draft with its lines; node(id) and the list show it", async () => {
      const created = await invoice({ issueDate: "2026-11-01", dueDate: "2026-12-01", reference: "PO-55" });
      expect(created).toMatchObject({ status: "DRAFT", total: "980.50", amountDue: "980.50", issueDate: "2026-11-01", dueDate: "2026-12-01", reference: "PO-55", contact: { id: gid("Contact", client.id) } });
      const row = (await invoiceRow(created.remoteId))!;
      expect(row).toMatchObject({ client_id: client.id, status: 0, date: "2026/11/01", due_date: "2026/12/01", po: "PO-55", number: created.number, total_cost: 980.5 });
      expect(row.invoice_items.map((i) => [i.title, i.quantity, i.price])).toEqual([["Brand workshop", 2, 450], ["Travel", 1, 80.5]]);
      expect(await read(created.id)).toMatchObject({ status: "DRAFT", total: "980.50", reference: "PO-55" });
      const listed = await ok(`query($o: ID!, $c: ID!) { organization(id: $o) { invoices(first: 200, filter: { contactId: $c }) { edges { node { id } } } } }`, { o: org, c: gid("Contact", client.id) });
      expect(listed.organization.invoices.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(created.id);
    });

    it("updateInvoice replaces the lines and moves a draft to sent; the stored invoice and the next read follow", async () => {
      const created = await invoice();
      const updated = (await ok(M.updateInvoice, { id: created.id, input: { status: "AUTHORISED", reference: "PO-1", dueDate: "2026-12-31", lines: [{ description: "Rush fee", unitAmount: "120.00" }] } })).updateInvoice.record;
      expect(updated).toMatchObject({ status: "AUTHORISED", reference: "PO-1", dueDate: "2026-12-31", total: "120.00", lineItems: [{ description: "Rush fee" }] });
      const row = (await invoiceRow(created.remoteId))!;
      expect(row).toMatchObject({ status: 1, po: "PO-1", due_date: "2026/12/31", total_cost: 120 });
      expect(row.invoice_items.map((i) => i.title)).toEqual(["Rush fee"]);
      expect(await read(created.id)).toMatchObject({ status: "AUTHORISED", total: "120.00", lineItems: [{ description: "Rush fee" }] });
    });

    it("sendInvoice emails the client's contacts, stores the message and marks the draft sent", async () => {
      const created = await invoice();
      expect((await ok(M.sendInvoice, { id: created.id })).sendInvoice).toMatchObject({ id: created.id, sent: true, replayed: false });
      const stored = await books();
      const emails = stored.contacts.filter((p) => p.client_id === client.id).map((p) => p.email);
      expect(stored.messages!.at(-1)).toMatchObject({ document: "invoice", document_id: Number(created.remoteId), recipients: emails });
      expect(stored.invoices.find((i) => String(i.id) === created.remoteId)!.status).toBe(1);
      expect(await read(created.id)).toMatchObject({ status: "AUTHORISED", sentToContact: true });
    });

    it("recordPayment stores a payment; the invoice reads PARTIALLY_PAID right after, then PAID", async () => {
      const created = await invoice({ status: "AUTHORISED", lines: [{ description: "Retainer", unitAmount: "300.00" }] });
      const payment = (await ok(M.recordPayment, { o: org, input: { documentId: created.id, accountCode: "BANK", date: DATE, amount: "120.00", reference: "Check 42" } })).recordPayment.record;
      expect(payment).toMatchObject({ amount: "120.00", date: DATE, reference: "Check 42", documentNumber: created.number });
      expect((await books()).payments.find((p) => String(p.id) === payment.remoteId)).toMatchObject({ invoice_id: Number(created.remoteId), amount: 120, received_on: DATE, note: "Check 42" });
      expect(await read(created.id)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "120.00", amountDue: "180.00" });
      expect(await read(payment.id)).toMatchObject({ amount: "120.00" });

      await ok(M.recordPayment, { o: org, input: { documentId: created.id, accountCode: "BANK", date: DATE, amount: "180.00" } });
      expect(await read(created.id)).toMatchObject({ status: "PAID", amountDue: "0.00" });
    });

    it("overpaying an invoice is PROVIDER_VALIDATION with Clientary's message, and stores nothing", async () => {
      const created = await invoice({ status: "AUTHORISED", lines: [{ description: "Retainer", unitAmount: "300.00" }] });
      await ok(M.recordPayment, { o: org, input: { documentId: created.id, accountCode: "BANK", date: DATE, amount: "250.00" } });
      const count = (await books()).payments.length;
      const error = await refused(M.recordPayment, { o: org, input: { documentId: created.id, accountCode: "BANK", date: DATE, amount: "50.01" } });
      expect(error.message).toBe("Clientary rejected the data: amount: must be less than or equal to 50.00");
      expect(error.extensions).toMatchObject({ code: "PROVIDER_VALIDATION", providerErrors: [{ field: "amount", message: "must be less than or equal to 50.00" }] });
      expect((await books()).payments).toHaveLength(count);
      expect(await read(created.id)).toMatchObject({ amountDue: "50.00" });
    });

    it("a paid invoice's lines cannot be edited: PROVIDER_VALIDATION with Clientary's message, lines kept", async () => {
      const created = await invoice({ status: "AUTHORISED", lines: [{ description: "Retainer", unitAmount: "300.00" }] });
      await ok(M.recordPayment, { o: org, input: { documentId: created.id, accountCode: "BANK", date: DATE, amount: "300.00" } });
      const error = await refused(M.updateInvoice, { id: created.id, input: { lines: [{ description: "Extra", unitAmount: "10.00" }] } });
      expect(error.extensions).toMatchObject({ code: "PROVIDER_VALIDATION", providerErrors: expect.arrayContaining([{ field: "invoice_items", message: "can't be changed on a paid invoice" }]) });
      expect(error.message).toContain("can't be changed on a paid invoice");
      expect((await invoiceRow(created.remoteId))!.invoice_items.map((i) => [i.title, i.price])).toEqual([["Retainer", 300]]);
      expect(await read(created.id)).toMatchObject({ status: "PAID", lineItems: [{ description: "Retainer" }] });
    });

    it("deleteRecord deletes an invoice without payments; one with payments is refused", async () => {
      const unpaid = await invoice();
      expect((await ok(M.deleteRecord, { id: unpaid.id })).deleteRecord.outcome).toBe("DELETED");
      expect(await invoiceRow(unpaid.remoteId)).toBeUndefined();
      expect(await read(unpaid.id)).toBeNull();

      const paid = await invoice({ status: "AUTHORISED" });
      await ok(M.recordPayment, { o: org, input: { documentId: paid.id, accountCode: "BANK", date: DATE, amount: "10.00" } });
      const error = await refused(M.deleteRecord, { id: paid.id });
      expect(error.extensions.code).toBe("PROVIDER_VALIDATION");
      expect(error.message).toMatch(/Delete its payments first/);
      expect(await invoiceRow(paid.remoteId)).toBeDefined();
    });
  });

  describe("quotes", () => {
    it("createQuote stores a draft estimate; updateQuote replaces its lines and moves it to SENT then ACCEPTED", async () => {
      const quote = (await ok(M.createQuote, { o: org, input: { contactId: gid("Contact", client.id), title: "Website refresh", terms: "50% up front", lines: [{ description: "Design", quantity: "10", unitAmount: "95.00" }] } })).createQuote.record;
      expect(quote).toMatchObject({ status: "DRAFT", title: "Website refresh", terms: "50% up front", total: "950.00" });
      expect((await books()).estimates.find((e) => String(e.id) === quote.remoteId)).toMatchObject({ client_id: client.id, status: 0, title: "Website refresh", note: "50% up front", subtotal: 950 });

      const sent = (await ok(M.updateQuote, { id: quote.id, input: { status: "SENT", lines: [{ description: "Design", quantity: "12", unitAmount: "95.00" }] } })).updateQuote.record;
      expect(sent).toMatchObject({ status: "SENT", total: "1140.00" });
      expect((await books()).estimates.find((e) => String(e.id) === quote.remoteId)).toMatchObject({ status: 1, subtotal: 1140 });
      expect((await ok(M.updateQuote, { id: quote.id, input: { status: "ACCEPTED" } })).updateQuote.record.status).toBe("ACCEPTED");
      expect((await books()).estimates.find((e) => String(e.id) === quote.remoteId)!.status).toBe(6);
      expect(await read(quote.id)).toMatchObject({ quoteStatus: "ACCEPTED", title: "Website refresh", total: "1140.00" });
    });
  });

  describe("expenses, projects, tasks and time", () => {
    it("createExpense stores an expense on a project (its client follows); updateExpense changes it", async () => {
      const project = (await books()).projects[0]!;
      const expense = (await ok(M.createExpense, { o: org, input: { date: "2026-11-10", amount: "64.20", description: "Stock photos", projectId: gid("Project", project.id) } })).createExpense.record;
      expect(expense).toMatchObject({ date: "2026-11-10", total: "64.20", description: "Stock photos", contact: { id: gid("Contact", project.client_id) } });
      expect((await books()).expenses.find((e) => String(e.id) === expense.remoteId)).toMatchObject({ amount: 64.2, incurred_on: "2026/11/10", project_id: project.id, client_id: project.client_id });

      const updated = (await ok(M.updateExpense, { id: expense.id, input: { amount: "70.00", date: "2026-11-12", description: "Stock photos (3)" } })).updateExpense.record;
      expect(updated).toMatchObject({ total: "70.00", date: "2026-11-12", description: "Stock photos (3)" });
      expect((await books()).expenses.find((e) => String(e.id) === expense.remoteId)).toMatchObject({ amount: 70, incurred_on: "2026/11/12", description: "Stock photos (3)" });
      expect(await read(expense.id)).toMatchObject({ total: "70.00", description: "Stock photos (3)" });
    });

    it("createProject, createTask and createTimeEntry store a project, a task in it and hours on it", async () => {
      const stored = await books();
      const staff = stored.staff[1]!;
      const project = (await ok(M.createProject, { o: org, input: { name: "Spring campaign", contactId: gid("Contact", client.id), hourlyRate: "120.00", budget: "9000", startDate: "2026-12-01", dueDate: "2027-02-28" } })).createProject.record;
      expect(project).toMatchObject({ name: "Spring campaign", status: "ACTIVE", hourlyRate: "120.00", budget: "9000.00", startDate: "2026-12-01", dueDate: "2027-02-28", contact: { id: gid("Contact", client.id) } });
      expect((await books()).projects.find((p) => String(p.id) === project.remoteId)).toMatchObject({ name: "Spring campaign", client_id: client.id, rate: 120, budget: 9000, start_date: "2026/12/01", end_date: "2027/02/28", status: 1 });
      expect(await read(project.id)).toMatchObject({ name: "Spring campaign", hourlyRate: "120.00" });

      const task = (await ok(M.createTask, { o: org, input: { projectId: project.id, name: "Print proofs", dueDate: "2026-12-15", assigneeId: gid("Staff", staff.id), description: "Two rounds" } })).createTask.record;
      expect(task).toMatchObject({ name: "Print proofs", status: "OPEN", dueDate: "2026-12-15", projectId: project.id });
      expect((await books()).tasks.find((x) => String(x.id) === task.remoteId)).toMatchObject({ title: "Print proofs", project_id: Number(project.remoteId), client_id: client.id, assignee_id: staff.id, due_date: "2026/12/15", complete: false });
      expect(await read(task.id)).toMatchObject({ name: "Print proofs" });

      const entry = (await ok(M.createTimeEntry, { o: org, input: { projectId: project.id, taskId: task.id, date: DATE, hours: "2.5", description: "Proof layout" } })).createTimeEntry.record;
      expect(entry).toMatchObject({ date: DATE, hours: "2.5", isBillable: true, isInvoiced: false, projectId: project.id });
      expect((await books()).hours.find((h) => String(h.id) === entry.remoteId)).toMatchObject({ project_id: Number(project.remoteId), title: "Print proofs", description: "Proof layout", hours: 2.5, date: "2026/11/14", rate: 120, "billed?": false });
      expect(await read(entry.id)).toMatchObject({ hours: "2.5" });
      expect(await listedIds("timeEntries")).toContain(entry.id);
      expect(await listedIds("projects")).toContain(project.id);
    });
  });

  it("deleteRecord removes a payment, quote, expense, time entry, task and project; each reads back null", async () => {
    const sent = await invoice({ status: "AUTHORISED", lines: [{ description: "Retainer", unitAmount: "300.00" }] });
    const payment = (await ok(M.recordPayment, { o: org, input: { documentId: sent.id, accountCode: "BANK", date: DATE, amount: "300.00" } })).recordPayment.record;
    const quote = (await ok(M.createQuote, { o: org, input: { contactId: gid("Contact", client.id), lines } })).createQuote.record;
    const expense = (await ok(M.createExpense, { o: org, input: { date: DATE, amount: "12.00", description: "Parking", contactId: gid("Contact", client.id) } })).createExpense.record;
    const project = (await ok(M.createProject, { o: org, input: { name: "Short project", contactId: gid("Contact", client.id), hourlyRate: "100.00" } })).createProject.record;
    const task = (await ok(M.createTask, { o: org, input: { projectId: project.id, name: "Short task" } })).createTask.record;
    const entry = (await ok(M.createTimeEntry, { o: org, input: { projectId: project.id, date: DATE, hours: "1", description: "Kick-off" } })).createTimeEntry.record;

    const gone: Array<[string, { id: string; remoteId: string }, (b: Awaited<ReturnType<typeof books>>) => boolean]> = [
      ["payment", payment, (b) => b.payments.some((x) => String(x.id) === payment.remoteId)],
      ["quote", quote, (b) => b.estimates.some((x) => String(x.id) === quote.remoteId)],
      ["expense", expense, (b) => b.expenses.some((x) => String(x.id) === expense.remoteId)],
      ["time entry", entry, (b) => b.hours.some((x) => String(x.id) === entry.remoteId)],
      ["task", task, (b) => b.tasks.some((x) => String(x.id) === task.remoteId)],
      ["project", project, (b) => b.projects.some((x) => String(x.id) === project.remoteId)],
    ];
    for (const [name, record, stillStored] of gone) {
      expect(stillStored(await books()), name).toBe(true);
      expect((await ok(M.deleteRecord, { id: record.id })).deleteRecord, name).toMatchObject({ id: record.id, outcome: "DELETED" });
      expect(stillStored(await books()), name).toBe(false);
      expect(await read(record.id), name).toBeNull();
    }
    expect(await read(sent.id)).toMatchObject({ status: "AUTHORISED", amountPaid: "0.00", amountDue: "300.00" });
  });

  describe("what Clientary cannot do answers NOT_SUPPORTED naming CLIENTARY and the operation, before any upstream call", () => {
    const line = [{ description: "x", quantity: "1", unitAmount: "1.00" }];
    const someInvoice = async () => gid("Invoice", (await books()).invoices[0]!.id);
    const cases: Array<[string, string, () => Promise<Record<string, unknown>>, string, RegExp]> = [
      ["createBill", `mutation($o: ID!, $input: DocumentInput!) { createBill(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { contactId: gid("Contact", client.id), lines: line } }), "create Bill", /no bills or suppliers/],
      ["createCreditNote", `mutation($o: ID!, $input: CreditNoteInput!) { createCreditNote(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { kind: "SALES", contactId: gid("Contact", client.id), lines: line } }), "create CreditNote", /no credit notes/],
      ["createItem", `mutation($o: ID!, $input: ItemInput!) { createItem(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { code: "W-1", name: "Widget" } }), "create Item", /no products or items catalogue/],
      ["addStock", `mutation($i: ID!) { addStock(itemId: $i, quantity: "1") { replayed } }`, async () => ({ i: gid("Item", "1") }), "addStock Item", /no products or items catalogue/],
      ["addNote on an invoice", `mutation($id: ID!) { addNote(id: $id, note: "Called the client") { id } }`, async () => ({ id: await someInvoice() }), "note Invoice", /no notes on invoices/],
      ["createBankTransfer", `mutation($o: ID!, $input: BankTransferInput!) { createBankTransfer(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { fromAccountCode: "A", toAccountCode: "B", amount: "10.00", date: DATE } }), "transfer BankTransaction", /no bank accounts/],
      ["createBankTransaction", `mutation($o: ID!, $input: BankTransactionInput!) { createBankTransaction(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { kind: "SPEND", bankAccountCode: "A", date: DATE, lines: [{ ...line[0], accountCode: "X" }] } }), "create BankTransaction", /no bank accounts/],
      ["createPurchaseOrder", `mutation($o: ID!, $input: PurchaseOrderInput!) { createPurchaseOrder(organizationId: $o, input: $input) { replayed } }`,
        async () => ({ o: org, input: { contactId: gid("Contact", client.id), lines: line } }), "create PurchaseOrder", /no purchase orders/],
      ["allocateCreditNote", `mutation($c: ID!, $d: ID!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: "1.00") { replayed } }`,
        async () => ({ c: gid("CreditNote", "1"), d: await someInvoice() }), "allocate CreditNote", /no credit notes/],
      ["createContact as a SUPPLIER", M.createContact, async () => ({ o: org, input: { name: "Paper Supplier", role: "SUPPLIER" } }), "supplier contacts", /keeps no supplie/],
      ["updateBill", `mutation($id: ID!) { updateBill(id: $id, input: { reference: "x" }) { replayed } }`, async () => ({ id: gid("Bill", "1") }), "update Bill", /no bills or suppliers/],
      ["recordPayment on a bill", M.recordPayment, async () => ({ o: org, input: { documentId: gid("Bill", "1"), accountCode: "BANK", date: DATE, amount: "1.00" } }), "payments of bills", /sales invoices only/],
    ];

    it.each(cases)("%s", async (_name, query, variables, operation, reason) => {
      const vars = await variables();
      const before = upstream();
      const error = await refused(query, vars);
      expect(error.extensions, error.message).toMatchObject({ code: "NOT_SUPPORTED", provider: "CLIENTARY", operation });
      expect(error.message).toContain(`CLIENTARY does not support ${operation}.`);
      expect(error.message).toMatch(reason);
      expect(upstream() - before, "upstream requests").toBe(0);
    });
  });
});

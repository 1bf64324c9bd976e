import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/global-id.js";
import { createParty } from "../../connectors/clientary/sandbox/books/writes/clients.js";
import { createStaff } from "../../connectors/clientary/sandbox/books/writes/staff.js";
import { createInvoice } from "../../connectors/clientary/sandbox/books/writes/invoices.js";
import { addPayment } from "../../connectors/clientary/sandbox/books/writes/payments.js";
import type { ClientarySandbox } from "../../connectors/clientary/sandbox/server.js";
import { sandboxOf } from "../e2e/start-test-ledgerline.js";
import type { Subscriber } from "./ws-subscriber.js";
import {
  awaitArrivals, EVENT_FIELDS, expectTypedAgree, sandboxHandle, startLiveTriggers, triggerTable, typedSubscriptions, type LiveEvent, type LiveTriggers, type Made, type TriggerCase,
} from "./live-triggers.js";

/**
 * Every trigger the Clientary connector declares, end to end: new records of each kind, and records that
 * go away (Clientary reports edits of none of them). Clients and invoices are read incrementally
 * (`updated_since`), so their deletions are found by the full listing each reconciliation runs: the test
 * moves the gateway's clock past it. A partner app subscribes over graphql-ws throughout.
 */


const EVENTS = `subscription($o: [ID!]) { events(filter: { organizationIds: $o }) { ${EVENT_FIELDS}
  record { id remoteId updatedAt
    ... on Contact { name }
    ... on Invoice { status total }
    ... on Quote { quoteStatus: status total title }
    ... on Payment { amount documentId documentNumber }
    ... on Expense { total description }
    ... on Project { name }
    ... on Task { name projectId }
    ... on Lead { name }
    ... on Staff { name email }
  }
} }`;

const M = {
  contact: `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateContact: `mutation($id: ID!, $input: ContactUpdateInput!) { updateContact(id: $id, input: $input) { record { id } } }`,
  invoice: `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateInvoice: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { id } } }`,
  payment: `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id remoteId } } }`,
  quote: `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateQuote: `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { id } } }`,
  expense: `mutation($o: ID!, $input: ExpenseInput!) { createExpense(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateExpense: `mutation($id: ID!, $input: ExpenseUpdateInput!) { updateExpense(id: $id, input: $input) { record { id } } }`,
  project: `mutation($o: ID!, $input: ProjectInput!) { createProject(organizationId: $o, input: $input) { record { id remoteId } } }`,
  task: `mutation($o: ID!, $input: TaskInput!) { createTask(organizationId: $o, input: $input) { record { id remoteId } } }`,
  delete: `mutation($id: ID!) { deleteRecord(id: $id) { outcome } }`,
};

describe("Clientary triggers over graphql-ws", { timeout: 60_000 }, () => {
  let t: LiveTriggers;
  let org: string;
  let sandbox: ClientarySandbox;
  let events: Subscriber<LiveEvent>;
  let typed: Record<string, Subscriber<LiveEvent>>;
  let table: ReturnType<typeof triggerTable>;
  const tag = Date.now().toString(36);

  const gid = (type: string, remoteId: string | number) => toGlobalId({ organizationId: org, type, remoteId: String(remoteId) });
  const create = (mutation: string, field: string) => async (input: Record<string, unknown>): Promise<Made> => (await t.gql(mutation, { o: org, input }))[field].record;
  const remove = (m: Made) => t.gql(M.delete, { id: m.id });
  const lines = [{ description: "Brand workshop", quantity: "2", unitAmount: "450.00" }];
  /** A record written through the sandbox's own books, as Clientary's app would add it. */
  const written = (type: string, record: { id: number }): Made => ({ id: gid(type, record.id), remoteId: String(record.id) });

  function cases(): TriggerCase[] {
    const client = sandbox.books.clients.find((c) => c.status === 1)!;
    const project = sandbox.books.projects[0]!;
    return [
      {
        name: "client", entity: "Contact",
        create: { run: () => create(M.contact, "createContact")({ name: `Tamarack Florists ${tag}` }), type: "CONTACT_CREATED", record: { name: `Tamarack Florists ${tag}` } },
        update: { run: (m) => t.gql(M.updateContact, { id: m.id, input: { name: `Tamarack Flowers ${tag}` } }), type: null },
        end: { run: remove, type: "CONTACT_DELETED", record: null },
      },
      {
        name: "invoice", entity: "Invoice",
        create: { run: () => create(M.invoice, "createInvoice")({ contactId: gid("Contact", client.id), lines }), type: "INVOICE_CREATED", record: { status: "DRAFT", total: "900.00" } },
        update: { run: (m) => t.gql(M.updateInvoice, { id: m.id, input: { reference: `PO-${tag}` } }), type: null },
        end: { run: remove, type: "INVOICE_DELETED", record: null },
      },
      {
        name: "estimate", entity: "Quote",
        create: { run: () => create(M.quote, "createQuote")({ contactId: gid("Contact", client.id), title: `Rebrand ${tag}`, lines }), type: "QUOTE_CREATED", record: { title: `Rebrand ${tag}`, total: "900.00" } },
        update: { run: (m) => t.gql(M.updateQuote, { id: m.id, input: { title: `Rebrand ${tag} (v2)` } }), type: null },
        end: { run: remove, type: "QUOTE_DELETED", record: null },
      },
      {
        name: "payment", entity: "Payment",
        create: {
          run: async () => {
            const sent = await create(M.invoice, "createInvoice")({ contactId: gid("Contact", client.id), status: "AUTHORISED", lines: [{ description: "Retainer", unitAmount: "300.00" }] });
            return create(M.payment, "recordPayment")({ documentId: sent.id, accountCode: "BANK", date: "2026-11-14", amount: "120.00" });
          },
          type: "PAYMENT_CREATED", record: { amount: "120.00" },
        },
        end: { run: remove, type: "PAYMENT_DELETED", record: null },
      },
      {
        name: "expense", entity: "Expense",
        create: { run: () => create(M.expense, "createExpense")({ date: "2026-11-14", amount: "12.00", description: `Parking ${tag}`, contactId: gid("Contact", client.id) }), type: "EXPENSE_CREATED", record: { total: "12.00", description: `Parking ${tag}` } },
        update: { run: (m) => t.gql(M.updateExpense, { id: m.id, input: { amount: "14.00" } }), type: null },
        end: { run: remove, type: "EXPENSE_DELETED", record: null },
      },
      {
        name: "project", entity: "Project",
        create: { run: () => create(M.project, "createProject")({ name: `Short project ${tag}`, contactId: gid("Contact", client.id), hourlyRate: "100.00" }), type: "PROJECT_CREATED", record: { name: `Short project ${tag}` } },
        end: { run: remove, type: "PROJECT_DELETED", record: null },
      },
      {
        name: "task", entity: "Task",
        create: { run: () => create(M.task, "createTask")({ projectId: gid("Project", project.id), name: `Kick-off ${tag}` }), type: "TASK_CREATED", record: { name: `Kick-off ${tag}`, projectId: gid("Project", project.id) } },
        end: { run: remove, type: "TASK_DELETED", record: null },
      },
      {
        name: "lead", entity: "Lead",
        create: { run: async () => written("Lead", createParty(sandbox.books, "leads", { name: `Juniper Bakery ${tag}` }, new Date())), type: "LEAD_CREATED", record: { name: `Juniper Bakery ${tag}` } },
        end: { run: remove, type: "LEAD_DELETED", record: null },
      },
      {
        name: "staff member", entity: "Staff",
        create: {
          run: async () => written("Staff", createStaff(sandbox.books, { name: "Ines Okafor", email: `ines.${tag}@brightpixel.example` }, new Date())),
          type: "STAFF_CREATED", record: { name: "Ines Okafor", email: `ines.${tag}@brightpixel.example` },
        },
      },
    ];
  }

  beforeAll(async () => {
    t = await startLiveTriggers();
    org = sandboxOf(t, "CLIENTARY").organization.id;
    sandbox = sandboxHandle<ClientarySandbox>(t, "CLIENTARY");
    await t.baselines(org);
    ({ events, ...typed } = await t.listen({
      events: { query: EVENTS, variables: { o: [org] }, field: "events" },
      ...typedSubscriptions(["Invoice", "Contact", "Quote", "Payment"], org),
    }));
    table = triggerTable(t, org, events, cases());
  });
  afterAll(async () => {
    await Promise.all([events, ...Object.values(typed ?? {})].filter(Boolean).map((s) => s.stop()));
    await t?.close();
  });

  it("a new expense, project, client, estimate, invoice, lead, task, payment and staff member is CREATED once", async () => {
    await table.run("create");
  });

  it("edits of clients, invoices, estimates and expenses raise nothing (Clientary reports new records only)", async () => {
    await table.run("update");
  });

  it("a deleted record of each kind is DELETED once, with no record: at the next listing, or at the reconciliation for clients and invoices", async () => {
    // A reconciliation (a full listing of the incrementally read kinds) falls due at the next poll.
    await table.run("end", () => t.advanceClock(61_000));
  });

  it("over all stages each record raised exactly its events; the typed subscriptions agree with `events`", async () => {
    table.expectHistories();
    expectTypedAgree(events, typed);
    expect((await t.pollers(org)).filter((p) => p.lastError)).toEqual([]);
  });

  it("a payment received in Clientary on an invoice raised there moments before arrives once, naming its invoice", async () => {
    // Both written in Clientary itself (its app, or the living sandbox), not through the gateway.
    const client = sandbox.books.clients.find((c) => c.status === 1)!;
    const invoice = createInvoice(sandbox.books, {
      client_id: client.id, date: "2026-11-20", due_date: "2026-12-20", currency_code: sandbox.books.account.currency, status: 1,
      invoice_items_attributes: [{ title: "Retainer", quantity: 1, price: 300 }],
    }, new Date());
    const payment = written("Payment", addPayment(sandbox.books, invoice, { amount: 80, received_on: "2026-11-21" }, new Date()));
    expect(await awaitArrivals(events, [["PAYMENT_CREATED", payment.id]])).toEqual([]);
    await t.polls(org, 2);
    expect(events.received.filter((e) => e.recordId === payment.id).map((e) => [e.type, e.record])).toEqual([
      ["PAYMENT_CREATED", expect.objectContaining({ amount: "80.00", documentId: gid("Invoice", invoice.id), documentNumber: String(invoice.number) })],
    ]);
  });
});

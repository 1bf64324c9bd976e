import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/global-id.js";
import { editProduct } from "../../connectors/daftra/sandbox/books/writes/index.js";
import type { DaftraSandbox } from "../../connectors/daftra/sandbox/server.js";
import { sandboxOf } from "../e2e/start-test-ledgerline.js";
import type { Subscriber } from "./ws-subscriber.js";
import {
  EVENT_FIELDS, expectTypedAgree, sandboxHandle, startLiveTriggers, triggerTable, typedSubscriptions, type LiveEvent, type LiveTriggers, type Made, type TriggerCase,
} from "./live-triggers.js";

/**
 * Every trigger the Daftra connector declares, end to end: the pollers list Daftra in full on their own
 * timers, a partner app subscribes over graphql-ws, the test changes the Daftra sandbox, and each change
 * arrives exactly once. Daftra keeps no change feed, so a deletion is a record the listing no longer holds.
 */


const EVENTS = `subscription($o: [ID!]) { events(filter: { organizationIds: $o }) { ${EVENT_FIELDS}
  record { id remoteId updatedAt
    ... on Contact { name email }
    ... on Invoice { status total reference amountPaid }
    ... on Quote { quoteStatus: status total summary }
    ... on Item { code name salesUnitPrice quantityOnHand }
  }
} }`;

const M = {
  contact: `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateContact: `mutation($id: ID!, $input: ContactUpdateInput!) { updateContact(id: $id, input: $input) { record { id } } }`,
  invoice: `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateInvoice: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { id } } }`,
  payment: `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id } } }`,
  quote: `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateQuote: `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { id } } }`,
  item: `mutation($o: ID!, $input: ItemInput!) { createItem(organizationId: $o, input: $input) { record { id remoteId } } }`,
  addStock: `mutation($i: ID!, $q: Decimal!) { addStock(itemId: $i, quantity: $q) { quantityAdded } }`,
  delete: `mutation($id: ID!) { deleteRecord(id: $id) { outcome } }`,
};

describe("Daftra triggers over graphql-ws", { timeout: 60_000 }, () => {
  let t: LiveTriggers;
  let org: string;
  let sandbox: DaftraSandbox;
  let events: Subscriber<LiveEvent>;
  let typed: Record<string, Subscriber<LiveEvent>>;
  let table: ReturnType<typeof triggerTable>;
  const tag = Date.now().toString(36).toUpperCase();

  const gid = (type: string, remoteId: string) => toGlobalId({ organizationId: org, type, remoteId });
  const create = (mutation: string, field: string) => async (input: Record<string, unknown>): Promise<Made> => (await t.gql(mutation, { o: org, input }))[field].record;
  const remove = (m: Made) => t.gql(M.delete, { id: m.id });
  const lines = [{ description: "Desk assembly", quantity: "2", unitAmount: "100.00" }];
  const invoice = (status: string) => create(M.invoice, "createInvoice")({ contactId: gid("Contact", "client:3"), status, issueDate: "2026-11-01", dueDate: "2026-12-01", lines });

  const cases: TriggerCase[] = [
    {
      name: "invoice, draft: created, updated, deleted", entity: "Invoice",
      create: { run: () => invoice("DRAFT"), type: "INVOICE_CREATED", record: { status: "DRAFT", total: "200.00" } },
      // Daftra stamps `modified` to the second; this edit comes at least two polls (a second) after the creation.
      update: { run: (m) => t.gql(M.updateInvoice, { id: m.id, input: { reference: `PO-${tag}` } }), type: "INVOICE_UPDATED", record: { status: "DRAFT", reference: `PO-${tag}` } },
      end: { run: remove, type: "INVOICE_DELETED", record: null },
    },
    {
      name: "invoice, issued: created, then paid in part", entity: "Invoice",
      create: { run: () => invoice("AUTHORISED"), type: "INVOICE_CREATED", record: { status: "AUTHORISED", amountPaid: "0.00" } },
      update: {
        run: (m) => t.gql(M.payment, { o: org, input: { documentId: m.id, accountCode: "1201", date: "2026-11-10", amount: "50.00" } }),
        type: "INVOICE_UPDATED", record: { status: "PARTIALLY_PAID", amountPaid: "50.00" },
      },
    },
    {
      name: "invoice, issued and left alone", entity: "Invoice",
      create: { run: () => invoice("AUTHORISED"), type: "INVOICE_CREATED", record: { status: "AUTHORISED", total: "200.00" } },
    },
    {
      name: "product: created, edited in Daftra, deleted", entity: "Item",
      create: { run: () => create(M.item, "createItem")({ code: `P-${tag}`, name: "Footrest", salesUnitPrice: "120.00" }), type: "ITEM_CREATED", record: { code: `P-${tag}`, salesUnitPrice: "120.00" } },
      // No mutation edits a product: the edit is made as Daftra's app makes it, through the sandbox's own write.
      update: {
        run: async (m) => expect(editProduct(sandbox.books, Number(m.remoteId), { unit_price: "135.00" }, new Date())).toEqual({ id: Number(m.remoteId) }),
        type: "ITEM_UPDATED", record: { code: `P-${tag}`, salesUnitPrice: "135.00" },
      },
      end: { run: remove, type: "ITEM_DELETED", record: null },
    },
    {
      name: "product: created, then restocked", entity: "Item",
      create: { run: () => create(M.item, "createItem")({ code: `S-${tag}`, name: "Chair", salesUnitPrice: "60.00", isTracked: true }), type: "ITEM_CREATED", record: { quantityOnHand: "0" } },
      update: { run: (m) => t.gql(M.addStock, { i: m.id, q: "12" }), type: "ITEM_UPDATED", record: { quantityOnHand: "12" } },
    },
    {
      name: "contact: created, edited (no event), deleted", entity: "Contact",
      create: { run: () => create(M.contact, "createContact")({ name: `Qasim Labs ${tag}` }), type: "CONTACT_CREATED", record: { name: `Qasim Labs ${tag}` } },
      update: { run: (m) => t.gql(M.updateContact, { id: m.id, input: { email: "hello@qasim.example" } }), type: null },
      end: { run: remove, type: "CONTACT_DELETED", record: null },
    },
    {
      name: "quote (estimate): created, sent (no event), deleted", entity: "Quote",
      create: {
        run: () => create(M.quote, "createQuote")({ contactId: gid("Contact", "client:8"), issueDate: "2026-11-02", expiryDate: "2026-11-30", summary: "Office refit", lines }),
        type: "QUOTE_CREATED", record: { quoteStatus: "DRAFT", summary: "Office refit", total: "200.00" },
      },
      update: { run: (m) => t.gql(M.updateQuote, { id: m.id, input: { status: "SENT" } }), type: null },
      end: { run: remove, type: "QUOTE_DELETED", record: null },
    },
  ];

  beforeAll(async () => {
    t = await startLiveTriggers();
    org = sandboxOf(t, "DAFTRA").organization.id;
    sandbox = sandboxHandle<DaftraSandbox>(t, "DAFTRA");
    await t.baselines(org);
    ({ events, ...typed } = await t.listen({
      events: { query: EVENTS, variables: { o: [org] }, field: "events" },
      ...typedSubscriptions(["Invoice", "Contact", "Quote"], org),
    }));
    table = triggerTable(t, org, events, cases);
  });
  afterAll(async () => {
    await Promise.all([events, ...Object.values(typed ?? {})].filter(Boolean).map((s) => s.stop()));
    await t?.close();
  });

  it("a new invoice, product, contact and quote is CREATED once; a record only just created is never UPDATED", async () => {
    await table.run("create");
  });

  it("an edited or paid invoice and an edited or restocked product are UPDATED once; edits of contacts and quotes raise nothing", async () => {
    await table.run("update");
  });

  it("a deleted draft invoice, product, contact and quote is DELETED once, found gone by the full listing", async () => {
    await table.run("end");
  });

  it("over all stages each record raised exactly its events; the typed subscriptions agree with `events`", async () => {
    table.expectHistories();
    expectTypedAgree(events, typed);
    expect((await t.pollers(org)).filter((p) => p.lastError)).toEqual([]);
  });
});

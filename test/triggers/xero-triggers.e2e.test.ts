import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/global-id.js";
import { writeBankTransactions, writeCreditNotes } from "../../connectors/xero/sandbox/books/writes/index.js";
import type { Subscriber } from "./ws-subscriber.js";
import {
  awaitArrivals, EVENT_FIELDS, expectTypedAgree, startLiveTriggers, triggerTable, typedSubscriptions, type LiveEvent, type LiveTriggers, type Made, type TriggerCase,
} from "./live-triggers.js";

/**
 * Every trigger the Xero connector declares, end to end: the pollers run on their own timers and the
 * sandbox sends its webhooks, a partner app subscribes over graphql-ws, the test changes the Xero sandbox
 * (through the gateway's mutations, or through the sandbox's own writes where the schema has no
 * mutation), and each change arrives exactly once, with the right type and the record as it now is.
 */

const EVENTS = `subscription($o: [ID!]) { events(filter: { organizationIds: $o }) { ${EVENT_FIELDS}
  record { id remoteId updatedAt
    ... on Contact { name email contactStatus: status }
    ... on Invoice { invoiceStatus: status total reference amountPaid }
    ... on Bill { billStatus: status total reference }
    ... on BankTransaction { bankStatus: status total reference }
    ... on Payment { paymentStatus: status amount isReconciled }
    ... on Quote { quoteStatus: status total title }
    ... on CreditNote { creditStatus: status total remainingCredit }
  }
} }`;

const M = {
  contact: `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateContact: `mutation($id: ID!, $input: ContactUpdateInput!) { updateContact(id: $id, input: $input) { record { id } } }`,
  invoice: `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateInvoice: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { id } } }`,
  bill: `mutation($o: ID!, $input: DocumentInput!) { createBill(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateBill: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateBill(id: $id, input: $input) { record { id } } }`,
  bankTransaction: `mutation($o: ID!, $input: BankTransactionInput!) { createBankTransaction(organizationId: $o, input: $input) { record { id remoteId } } }`,
  payment: `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id remoteId } } }`,
  quote: `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId } } }`,
  updateQuote: `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { id } } }`,
  creditNote: `mutation($o: ID!, $input: CreditNoteInput!) { createCreditNote(organizationId: $o, input: $input) { record { id remoteId } } }`,
  allocate: `mutation($c: ID!, $d: ID!, $a: Decimal!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: $a) { amount } }`,
  delete: `mutation($id: ID!) { deleteRecord(id: $id) { outcome } }`,
};

describe("Xero triggers over graphql-ws", { timeout: 60_000 }, () => {
  let t: LiveTriggers;
  let org: string;
  let events: Subscriber<LiveEvent>;
  let typed: Record<string, Subscriber<LiveEvent>>;
  let table: ReturnType<typeof triggerTable>;

  const now = () => new Date().toISOString();
  const lines = (accountCode: string, unitAmount: string) => [{ description: "Trigger check", quantity: "1", unitAmount, accountCode }];
  const doc = (contactId: string, status: string, accountCode: string, unitAmount: string) => ({ contactId, status, issueDate: "2026-11-01", dueDate: "2026-11-30", lineAmountType: "NO_TAX", lines: lines(accountCode, unitAmount) });
  const create = (mutation: string, field: string) => async (input: Record<string, unknown>): Promise<Made> => (await t.gql(mutation, { o: org, input }))[field].record;
  const remove = (m: Made) => t.gql(M.delete, { id: m.id });
  /** A write through the Xero sandbox's own rules, as another app using Xero's API would make it. */
  function sandboxWrite(write: typeof writeBankTransactions | typeof writeCreditNotes, element: Record<string, unknown>) {
    const [result] = write(t.xero.books, [element], { now: now(), mode: "upsert" });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  }

  /** The cases, built once the sandbox's books are known: an open sales invoice to pay and credit, and its contact. */
  function cases(): TriggerCase[] {
    const open = t.xero.books.invoices.find((i) => i.Type === "ACCREC" && i.Status === "AUTHORISED" && i.AmountDue >= 100 && t.xero.books.contacts.some((c) => c.ContactID === i.Contact.ContactID && c.ContactStatus === "ACTIVE"))!;
    const openId = toGlobalId({ organizationId: org, type: "Invoice", remoteId: open.InvoiceID });
    const contactId = toGlobalId({ organizationId: org, type: "Contact", remoteId: open.Contact.ContactID });
    const bank = t.xero.books.accounts.find((a) => a.Type === "BANK" && a.Status === "ACTIVE")!.Code;
    const name = `Trigger Check ${Date.now()}`;
    return [
      {
        name: "contact", entity: "Contact",
        create: { run: () => create(M.contact, "createContact")({ name }), type: "CONTACT_CREATED", record: { name, contactStatus: "ACTIVE" } },
        update: { run: (m) => t.gql(M.updateContact, { id: m.id, input: { email: "accounts@trigger-check.example" } }), type: "CONTACT_UPDATED", record: { email: "accounts@trigger-check.example" } },
        // Xero never deletes contacts: archiving is an update.
        end: { run: remove, type: "CONTACT_UPDATED", record: { contactStatus: "ARCHIVED" } },
      },
      {
        name: "sales invoice, draft then deleted", entity: "Invoice",
        create: { run: () => create(M.invoice, "createInvoice")(doc(contactId, "DRAFT", "200", "500.00")), type: "INVOICE_CREATED", record: { invoiceStatus: "DRAFT", total: "500.00" } },
        update: { run: (m) => t.gql(M.updateInvoice, { id: m.id, input: { reference: "PO-7001" } }), type: "INVOICE_UPDATED", record: { invoiceStatus: "DRAFT", reference: "PO-7001" } },
        end: { run: remove, type: "INVOICE_DELETED", record: { invoiceStatus: "DELETED" } },
      },
      {
        name: "sales invoice, authorised then voided", entity: "Invoice",
        create: { run: () => create(M.invoice, "createInvoice")(doc(contactId, "AUTHORISED", "200", "250.00")), type: "INVOICE_CREATED", record: { invoiceStatus: "AUTHORISED", total: "250.00" } },
        end: { run: remove, type: "INVOICE_VOIDED", record: { invoiceStatus: "VOIDED", total: "250.00" } },
      },
      {
        name: "bill, draft then deleted", entity: "Bill",
        create: { run: () => create(M.bill, "createBill")(doc(contactId, "DRAFT", "429", "80.00")), type: "BILL_CREATED", record: { billStatus: "DRAFT", total: "80.00" } },
        update: { run: (m) => t.gql(M.updateBill, { id: m.id, input: { reference: "SUP-7002" } }), type: "BILL_UPDATED", record: { reference: "SUP-7002" } },
        end: { run: remove, type: "BILL_DELETED", record: { billStatus: "DELETED" } },
      },
      {
        name: "bill, authorised then voided", entity: "Bill",
        create: { run: () => create(M.bill, "createBill")(doc(contactId, "AUTHORISED", "429", "90.00")), type: "BILL_CREATED", record: { billStatus: "AUTHORISED", total: "90.00" } },
        end: { run: remove, type: "BILL_VOIDED", record: { billStatus: "VOIDED" } },
      },
      {
        name: "bank transaction, edited then deleted", entity: "BankTransaction",
        create: { run: () => create(M.bankTransaction, "createBankTransaction")({ kind: "SPEND", bankAccountCode: bank, contactId, date: "2026-11-10", lineAmountType: "NO_TAX", lines: lines("429", "12.50") }), type: "BANK_TRANSACTION_CREATED", record: { bankStatus: "AUTHORISED", total: "12.50" } },
        update: { run: async (m) => sandboxWrite(writeBankTransactions, { BankTransactionID: m.remoteId, Reference: "Receipt 7003" }), type: "BANK_TRANSACTION_UPDATED", record: { reference: "Receipt 7003" } },
        end: { run: async (m) => sandboxWrite(writeBankTransactions, { BankTransactionID: m.remoteId, Status: "DELETED" }), type: "BANK_TRANSACTION_DELETED", record: { bankStatus: "DELETED" } },
      },
      {
        name: "bank transaction, voided", entity: "BankTransaction",
        create: { run: () => create(M.bankTransaction, "createBankTransaction")({ kind: "RECEIVE", bankAccountCode: bank, contactId, date: "2026-11-10", lineAmountType: "NO_TAX", lines: lines("200", "7.25") }), type: "BANK_TRANSACTION_CREATED", record: { total: "7.25" } },
        end: { run: async (m) => sandboxWrite(writeBankTransactions, { BankTransactionID: m.remoteId, Status: "VOIDED" }), type: "BANK_TRANSACTION_VOIDED", record: { bankStatus: "VOIDED" } },
      },
      {
        name: "payment, then reconciled", entity: "Payment",
        create: { run: () => create(M.payment, "recordPayment")({ documentId: openId, accountCode: bank, date: "2026-11-10", amount: "10.00" }), type: "PAYMENT_CREATED", record: { amount: "10.00", isReconciled: false } },
        // Xero's API edits no payment; reconciling it against a bank statement line in Xero's app does.
        update: {
          run: async (m) => Object.assign(t.xero.books.payments.find((p) => p.PaymentID === m.remoteId)!, { IsReconciled: true, UpdatedDateUTC: now() }),
          type: "PAYMENT_UPDATED", record: { amount: "10.00", isReconciled: true },
        },
      },
      {
        name: "payment, then deleted", entity: "Payment",
        create: { run: () => create(M.payment, "recordPayment")({ documentId: openId, accountCode: bank, date: "2026-11-10", amount: "15.00" }), type: "PAYMENT_CREATED", record: { amount: "15.00" } },
        end: { run: remove, type: "PAYMENT_DELETED", record: { paymentStatus: "DELETED" } },
      },
      {
        name: "quote", entity: "Quote",
        create: { run: () => create(M.quote, "createQuote")({ contactId, issueDate: "2026-11-20", expiryDate: "2026-12-20", title: "Rebrand", lines: lines("200", "2400.00") }), type: "QUOTE_CREATED", record: { quoteStatus: "DRAFT", title: "Rebrand" } },
        update: { run: (m) => t.gql(M.updateQuote, { id: m.id, input: { title: "Rebrand (phase 1)" } }), type: "QUOTE_UPDATED", record: { title: "Rebrand (phase 1)" } },
        end: { run: remove, type: "QUOTE_DELETED", record: { quoteStatus: "DELETED" } },
      },
      {
        name: "credit note, then allocated", entity: "CreditNote",
        create: { run: () => create(M.creditNote, "createCreditNote")({ kind: "SALES", contactId, status: "AUTHORISED", issueDate: "2026-11-05", lineAmountType: "NO_TAX", lines: lines("200", "120.00") }), type: "CREDIT_NOTE_CREATED", record: { creditStatus: "AUTHORISED", remainingCredit: "120.00" } },
        update: { run: (m) => t.gql(M.allocate, { c: m.id, d: openId, a: "50.00" }), type: "CREDIT_NOTE_UPDATED", record: { total: "120.00", remainingCredit: "70.00" } },
      },
      {
        name: "credit note, voided", entity: "CreditNote",
        create: { run: () => create(M.creditNote, "createCreditNote")({ kind: "SALES", contactId, status: "AUTHORISED", issueDate: "2026-11-05", lineAmountType: "NO_TAX", lines: lines("200", "30.00") }), type: "CREDIT_NOTE_CREATED", record: { total: "30.00" } },
        end: { run: async (m) => sandboxWrite(writeCreditNotes, { CreditNoteID: m.remoteId, Status: "VOIDED" }), type: "CREDIT_NOTE_VOIDED", record: { creditStatus: "VOIDED" } },
      },
      {
        name: "credit note, draft then deleted", entity: "CreditNote",
        create: { run: () => create(M.creditNote, "createCreditNote")({ kind: "SALES", contactId, status: "DRAFT", lineAmountType: "NO_TAX", lines: lines("200", "20.00") }), type: "CREDIT_NOTE_CREATED", record: { creditStatus: "DRAFT" } },
        end: { run: async (m) => sandboxWrite(writeCreditNotes, { CreditNoteID: m.remoteId, Status: "DELETED" }), type: "CREDIT_NOTE_DELETED", record: { creditStatus: "DELETED" } },
      },
    ];
  }

  beforeAll(async () => {
    // As `npm start` runs it: the sandbox's signed webhooks reach the gateway too, so most changes are seen
    // twice (webhook and poll) and must still raise one event. Xero reports deletions as statuses: no
    // full listing falls due during the file, only the incremental reads and the webhooks find changes.
    t = await startLiveTriggers({ sandboxWebhooks: true, env: { LEDGERLINE_TRIGGER_RECONCILE_MINUTES: "60" } });
    org = t.organizationId;
    await t.baselines(org);
    ({ events, ...typed } = await t.listen({
      events: { query: EVENTS, variables: { o: [org] }, field: "events" },
      ...typedSubscriptions(["Invoice", "Bill", "Contact", "Payment", "Quote", "CreditNote"], org),
    }));
    table = triggerTable(t, org, events, cases());
  });
  afterAll(async () => {
    await Promise.all([events, ...Object.values(typed ?? {})].filter(Boolean).map((s) => s.stop()));
    await t?.close();
  });

  it("a new record of each kind is CREATED once, and a record only just created is never UPDATED", async () => {
    await table.run("create");
  });

  it("an edit of each kind is UPDATED once, with the record as it now is", async () => {
    await table.run("update");
  });

  it("voiding an authorised document is VOIDED, deleting a draft is DELETED, archiving a contact is UPDATED", async () => {
    await table.run("end");
  });

  it("over all stages each record raised exactly its events, webhooks and polls together; each typed subscription agrees with `events`", async () => {
    // Whatever the sandbox's webhooks still hold is delivered and looked up before the histories are read.
    await t.xero.flushWebhooks();
    await t.app.triggers!.webhooksIdle();
    expect(t.xero.webhookStats()).toMatchObject({ pending: 0, failed: 0, dropped: 0 });
    expect(t.xero.webhookStats().eventsSent).toBeGreaterThan(0);
    table.expectHistories();
    expectTypedAgree(events, typed);
    expect((await t.pollers(org)).filter((p) => p.lastError)).toEqual([]);
  });

  it("a record stamped ahead of the gateway's clock does not hide the records created after it", async () => {
    // As a provider whose clock runs an hour ahead would stamp an edit; the seeded books stamp some of today's records later in the day too.
    const ahead = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE" && ![...table.made.values()].some((m) => m.remoteId === c.ContactID))!;
    ahead.UpdatedDateUTC = new Date(Date.now() + 3_600_000).toISOString();
    const aheadId = toGlobalId({ organizationId: org, type: "Contact", remoteId: ahead.ContactID });
    expect(await awaitArrivals(events, [["CONTACT_UPDATED", aheadId]])).toEqual([]);
    const later: Made = (await t.gql(M.contact, { o: org, input: { name: `After The Clock ${Date.now()}` } })).createContact.record;
    expect(await awaitArrivals(events, [["CONTACT_CREATED", later.id]]), "a contact created after a future-stamped edit").toEqual([]);
  });
});

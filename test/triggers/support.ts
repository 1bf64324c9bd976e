import { expect } from "vitest";
import type { EntityName } from "../../src/connector/entities.js";
import type { StoredEvent } from "../../src/triggers/event.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { startTestLedgerline, type TestLedgerline, type TestLedgerlineOptions } from "../e2e/start-test-ledgerline.js";

/** The gateway on the Xero sandbox with triggers on, pollers run only when a test asks (`poll`). */
export async function startTriggerLedgerline(options: TestLedgerlineOptions = {}) {
  const t = await startTestLedgerline({ ...options, env: { LEDGERLINE_TRIGGERS: "on", ...options.env }, triggers: { mode: "manual", ...options.triggers } });
  const runtime = t.app.triggers!;
  return {
    ...t,
    runtime,
    poll: (entity: EntityName) => runtime.pollNow(t.organizationId, entity),
    /** Every event in the log, oldest first. */
    allEvents: async (): Promise<StoredEvent[]> => runtime.log.readAfter(undefined, 10_000),
    globalId: (type: EntityName, remoteId: string) => toGlobalId({ organizationId: t.organizationId, type, remoteId }),
    /** Runs a GraphQL operation with the local key and fails the test on errors. */
    async run(query: string, variables?: Record<string, unknown>) {
      const { body } = await t.post(query, variables);
      expect(body.errors).toBeUndefined();
      return body.data!;
    },
  };
}
export type TriggerLedgerline = Awaited<ReturnType<typeof startTriggerLedgerline>>;
export type { TestLedgerline };

export const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { record { id remoteId status } } }`;
export const UPDATE_INVOICE = `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { id status reference } } }`;
export const CREATE_CONTACT = `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { record { id remoteId } } }`;
export const RECORD_PAYMENT = `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id remoteId } } }`;
export const DELETE_RECORD = `mutation($id: ID!) { deleteRecord(id: $id) { outcome } }`;

/** A sales invoice for an active contact of the sandbox, through the gateway's mutation. */
export async function createInvoice(t: TriggerLedgerline, status = "DRAFT"): Promise<{ id: string; remoteId: string }> {
  const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
  const input = {
    contactId: t.globalId("Contact", contact.ContactID), status, issueDate: "2026-11-01", dueDate: "2026-11-30",
    lines: [{ description: "Consulting", quantity: "1", unitAmount: "500.00", accountCode: "200" }],
  };
  return (await t.run(CREATE_INVOICE, { o: t.organizationId, input })).createInvoice.record;
}

/** Events appended after `before` (a count of events already in the log). */
export async function newEvents(t: TriggerLedgerline, before: number): Promise<StoredEvent[]> {
  return (await t.allEvents()).slice(before);
}

export const summary = (events: StoredEvent[]) => events.map((e) => `${e.type} ${e.remoteId}`);

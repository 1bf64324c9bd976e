import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxOf, startTestLedgerline, storedBooks, type GraphQLBody, type StoredBooks, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

/**
 * Daftra and Clientary do not deduplicate creates; the gateway's durable idempotency store gives the
 * guarantee instead: one record per key, however many times and however concurrently it is sent,
 * and still after the gateway restarts on the same data folder.
 */

const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!, $key: String) {
  createInvoice(organizationId: $o, input: $input, idempotencyKey: $key) { replayed record { id remoteId total } } }`;
const CREATE_CONTACT = `mutation($o: ID!, $input: ContactInput!, $key: String) {
  createContact(organizationId: $o, input: $input, idempotencyKey: $key) { replayed record { id remoteId name } } }`;

type Provider = keyof StoredBooks;

interface Case {
  mutation: "createInvoice" | "createContact";
  query: string;
  key: string;
  input: (organizationId: string, books: StoredBooks[Provider]) => Record<string, unknown>;
  changed: (input: Record<string, unknown>) => Record<string, unknown>;
  /** The records the sandbox stored for an input (matched on its unique reference or name). */
  stored: (books: StoredBooks[Provider], input: Record<string, unknown>) => unknown[];
}

interface ProviderCases {
  provider: Provider;
  invoice: Case;
  contact: Case;
}

const contactCase = (provider: Provider, stored: Case["stored"]): Case => ({
  mutation: "createContact",
  query: CREATE_CONTACT,
  key: `contact-once-${provider}`,
  input: () => ({ name: `Once Only ${provider} Co`, email: "once@only.example" }),
  changed: (input) => ({ ...input, name: `${input.name as string} (renamed)` }),
  stored,
});

const invoiceCase = (provider: Provider, contactRemoteId: (books: StoredBooks[Provider]) => string, stored: Case["stored"]): Case => ({
  mutation: "createInvoice",
  query: CREATE_INVOICE,
  key: `invoice-once-${provider}`,
  input: (organizationId, books) => ({
    contactId: toGlobalId({ organizationId, type: "Contact", remoteId: contactRemoteId(books) }),
    issueDate: "2026-11-12",
    dueDate: "2026-12-12",
    reference: `once-only-${provider}`,
    lines: [{ description: "Retainer", quantity: "1", unitAmount: "300.00" }],
  }),
  changed: (input) => ({ ...input, reference: `${input.reference as string}-changed`, lines: [{ description: "Retainer", quantity: "1", unitAmount: "310.00" }] }),
  stored,
});

const daftra = (books: StoredBooks[Provider]) => books as StoredBooks["DAFTRA"];
const clientary = (books: StoredBooks[Provider]) => books as StoredBooks["CLIENTARY"];

const PROVIDERS: ProviderCases[] = [
  {
    provider: "DAFTRA",
    invoice: invoiceCase("DAFTRA", () => "client:3", (books, input) => daftra(books).invoices.filter((i) => i.po_number === input.reference)),
    contact: contactCase("DAFTRA", (books, input) => daftra(books).clients.filter((c) => c.business_name === input.name)),
  },
  {
    provider: "CLIENTARY",
    invoice: invoiceCase("CLIENTARY", (books) => String(clientary(books).clients[0]!.id), (books, input) => clientary(books).invoices.filter((i) => i.po === input.reference)),
    contact: contactCase("CLIENTARY", (books, input) => clientary(books).clients.filter((c) => c.name === input.name)),
  },
];

describe.each(PROVIDERS)("idempotency keys at $provider survive concurrency and a restart", ({ provider, invoice, contact }) => {
  let dataDir: string;
  let t: TestLedgerline;
  let organizationId: string;
  /** Each case's input and the id of the record its first call created. */
  const firsts = new Map<Case, { input: Record<string, unknown>; id: string; remoteId: string }>();
  const upstream = () => sandboxOf(t, provider).requestCount();
  const payload = (c: Case, body: GraphQLBody) => body.data?.[c.mutation] as { replayed: boolean; record: { id: string; remoteId: string } } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ledgerline-idempotency-"));
    t = await startTestLedgerline({ dataDir, env: { LEDGERLINE_TRIGGERS: "off" } });
    organizationId = sandboxOf(t, provider).organization.id;
  });
  afterAll(async () => {
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each([invoice, contact].map((c) => [c.mutation, c] as const))("%s sent 20 times at once with one key creates one record; 19 are replayed", async (_name, c) => {
    const input = c.input(organizationId, await storedBooks(t, provider));
    const variables = { o: organizationId, key: c.key, input };
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.post(c.query, variables)));
    for (const answer of answers) expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    const records = answers.map((a) => payload(c, a.body)!);
    expect(new Set(records.map((r) => r.record.id)).size).toBe(1);
    expect(records.filter((r) => r.replayed)).toHaveLength(19);

    const stored = c.stored(await storedBooks(t, provider), input);
    expect(stored).toHaveLength(1);
    firsts.set(c, { input, id: records[0]!.record.id, remoteId: records[0]!.record.remoteId });
  });

  it("the same key with a different input is refused, naming idempotencyKey, and creates nothing", async () => {
    for (const c of [invoice, contact]) {
      const first = firsts.get(c)!;
      const before = upstream();
      const { body } = await t.post(c.query, { o: organizationId, key: c.key, input: c.changed(first.input) });
      expect(body.errors?.[0]?.extensions, c.mutation).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] });
      expect(upstream() - before, `${c.mutation}: upstream requests`).toBe(0);
      expect(c.stored(await storedBooks(t, provider), c.changed(first.input)), c.mutation).toHaveLength(0);
    }
  });

  it("after a restart on the same data folder the key still returns the first record (replayed), with no second one and no upstream call", async () => {
    await t.close();
    t = await startTestLedgerline({ dataDir, env: { LEDGERLINE_TRIGGERS: "off" } });
    expect(sandboxOf(t, provider).organization.id).toBe(organizationId);

    for (const c of [invoice, contact]) {
      const first = firsts.get(c)!;
      const before = upstream();
      const { body } = await t.post(c.query, { o: organizationId, key: c.key, input: first.input });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(payload(c, body)).toMatchObject({ replayed: true, record: { id: first.id, remoteId: first.remoteId } });
      expect(upstream() - before, `${c.mutation}: upstream requests`).toBe(0);
      expect(c.stored(await storedBooks(t, provider), first.input), c.mutation).toHaveLength(1);

      const changed = await t.post(c.query, { o: organizationId, key: c.key, input: c.changed(first.input) });
      expect(changed.body.errors?.[0]?.extensions, c.mutation).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] });
      expect(c.stored(await storedBooks(t, provider), c.changed(first.input)), c.mutation).toHaveLength(0);
    }
  });

  it("the record is still there to read after the restart, and a new key creates a second one", async () => {
    const first = firsts.get(invoice)!;
    const read = await t.post(`query($id: ID!) { node(id: $id) { id ... on Invoice { total reference } } }`, { id: first.id });
    expect(read.body.data!.node).toMatchObject({ id: first.id, total: "300.00", reference: first.input.reference });
    const { body } = await t.post(CREATE_INVOICE, { o: organizationId, key: `${invoice.key}-2`, input: first.input });
    expect(payload(invoice, body)).toMatchObject({ replayed: false });
    expect(payload(invoice, body)!.record.id).not.toBe(first.id);
    expect(invoice.stored(await storedBooks(t, provider), first.input)).toHaveLength(2);
  });
});

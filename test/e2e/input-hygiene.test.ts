import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectors } from "../../connectors/index.js";
import { supports } from "../../src/connector/capabilities.js";
import { toGlobalId } from "../../src/ids/global-id.js";
import { remoteIdProblem } from "../../src/ids/remote-id-shape.js";
import { silentLogger } from "../../src/infra/logger.js";
import { createAdapterPool } from "../../src/organizations/adapter-pool.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { runOverWs } from "../support/start-test-gateway.js";
import { sandboxOf, startTestLedgerline, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";

const GUID_A = "0a1b2c3d-0000-4000-8000-000000000001";
const GUID_B = "0a1b2c3d-0000-4000-8000-000000000002";
const INVOICES = `query($o: ID!, $f: InvoiceFilter) { organization(id: $o) { invoices(first: 2, filter: $f) { edges { node { id } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
const CREATE_CONTACT = `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input, dryRun: true) { request { body } } }`;
const CREATE_INVOICE = `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input, dryRun: true) { request { method } } }`;
const ADD_NOTE = `mutation($id: ID!, $note: String!) { addNote(id: $id, note: $note, dryRun: true) { id } }`;

/** The single BAD_USER_INPUT of a refused operation, with the fields it names. */
function refusal(body: GraphQLBody) {
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  const [error] = body.errors!;
  expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
  return { message: error!.message, fields: (error!.extensions?.fields as Array<{ field: string; message: string }>).map((f) => f.field), error: error! };
}

describe("input hygiene: every bad input is refused before any upstream call", () => {
  let t: TestLedgerline;
  const upstream = () => t.app.sandboxes.reduce((n, s) => n + s.requestCount(), 0);
  /** Runs an operation and returns its body with the number of provider calls it made. */
  const run = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const before = upstream();
    const { body } = await t.post(query, variables, key);
    return { body, calls: upstream() - before };
  };
  let invoiceId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestLedgerline({ sandboxLimits: "relaxed" });
    const { body } = await t.post(`query($o: ID!) { organization(id: $o) { invoices(first: 1) { edges { node { id contact { id } } } } } }`, { o: t.organizationId });
    invoiceId = body.data!.organization.invoices.edges[0].node.id;
    contactId = body.data!.organization.invoices.edges[0].node.contact.id;
  });
  afterAll(() => t?.close());

  describe("length limits (10b)", () => {
    it("a 20,000-character search is BAD_USER_INPUT naming filter.search and the limit, not PROVIDER_UNAVAILABLE", async () => {
      const { body, calls } = await run(INVOICES, { o: t.organizationId, f: { search: "x".repeat(20_000) } });
      const { fields, message } = refusal(body);
      expect(fields).toEqual(["filter.search"]);
      expect(message).toMatch(/20000 characters.*at most 1000/);
      expect(calls).toBe(0);
    });

    it("a 100,000-character id is BAD_USER_INPUT naming the id, also when it encodes a well-formed global id", async () => {
      const encoded = toGlobalId({ organizationId: t.organizationId, type: "Invoice", remoteId: "a".repeat(100_000) });
      for (const id of ["A".repeat(100_000), encoded]) {
        const { body, calls } = await run(NODE, { id });
        const { fields, message } = refusal(body);
        expect(fields).toEqual(["id"]);
        expect(message).toMatch(/at most 512/);
        expect(calls).toBe(0);
      }
    });

    it("descriptions take more than the default: 3,000 characters pass, 5,000 are refused naming input.lines[0].description", async () => {
      const invoice = (description: string) => ({ o: t.organizationId, input: { contactId, lines: [{ description, quantity: "1", unitAmount: "10.00" }] } });
      expect((await run(CREATE_INVOICE, invoice("d".repeat(3_000)))).body.errors).toBeUndefined();
      const { body, calls } = await run(CREATE_INVOICE, invoice("d".repeat(5_000)));
      const { fields, message } = refusal(body);
      expect(fields).toEqual(["input.lines[0].description"]);
      expect(message).toMatch(/at most 4000/);
      expect(calls).toBe(0);
    });

    it("every string and id argument of every field is limited, including lists of ids and nested inputs", async () => {
      const long = "q".repeat(1_001);
      const nested = await run(CREATE_INVOICE, { o: t.organizationId, input: { contactId, reference: long, lines: [{ description: "ok", tracking: [{ categoryName: long, optionName: "x" }] }] } });
      expect(refusal(nested.body).fields.sort()).toEqual(["input.lines[0].tracking[0].categoryName", "input.reference"]);
      const ids = await run(NODES, { ids: [invoiceId, "i".repeat(513)] });
      expect(refusal(ids.body).fields).toEqual(["ids[1]"]);
      expect(nested.calls + ids.calls).toBe(0);
    });
  });

  it("the same checks hold over WebSocket", async () => {
    const client = createClient({ url: t.app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${t.app.localApiKey}` } });
    try {
      const before = upstream();
      const outcome = await runOverWs(client, { query: INVOICES, variables: { o: t.organizationId, f: { search: "bad\u001b[2J" } } });
      const errors = (outcome.results[0]?.errors ?? outcome.error) as Array<{ extensions?: Record<string, unknown> }>;
      expect(errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "filter.search" })] });
      expect(upstream() - before).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  describe("control characters (10c)", () => {
    it.each([
      ["NUL", "Acme\u0000Ltd"],
      ["an ANSI escape", "Acme \u001b[31mLtd"],
      ["a C1 control", "Acme\u009bLtd"],
      ["DEL", "Acme\u007fLtd"],
      ["a lone surrogate", "Acme\ud800Ltd"],
      ["a line break in a one-line field", "Acme\nLtd"],
    ])("%s in a name is BAD_USER_INPUT naming input.name", async (_what, name) => {
      const { body, calls } = await run(CREATE_CONTACT, { o: t.organizationId, input: { name } });
      const { fields } = refusal(body);
      expect(fields).toEqual(["input.name"]);
      expect(calls).toBe(0);
    });

    it("line breaks and tabs pass in a multi-line field (a note); a NUL there does not", async () => {
      expect((await run(ADD_NOTE, { id: invoiceId, note: "line one\n\tline two" })).body.errors).toBeUndefined();
      expect(refusal((await run(ADD_NOTE, { id: invoiceId, note: "line\u0000" })).body).fields).toEqual(["note"]);
    });

    it("emoji and other well-formed text pass", async () => {
      const { body } = await run(CREATE_CONTACT, { o: t.organizationId, input: { name: "Café 😀 شركة" } });
      expect(body.errors).toBeUndefined();
      expect(JSON.stringify(body.data!.createContact.request.body)).toContain("Café 😀 شركة");
    });
  });

  describe("forged provider ids (10d)", () => {
    const xeroId = (type: string, remoteId: string) => toGlobalId({ organizationId: t.organizationId, type, remoteId });

    it("a Contact id whose remote id is `guid1,guid2` cannot widen Xero's IDs= filter", async () => {
      const { body, calls } = await run(INVOICES, { o: t.organizationId, f: { contactId: xeroId("Contact", `${GUID_A},${GUID_B}`) } });
      const { fields, message } = refusal(body);
      expect(fields).toEqual(["filter.contactId"]);
      expect(message).toMatch(/GUID/);
      expect(calls).toBe(0);
    });

    it("a forged Contact id inside a write's input is refused naming input.contactId", async () => {
      const input = { contactId: xeroId("Contact", `${GUID_A},${GUID_B}`), lines: [{ description: "x", quantity: "1", unitAmount: "1.00" }] };
      const { body, calls } = await run(CREATE_INVOICE, { o: t.organizationId, input });
      expect(refusal(body).fields).toEqual(["input.contactId"]);
      expect(calls).toBe(0);
    });

    it("node and nodes refuse a Xero id that is not a GUID, naming the argument", async () => {
      const forged = xeroId("Invoice", `${GUID_A},${GUID_B}`);
      const single = await run(NODE, { id: forged });
      expect(refusal(single.body).fields).toEqual(["id"]);
      const many = await run(NODES, { ids: [invoiceId, forged] });
      expect(many.body.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: "ids[1]" })]);
      expect(single.calls).toBe(0);
    });

    it("a Daftra id that is not a number is refused the same way", async () => {
      const daftra = sandboxOf(t, "DAFTRA").organization.id;
      const { body, calls } = await run(NODE, { id: toGlobalId({ organizationId: daftra, type: "Invoice", remoteId: "1 OR 1=1" }) });
      expect(refusal(body).fields).toEqual(["id"]);
      expect(calls).toBe(0);
    });

    it("every id the three sandboxes hand out fits its connector's declared shape, and fetches by id through the guard", async () => {
      const services = t.app.services;
      const pool = createAdapterPool({ connectors, store: services.connectorStore, cache: memoryStore(), secrets: services.secrets, logger: silentLogger, clock: { now: () => new Date() } });
      let checked = 0;
      for (const running of t.app.sandboxes) {
        const adapter = pool.adapterFor(running.organization);
        for (const [entity, capability] of Object.entries(adapter.capabilities.entities)) {
          if (!capability || !supports(adapter.capabilities, entity as never, "list")) continue;
          const page = await adapter.list(entity as never, { first: 5, offset: 0, filter: {} });
          const ids = page.items.map((item) => (item as { remoteId: string }).remoteId);
          for (const id of ids) expect(remoteIdProblem(adapter.capabilities.remoteIds, adapter.provider, entity as never, id), `${adapter.provider} ${entity} ${id}`).toBeUndefined();
          if (ids.length && supports(adapter.capabilities, entity as never, "get")) expect((await adapter.getMany(entity as never, ids)).filter(Boolean)).toHaveLength(ids.length);
          checked += ids.length;
        }
        expect(adapter.capabilities.remoteIds, adapter.provider).toBeDefined();
      }
      expect(checked).toBeGreaterThan(50);
    });
  });

  describe("nodes with some bad entries (10e)", () => {
    it("nulls only the forbidden, malformed or wrongly typed entries, each with its own error at nodes[i]", async () => {
      const { key } = await t.app.services.apiKeys.create({ name: "xero only", organizationIds: [t.organizationId] });
      const daftraInvoice = toGlobalId({ organizationId: sandboxOf(t, "DAFTRA").organization.id, type: "Invoice", remoteId: "1" });
      const organizationTyped = toGlobalId({ organizationId: t.organizationId, type: "Organization", remoteId: t.organizationId });
      const { body } = await run(NODES, { ids: [invoiceId, daftraInvoice, "not-an-id", organizationTyped, invoiceId] }, key);
      expect(body.data!.nodes).toEqual([{ id: invoiceId }, null, null, null, { id: invoiceId }]);
      const byIndex = Object.fromEntries(body.errors!.map((e) => [String(e.path?.[1]), e]));
      expect(body.errors!.map((e) => e.path)).toEqual(expect.arrayContaining([["nodes", 1], ["nodes", 2], ["nodes", 3]]));
      expect(body.errors).toHaveLength(3);
      expect(byIndex["1"]!.extensions?.code).toBe("NOT_FOUND");
      expect(byIndex["2"]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "ids[2]" })] });
      expect(byIndex["3"]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "ids[3]" })] });
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { startTestLedgerline, type TestLedgerline } from "../e2e/start-test-ledgerline.js";
import { CREATE_INVOICE, DELETE_RECORD, RECORD_PAYMENT, startTriggerLedgerline, type TriggerLedgerline } from "../triggers/support.js";

/**
 * The read path end to end on the real gateway and the Xero sandbox: with the mirror on (triggers on,
 * pollers run by hand), lists, node, nodes and nested contacts of entities in sync are answered from
 * the mirror with no upstream call (the sandbox's request count says so); writes are read back at
 * once; `source` chooses; and with the mirror off, nothing changes but MIRROR is refused.
 */

const INVOICES = `query($o: ID!, $first: Int, $after: String, $source: ReadSource, $filter: InvoiceFilter) {
  organization(id: $o) { invoices(first: $first, after: $after, source: $source, filter: $filter) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id remoteId number issueDate status freshness { source syncedAt } contact { id name freshness { source } } } }
  } }
}`;
const TOTAL = `query($o: ID!, $source: ReadSource, $filter: InvoiceFilter) { organization(id: $o) { invoices(first: 1, source: $source, filter: $filter) { totalCount } } }`;
const NODE = `query($id: ID!, $source: ReadSource) { node(id: $id, source: $source) { id freshness { source syncedAt } ... on Invoice { number contact { name freshness { source } } } } }`;
const NODES = `query($ids: [ID!]!, $source: ReadSource) { nodes(ids: $ids, source: $source) { id freshness { source } ... on Invoice { contact { name } } } }`;
const QUOTES = `query($o: ID!, $source: ReadSource, $filter: QuoteFilter) { organization(id: $o) { quotes(first: 200, source: $source, filter: $filter) { edges { node { remoteId status number } } } } }`;
const MIRROR = `query($o: ID!) { organization(id: $o) { mirror { state entities { entity state records syncedAt lagSeconds backfilled } } } }`;
const CAPABILITIES = `query($o: ID!) { organization(id: $o) { capabilities { subject operation supported runsAt } } }`;

interface Edge {
  cursor: string;
  node: { id: string; remoteId: string; number: string; issueDate: string; status: string; freshness: { source: string; syncedAt: string }; contact: { id: string; name: string; freshness: { source: string } } | null };
}

describe("reads with the mirror on (Xero sandbox)", { timeout: 120_000 }, () => {
  let t: TriggerLedgerline;
  const calls = () => t.xero.stats.total;
  const salesInvoices = () => t.xero.books.invoices.filter((i) => i.Type === "ACCREC");
  /** Runs `read` and returns its data with the upstream calls it made. */
  async function counted<T>(read: () => Promise<T>): Promise<{ data: T; upstream: number }> {
    const before = calls();
    const data = await read();
    return { data, upstream: calls() - before };
  }
  const invoices = (variables: Record<string, unknown>) => t.run(INVOICES, { o: t.organizationId, ...variables }).then((d) => d.organization.invoices as { pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string }; edges: Edge[] });

  beforeAll(async () => {
    t = await startTriggerLedgerline({ env: { LEDGERLINE_KEY_BUDGET_PERCENT: "100" } });
  });
  afterAll(() => t?.close());

  it("before any poll: organization { mirror } is BACKFILLING, MIRROR is MIRROR_NOT_READY, and AUTO answers live", async () => {
    const { mirror } = (await t.run(MIRROR, { o: t.organizationId })).organization;
    expect(mirror.state).toBe("BACKFILLING");
    expect(mirror.entities.find((e: { entity: string }) => e.entity === "Invoice")).toMatchObject({ state: "BACKFILLING", syncedAt: null, lagSeconds: null });

    const refused = await t.post(INVOICES, { o: t.organizationId, source: "MIRROR" });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("MIRROR_NOT_READY");
    expect(refused.body.errors?.[0]?.message).toMatch(/organization \{ mirror/);

    const { data, upstream } = await counted(() => invoices({ first: 5 }));
    expect(upstream).toBeGreaterThan(0);
    expect(data.edges.every((e) => e.node.freshness.source === "LIVE" && !e.cursor.startsWith("m:"))).toBe(true);
  });

  it("after polling invoices and contacts: lists, totalCount, the next page and nested contacts come from the mirror with no upstream call", async () => {
    await t.poll("Invoice");
    await t.poll("Contact");
    const { mirror } = (await t.run(MIRROR, { o: t.organizationId })).organization;
    const invoiceRow = mirror.entities.find((e: { entity: string }) => e.entity === "Invoice");
    expect(invoiceRow).toMatchObject({ state: "IN_SYNC", backfilled: null });
    expect(invoiceRow.records).toBe(salesInvoices().length);
    expect(invoiceRow.lagSeconds).toBeGreaterThanOrEqual(0);

    const first = await counted(() => invoices({ first: 25 }));
    expect(first.upstream).toBe(0);
    expect(first.data.edges).toHaveLength(25);
    expect(first.data.edges.every((e) => e.cursor.startsWith("m:") && e.node.freshness.source === "MIRROR" && e.node.contact?.freshness.source === "MIRROR")).toBe(true);
    // Newest first, as the mirror orders documents.
    const dates = first.data.edges.map((e) => e.node.issueDate);
    expect(dates).toEqual([...dates].sort().reverse());
    // Each contact is the one the books hold.
    for (const { node } of first.data.edges.slice(0, 5)) {
      const stored = salesInvoices().find((i) => i.InvoiceID === node.remoteId)!;
      expect(node.contact?.name).toBe(t.xero.books.contacts.find((c) => c.ContactID === stored.Contact.ContactID)!.Name);
    }

    const second = await counted(() => invoices({ first: 25, after: first.data.pageInfo.endCursor }));
    expect(second.upstream).toBe(0);
    expect(second.data.pageInfo.hasPreviousPage).toBe(true);
    const ids = [...first.data.edges, ...second.data.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(50);

    const total = await counted(() => t.run(TOTAL, { o: t.organizationId, filter: { status: ["PAID"] } }));
    expect(total.upstream).toBe(0);
    expect(total.data.organization.invoices.totalCount).toBe(salesInvoices().filter((i) => i.Status === "PAID").length);
  });

  it("walks the whole mirror list once, with no upstream call: the same invoices as the live list, each once", async () => {
    const walk = async (source: "AUTO" | "LIVE") => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await invoices({ first: 200, source, ...(after ? { after } : {}) });
        seen.push(...page.edges.map((e) => e.node.remoteId));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
      return seen;
    };
    const mirrored = await counted(() => walk("AUTO"));
    expect(mirrored.upstream).toBe(0);
    expect(new Set(mirrored.data).size).toBe(mirrored.data.length);
    expect(new Set(mirrored.data)).toEqual(new Set(await walk("LIVE")));
  });

  it("node and nodes (with their contacts) come from the mirror with no upstream call", async () => {
    const page = await invoices({ first: 3 });
    const ids = page.edges.map((e) => e.node.id);
    const one = await counted(() => t.run(NODE, { id: ids[0] }));
    expect(one.upstream).toBe(0);
    expect(one.data.node).toMatchObject({ id: ids[0], freshness: { source: "MIRROR" }, contact: { freshness: { source: "MIRROR" } } });
    const many = await counted(() => t.run(NODES, { ids }));
    expect(many.upstream).toBe(0);
    expect(many.data.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    expect(many.data.nodes.every((n: { freshness: { source: string }; contact: { name: string } | null }) => n.freshness.source === "MIRROR" && n.contact?.name)).toBe(true);
  });

  it("the provider's raw payload of a mirrored record is the one a live read gives, with no upstream call", async () => {
    const RAW = `query($o: ID!, $source: ReadSource) { organization(id: $o) { invoices(first: 5, source: $source) { edges { node { remoteId raw freshness { source } contact { raw } } } } } }`;
    type RawEdge = { node: { remoteId: string; raw: Record<string, unknown>; freshness: { source: string }; contact: { raw: Record<string, unknown> } | null } };
    const mirrored = await counted(() => t.run(RAW, { o: t.organizationId }));
    expect(mirrored.upstream).toBe(0);
    const edges = mirrored.data.organization.invoices.edges as RawEdge[];
    expect(edges.length).toBe(5);
    const live = (await t.run(RAW, { o: t.organizationId, source: "LIVE" })).organization.invoices.edges as RawEdge[];
    const liveById = new Map(live.map((e) => [e.node.remoteId, e.node]));
    for (const { node } of edges) {
      expect(node.freshness.source).toBe("MIRROR");
      expect(node.raw).toMatchObject({ InvoiceID: node.remoteId, Type: "ACCREC" });
      if (liveById.has(node.remoteId)) expect(node.raw).toEqual(liveById.get(node.remoteId)!.raw);
      expect(node.contact?.raw).toMatchObject({ ContactID: expect.any(String) });
    }
  });

  it("source: LIVE reads the provider, with offset cursors and LIVE freshness", async () => {
    const live = await counted(() => invoices({ first: 5, source: "LIVE" }));
    expect(live.upstream).toBeGreaterThan(0);
    expect(live.data.edges.every((e) => e.node.freshness.source === "LIVE" && !e.cursor.startsWith("m:"))).toBe(true);
    const node = await counted(() => t.run(NODE, { id: live.data.edges[0]!.node.id, source: "LIVE" }));
    expect(node.upstream).toBeGreaterThan(0);
    expect(node.data.node.freshness.source).toBe("LIVE");
    // A cursor of the other source is refused on `after`.
    const mirrorCursor = (await invoices({ first: 1 })).pageInfo.endCursor;
    const refused = await t.post(INVOICES, { o: t.organizationId, source: "LIVE", after: mirrorCursor });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "after" })] });
  });

  it("filters Xero cannot apply work on the mirror (quotes by text and by several statuses); LIVE keeps refusing them; capabilities say where each runs", async () => {
    await t.poll("Quote");
    const before = calls();
    const quotes = t.xero.books.quotes.filter((q) => q.Status !== "DELETED");
    const someone = quotes[0]!;
    const searched = (await t.run(QUOTES, { o: t.organizationId, filter: { search: someone.QuoteNumber } })).organization.quotes.edges;
    expect(searched.map((e: { node: { remoteId: string } }) => e.node.remoteId)).toContain(someone.QuoteID);
    const two = (await t.run(QUOTES, { o: t.organizationId, filter: { status: ["SENT", "ACCEPTED"] } })).organization.quotes.edges;
    expect(new Set(two.map((e: { node: { status: string } }) => e.node.status))).toEqual(new Set(["SENT", "ACCEPTED"]));
    expect(two).toHaveLength(quotes.filter((q) => q.Status === "SENT" || q.Status === "ACCEPTED").length);
    expect(calls() - before).toBe(0);

    const live = await t.post(QUOTES, { o: t.organizationId, source: "LIVE", filter: { search: "x" } });
    expect(live.body.errors?.[0]?.extensions?.code).toBe("NOT_SUPPORTED");

    const rows = (await t.run(CAPABILITIES, { o: t.organizationId })).organization.capabilities as Array<{ subject: string; operation: string; supported: boolean; runsAt: string | null }>;
    const row = (subject: string, operation: string) => rows.find((r) => r.subject === subject && r.operation === operation);
    expect(row("Quote", "filter:search")).toEqual({ subject: "Quote", operation: "filter:search", supported: false, runsAt: "MIRROR" });
    expect(row("Invoice", "filter:status")).toMatchObject({ supported: true, runsAt: "BOTH" });
    expect(row("Invoice", "list")).toMatchObject({ runsAt: null });
  });

  it("a created invoice is in the mirror list at once, and a deleted one shows as Xero keeps it (DELETED), with no read upstream", async () => {
    const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const input = {
      contactId: t.globalId("Contact", contact.ContactID), status: "DRAFT", issueDate: "2099-12-31", dueDate: "2099-12-31",
      lines: [{ description: "Read your write", quantity: "1", unitAmount: "10.00", accountCode: "200" }],
    };
    const created = (await t.run(CREATE_INVOICE, { o: t.organizationId, input })).createInvoice.record as { id: string; remoteId: string };
    const listed = await counted(() => invoices({ first: 1 }));
    expect(listed.upstream).toBe(0);
    expect(listed.data.edges[0]!.node).toMatchObject({ id: created.id, status: "DRAFT", freshness: { source: "MIRROR" } });
    const byId = await counted(() => t.run(NODE, { id: created.id, source: "MIRROR" }));
    expect(byId.upstream).toBe(0);
    expect(byId.data.node.id).toBe(created.id);

    // Xero keeps a deleted invoice, as DELETED, and lists it: the mirror reads it back and shows the same.
    await t.run(DELETE_RECORD, { id: created.id });
    const after = await counted(() => invoices({ first: 1 }));
    expect(after.upstream).toBe(0);
    expect(after.data.edges[0]!.node).toMatchObject({ id: created.id, status: "DELETED" });
    const live = await invoices({ first: 1, source: "LIVE", filter: { dateFrom: "2099-12-31" } });
    expect(live.edges.map((e) => [e.node.id, e.node.status])).toContainEqual([created.id, "DELETED"]);
  });

  it("a payment made or deleted through the gateway shows at once on the invoice read from the mirror", async () => {
    const contact = t.xero.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const input = {
      contactId: t.globalId("Contact", contact.ContactID), status: "AUTHORISED", issueDate: "2099-12-30", dueDate: "2099-12-31",
      lines: [{ description: "Paid through the gateway", quantity: "1", unitAmount: "300.00", accountCode: "200" }],
    };
    const invoice = (await t.run(CREATE_INVOICE, { o: t.organizationId, input })).createInvoice.record as { id: string };
    const AMOUNTS = `query($id: ID!) { node(id: $id, source: MIRROR) { ... on Invoice { status amountPaid freshness { source } } } }`;
    expect((await t.run(AMOUNTS, { id: invoice.id })).node).toMatchObject({ status: "AUTHORISED", amountPaid: "0.00", freshness: { source: "MIRROR" } });

    const bank = t.xero.books.accounts.find((a) => a.Type === "BANK")!.Code;
    const payment = (await t.run(RECORD_PAYMENT, { o: t.organizationId, input: { documentId: invoice.id, amount: "100.00", date: "2099-12-31", accountCode: bank } })).recordPayment.record as { id: string };
    const paid = await counted(() => t.run(AMOUNTS, { id: invoice.id }));
    expect(paid.upstream).toBe(0);
    expect(paid.data.node).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "100.00" });

    await t.run(DELETE_RECORD, { id: payment.id });
    expect((await t.run(AMOUNTS, { id: invoice.id })).node).toMatchObject({ status: "AUTHORISED", amountPaid: "0.00" });
  });

  it("an invoice created at the provider a moment ago still resolves by id under AUTO (one live lookup), and is null under MIRROR", async () => {
    const template = salesInvoices()[0]!;
    const made = { ...structuredClone(template), InvoiceID: "00000000-0000-4000-8000-00000000feed", InvoiceNumber: "INV-FEED" };
    t.xero.books.invoices.push(made);
    const id = t.globalId("Invoice", made.InvoiceID);
    const auto = await counted(() => t.run(NODE, { id }));
    expect(auto.upstream).toBeGreaterThan(0);
    expect(auto.data.node).toMatchObject({ id, freshness: { source: "LIVE" } });
    const strict = await counted(() => t.run(NODE, { id, source: "MIRROR" }));
    expect(strict.upstream).toBe(0);
    expect(strict.data.node).toBeNull();
    expect(fromGlobalId(id).remoteId).toBe(made.InvoiceID);
  });
});

describe("reads with the mirror off", { timeout: 60_000 }, () => {
  let t: TestLedgerline;
  beforeAll(async () => {
    t = await startTestLedgerline();
  });
  afterAll(() => t?.close());

  it("AUTO reads live; MIRROR is BAD_USER_INPUT naming `source`; organization { mirror } is OFF; filters run at the PROVIDER", async () => {
    const { body } = await t.post(INVOICES, { o: t.organizationId, first: 2 });
    expect(body.errors).toBeUndefined();
    expect(body.data!.organization.invoices.edges.every((e: Edge) => e.node.freshness.source === "LIVE")).toBe(true);

    for (const [query, variables] of [
      [INVOICES, { o: t.organizationId, source: "MIRROR" }],
      [NODE, { id: body.data!.organization.invoices.edges[0].node.id, source: "MIRROR" }],
    ] as const) {
      const refused = await t.post(query, variables);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "source" })] });
    }

    const mirror = await t.post(MIRROR, { o: t.organizationId });
    expect(mirror.body.data!.organization.mirror).toEqual({ state: "OFF", entities: [] });
    const rows = (await t.post(CAPABILITIES, { o: t.organizationId })).body.data!.organization.capabilities as Array<{ subject: string; operation: string; runsAt: string | null }>;
    expect(rows.find((r) => r.subject === "Invoice" && r.operation === "filter:status")!.runsAt).toBe("PROVIDER");
    expect(rows.find((r) => r.subject === "Quote" && r.operation === "filter:search")!.runsAt).toBeNull();
  });
});

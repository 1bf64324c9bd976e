import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLedgerline, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

type Org = { provider: string; id: string; first: Record<string, string> };
interface Case {
  /** The capability (subject, operation) the mutation needs. */
  needs: [string, string];
  /** Providers expected to declare it (others may too). */
  expected: string[];
  query: string;
  variables(org: Org): Record<string, unknown>;
}

const REQUEST = "request { method path body }";
const DATE = "2026-11-20";
const LINES = [{ description: "Paper", quantity: "10", unitAmount: "4.50", accountCode: "429" }];

/** Every new action, as a dry run, for any organization. */
const CASES: Record<string, Case> = {
  createPurchaseOrder: {
    needs: ["PurchaseOrder", "create"],
    expected: ["XERO"],
    query: `mutation($o: ID!, $input: PurchaseOrderInput!) { createPurchaseOrder(organizationId: $o, input: $input, dryRun: true) { record { id } replayed ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { contactId: org.first.Contact, issueDate: DATE, deliveryDate: "2026-11-30", lines: LINES } }),
  },
  createCreditNote: {
    needs: ["CreditNote", "create"],
    expected: ["XERO"],
    query: `mutation($o: ID!, $input: CreditNoteInput!) { createCreditNote(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { kind: "SALES", contactId: org.first.Contact, issueDate: DATE, lines: [{ description: "Refund", quantity: "1", unitAmount: "20.00", accountCode: "200" }] } }),
  },
  allocateCreditNote: {
    needs: ["CreditNote", "allocate"],
    expected: ["XERO"],
    query: `mutation($c: ID!, $d: ID!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: "1", date: "${DATE}", dryRun: true) { creditNote { id } invoice { id } amount date ${REQUEST} } }`,
    variables: (org) => ({ c: org.first.CreditNote, d: org.first.Invoice }),
  },
  createBankTransaction: {
    needs: ["BankTransaction", "create"],
    expected: ["XERO"],
    query: `mutation($o: ID!, $input: BankTransactionInput!) { createBankTransaction(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { kind: "SPEND", bankAccountCode: "090", contactId: org.first.Contact, date: DATE, lines: LINES } }),
  },
  createBankTransfer: {
    needs: ["BankTransaction", "transfer"],
    expected: ["XERO"],
    query: `mutation($o: ID!, $input: BankTransferInput!) { createBankTransfer(organizationId: $o, input: $input, dryRun: true) { record { remoteId } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { fromAccountCode: "090", toAccountCode: "091", amount: "150", date: DATE, reference: "Savings" } }),
  },
  createItem: {
    needs: ["Item", "create"],
    expected: ["XERO"],
    query: `mutation($o: ID!, $input: ItemInput!) { createItem(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { code: "DRY-1", name: "Dry widget", salesUnitPrice: "12.00", purchaseUnitPrice: "7.00", salesAccountCode: "200", purchaseAccountCode: "310" } }),
  },
  addStock: {
    needs: ["Item", "addStock"],
    expected: ["XERO", "DAFTRA"],
    query: `mutation($i: ID!, $c: ID, $bank: String) { addStock(itemId: $i, quantity: "3", unitCost: "2.00", date: "${DATE}", contactId: $c, bankAccountCode: $bank, dryRun: true) { item { id } quantityAdded via ${REQUEST} } }`,
    // Xero adds stock by buying it, so it needs the supplier and the bank account paid from.
    variables: (org) => ({ i: org.first.Item, c: org.first.Contact, bank: org.provider === "XERO" ? "090" : null }),
  },
  createExpense: {
    needs: ["Expense", "create"],
    expected: ["DAFTRA", "CLIENTARY"],
    query: `mutation($o: ID!, $input: ExpenseInput!) { createExpense(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { date: DATE, amount: "42.50", description: "Taxi to the airport" } }),
  },
  updateExpense: {
    needs: ["Expense", "update"],
    expected: [],
    query: `mutation($id: ID!) { updateExpense(id: $id, input: { description: "Taxi to the client" }, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ id: org.first.Expense }),
  },
  createProject: {
    needs: ["Project", "create"],
    expected: ["CLIENTARY"],
    query: `mutation($o: ID!, $input: ProjectInput!) { createProject(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { name: "Dry project", contactId: org.first.Contact, startDate: DATE, dueDate: "2026-12-20", budget: "1000" } }),
  },
  createTask: {
    needs: ["Task", "create"],
    expected: ["CLIENTARY"],
    query: `mutation($o: ID!, $input: TaskInput!) { createTask(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { projectId: org.first.Project, name: "Wireframes", dueDate: "2026-12-01" } }),
  },
  createTimeEntry: {
    needs: ["TimeEntry", "create"],
    expected: ["CLIENTARY"],
    query: `mutation($o: ID!, $input: TimeEntryInput!) { createTimeEntry(organizationId: $o, input: $input, dryRun: true) { record { id } ${REQUEST} } }`,
    variables: (org) => ({ o: org.id, input: { projectId: org.first.Project, date: DATE, hours: "1.5", description: "Kick-off" } }),
  },
};

/** Organization list field of each entity the cases need an existing record of. */
const LISTS: Record<string, string> = { Contact: "contacts", Invoice: "invoices", CreditNote: "creditNotes", Item: "items", Expense: "expenses", Project: "projects" };

describe("dry runs of the new actions return the provider request and change nothing", () => {
  let t: TestLedgerline;
  let orgs: Org[];
  let declared: Set<string>;
  const xeroState = () => {
    const b = t.xero.books;
    return JSON.stringify([b.purchaseOrders.length, b.creditNotes, b.bankTransactions.length, b.bankTransfers.length, b.items, b.invoices.map((i) => i.AmountDue)]);
  };

  beforeAll(async () => {
    t = await startTestLedgerline();
    declared = new Set();
    orgs = [];
    for (const s of t.app.sandboxes) {
      const org: Org = { provider: s.provider, id: s.organization.id, first: {} };
      const caps = await t.post(`query($o: ID!) { organization(id: $o) { capabilities { subject operation supported } } }`, { o: org.id });
      for (const c of caps.body.data!.organization.capabilities as Array<{ subject: string; operation: string; supported: boolean }>) {
        if (c.supported) declared.add(`${org.provider}:${c.subject}:${c.operation}`);
      }
      for (const [type, field] of Object.entries(LISTS)) {
        const listed = declared.has(`${org.provider}:${type}:list`) ? await t.post(`query($o: ID!) { organization(id: $o) { ${field}(first: 1) { edges { node { id } } } } }`, { o: org.id }) : undefined;
        org.first[type] = listed?.body.data?.organization[field].edges[0]?.node.id ?? toGlobalId({ organizationId: org.id, type, remoteId: "1" });
      }
      orgs.push(org);
    }
    // Xero: a credit note with credit left, and an item Xero tracks stock for.
    const xero = orgs.find((o) => o.provider === "XERO")!;
    const authorised = t.xero.books.creditNotes.find((c) => c.Status === "AUTHORISED" && c.Type === "ACCRECCREDIT");
    if (authorised) xero.first.CreditNote = toGlobalId({ organizationId: xero.id, type: "CreditNote", remoteId: authorised.CreditNoteID });
    const tracked = t.xero.books.items.find((i) => i.IsTrackedAsInventory);
    if (tracked) xero.first.Item = toGlobalId({ organizationId: xero.id, type: "Item", remoteId: tracked.ItemID });
  });
  afterAll(() => t?.close());

  it.each(Object.keys(CASES))("%s: a dry run where the provider declares it, NOT_SUPPORTED where it does not", async (name) => {
    const c = CASES[name];
    const supportedBy = orgs.filter((o) => declared.has(`${o.provider}:${c.needs[0]}:${c.needs[1]}`)).map((o) => o.provider);
    expect(supportedBy, `providers declaring ${c.needs.join(" ")}`).toEqual(expect.arrayContaining(c.expected));
    expect(supportedBy.length, `someone declares ${c.needs.join(" ")}`).toBeGreaterThan(0);
    for (const org of orgs) {
      const before = xeroState();
      const { body } = await t.post(c.query, c.variables(org));
      if (!supportedBy.includes(org.provider)) {
        expect(body.errors?.[0]?.extensions, `${org.provider} ${name}`).toMatchObject({ code: "NOT_SUPPORTED", provider: org.provider });
        continue;
      }
      expect(body.errors, `${org.provider} ${name}`).toBeUndefined();
      const payload = body.data![name];
      expect(payload.request, `${org.provider} ${name}`).toMatchObject({ method: expect.stringMatching(/^(POST|PUT)$/), path: expect.any(String) });
      expect(payload.request.body, `${org.provider} ${name} body`).toBeTruthy();
      expect(payload.record ?? payload.creditNote ?? payload.item ?? null).toBeNull();
      expect(xeroState(), `${org.provider} ${name} changed nothing`).toBe(before);
    }
  });
});

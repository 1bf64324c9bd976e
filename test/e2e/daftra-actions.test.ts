import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxOf, startTestLedgerline, storedBooks, type GraphQLBody, type TestLedgerline } from "./start-test-ledgerline.js";
import { toGlobalId } from "../../src/ids/global-id.js";

/** Every write Daftra supports, through the gateway's GraphQL API, checked against what the Daftra sandbox stored. */

const DOC = "id remoteId number status issueDate dueDate reference subTotal totalTax total amountPaid amountDue contact { id name } lineItems { description quantity unitAmount lineAmount }";
const M = {
  createContact: `mutation($o: ID!, $input: ContactInput!) { createContact(organizationId: $o, input: $input) { replayed record { id remoteId name email isCustomer isSupplier } } }`,
  updateContact: `mutation($id: ID!, $input: ContactUpdateInput!) { updateContact(id: $id, input: $input) { record { id name email phones { number } } } }`,
  deleteRecord: `mutation($id: ID!) { deleteRecord(id: $id) { id outcome replayed } }`,
  createInvoice: `mutation($o: ID!, $input: DocumentInput!) { createInvoice(organizationId: $o, input: $input) { replayed record { ${DOC} } } }`,
  updateInvoice: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateInvoice(id: $id, input: $input) { record { ${DOC} } } }`,
  createBill: `mutation($o: ID!, $input: DocumentInput!) { createBill(organizationId: $o, input: $input) { record { ${DOC} } } }`,
  updateBill: `mutation($id: ID!, $input: DocumentUpdateInput!) { updateBill(id: $id, input: $input) { record { ${DOC} } } }`,
  recordPayment: `mutation($o: ID!, $input: RecordPaymentInput!) { recordPayment(organizationId: $o, input: $input) { record { id remoteId amount date reference accountCode documentType } } }`,
  createQuote: `mutation($o: ID!, $input: QuoteInput!) { createQuote(organizationId: $o, input: $input) { record { id remoteId status expiryDate summary terms total } } }`,
  updateQuote: `mutation($id: ID!, $input: QuoteUpdateInput!) { updateQuote(id: $id, input: $input) { record { id status summary total } } }`,
  createCreditNote: `mutation($o: ID!, $input: CreditNoteInput!) { createCreditNote(organizationId: $o, input: $input) { record { id remoteId kind status total remainingCredit contact { id } } } }`,
  createExpense: `mutation($o: ID!, $input: ExpenseInput!) { createExpense(organizationId: $o, input: $input) { record { id remoteId kind date subTotal totalTax total category description taxRateCode paidFrom { remoteId } } } }`,
  updateExpense: `mutation($id: ID!, $input: ExpenseUpdateInput!) { updateExpense(id: $id, input: $input) { record { id subTotal totalTax total description } } }`,
  createItem: `mutation($o: ID!, $input: ItemInput!) { createItem(organizationId: $o, input: $input) { record { id remoteId code name isTracked quantityOnHand salesUnitPrice purchaseUnitPrice } } }`,
  addStock: `mutation($i: ID!, $q: Decimal!, $u: Decimal, $d: Date, $n: String) { addStock(itemId: $i, quantity: $q, unitCost: $u, date: $d, note: $n) { quantityAdded via item { id quantityOnHand } } }`,
  addNote: `mutation($id: ID!, $note: String!) { addNote(id: $id, note: $note) { id note { text addedAt } } }`,
};
const NODE = `query($id: ID!) { node(id: $id) {
  id
  ... on Contact { name email isCustomer isSupplier phones { number } }
  ... on Invoice { status total amountPaid amountDue reference lineItems { description } }
  ... on Bill { status total number contact { id } }
  ... on Quote { quoteStatus: status summary total }
  ... on CreditNote { kind total }
  ... on Expense { total description }
  ... on Item { code quantityOnHand }
  ... on Payment { amount documentNumber }
} }`;

const DATE = "2026-11-10";
const lines = [
  { description: "Desk assembly", quantity: "2", unitAmount: "100.00", taxRateCode: "1" },
  { description: "Delivery", quantity: "1", unitAmount: "40.00" },
];

describe("Daftra writes through GraphQL", () => {
  let t: TestLedgerline;
  let org: string;
  const gid = (type: string, remoteId: string) => toGlobalId({ organizationId: org, type, remoteId });
  const books = () => storedBooks(t, "DAFTRA");
  const upstream = () => sandboxOf(t, "DAFTRA").requestCount();

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

  /** A new issued invoice of 270.00 (230.00 + 40.00) to client 3. */
  async function issuedInvoice(reference?: string) {
    const data = await ok(M.createInvoice, { o: org, input: { contactId: gid("Contact", "client:3"), status: "AUTHORISED", issueDate: "2026-11-01", dueDate: "2026-12-01", reference, lines } });
    return data.createInvoice.record;
  }

  beforeAll(async () => {
    // Daftra's budget (120 requests a minute) would stretch this many writes over minutes.
    t = await startTestLedgerline({ sandboxLimits: "relaxed" });
    org = sandboxOf(t, "DAFTRA").organization.id;
  });
  afterAll(() => t?.close());

  describe("contacts", () => {
    it("createContact makes a client (CUSTOMER) or a supplier (SUPPLIER), each read back at once", async () => {
      const customer = (await ok(M.createContact, { o: org, input: { name: "Qasim Labs", email: "hello@qasim.example", accountNumber: "C-900", phones: [{ number: "+966500000001" }] } })).createContact.record;
      expect(customer).toMatchObject({ name: "Qasim Labs", isCustomer: true, isSupplier: false, remoteId: expect.stringMatching(/^client:\d+$/) });
      const clientRow = (await books()).clients.find((c) => `client:${c.id}` === customer.remoteId);
      expect(clientRow).toMatchObject({ business_name: "Qasim Labs", email: "hello@qasim.example", number: "C-900", phone1: "+966500000001" });
      expect(await read(customer.id)).toMatchObject({ id: customer.id, name: "Qasim Labs", email: "hello@qasim.example", isCustomer: true });

      const supplier = (await ok(M.createContact, { o: org, input: { name: "Zayed Paper Supply", role: "SUPPLIER" } })).createContact.record;
      expect(supplier).toMatchObject({ isSupplier: true, isCustomer: false, remoteId: expect.stringMatching(/^supplier:\d+$/) });
      expect((await books()).suppliers.find((s) => `supplier:${s.id}` === supplier.remoteId)).toMatchObject({ business_name: "Zayed Paper Supply" });
      const listed = await ok(`query($o: ID!) { organization(id: $o) { contacts(first: 200) { edges { node { id } } } } }`, { o: org });
      expect(listed.organization.contacts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining([customer.id, supplier.id]));
    });

    it("updateContact changes only the fields given", async () => {
      const before = { ...(await books()).clients.find((c) => c.id === 5)! };
      const id = gid("Contact", "client:5");
      const updated = (await ok(M.updateContact, { id, input: { email: "accounts@five.example", phones: [{ number: "+966511111111" }] } })).updateContact.record;
      expect(updated.email).toBe("accounts@five.example");
      expect((await books()).clients.find((c) => c.id === 5)).toMatchObject({ email: "accounts@five.example", phone1: "+966511111111", business_name: before.business_name, city: before.city });
      expect(await read(id)).toMatchObject({ email: "accounts@five.example", phones: [expect.objectContaining({ number: "+966511111111" })] });
    });

    it("deleteRecord removes a contact without transactions; one with invoices is refused with Daftra's message", async () => {
      const created = (await ok(M.createContact, { o: org, input: { name: "Short Lived", role: "SUPPLIER" } })).createContact.record;
      expect((await ok(M.deleteRecord, { id: created.id })).deleteRecord).toMatchObject({ id: created.id, outcome: "DELETED", replayed: false });
      expect((await books()).suppliers.some((s) => `supplier:${s.id}` === created.remoteId)).toBe(false);
      expect(await read(created.id)).toBeNull();

      const error = await refused(M.deleteRecord, { id: gid("Contact", "client:3") });
      expect(error.extensions.code).toBe("PROVIDER_VALIDATION");
      expect(error.message).toContain("Remove its transactions first");
      expect((await books()).clients.some((c) => c.id === 3)).toBe(true);
    });
  });

  describe("invoices, payments and bills", () => {
    it("createInvoice stores the invoice with its lines and Daftra's totals; node(id) and the list show it", async () => {
      const invoice = await issuedInvoice("PO-77");
      expect(invoice).toMatchObject({ status: "AUTHORISED", subTotal: "240.00", totalTax: "30.00", total: "270.00", amountDue: "270.00", reference: "PO-77", contact: { id: gid("Contact", "client:3") } });
      const row = (await books()).invoices.find((i) => String(i.id) === invoice.remoteId)!;
      expect(row).toMatchObject({ party_id: 3, date: "2026-11-01", due_after: 30, draft: 0, po_number: "PO-77" });
      expect(row.lines.map((l) => [l.item, l.quantity, l.unit_price])).toEqual([["Desk assembly", "2", "100.00"], ["Delivery", "1", "40.00"]]);
      expect(await read(invoice.id)).toMatchObject({ status: "AUTHORISED", total: "270.00", reference: "PO-77" });
      const listed = await ok(`query($o: ID!, $c: ID!) { organization(id: $o) { invoices(first: 200, filter: { contactId: $c }) { edges { node { id } } } } }`, { o: org, c: gid("Contact", "client:3") });
      expect(listed.organization.invoices.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(invoice.id);
    });

    it("updateInvoice replaces the lines and reference; the stored invoice and the next read follow", async () => {
      const invoice = await issuedInvoice();
      const updated = (await ok(M.updateInvoice, { id: invoice.id, input: { reference: "PO-78", dueDate: "2026-11-20", lines: [{ description: "Chairs", quantity: "4", unitAmount: "50.00", taxRateCode: "1" }] } })).updateInvoice.record;
      expect(updated).toMatchObject({ reference: "PO-78", dueDate: "2026-11-20", total: "230.00", lineItems: [{ description: "Chairs", quantity: "4" }] });
      const row = (await books()).invoices.find((i) => String(i.id) === invoice.remoteId)!;
      expect(row).toMatchObject({ po_number: "PO-78", due_after: 19 });
      expect(row.lines.map((l) => l.item)).toEqual(["Chairs"]);
      expect(await read(invoice.id)).toMatchObject({ total: "230.00", reference: "PO-78", lineItems: [{ description: "Chairs" }] });
    });

    it("recordPayment stores a partial payment into the bank; the invoice reads PARTIALLY_PAID right after", async () => {
      const invoice = await issuedInvoice();
      const payment = (await ok(M.recordPayment, { o: org, input: { documentId: invoice.id, accountCode: "1201", date: DATE, amount: "100.00", reference: "TRX-1" } })).recordPayment.record;
      expect(payment).toMatchObject({ amount: "100.00", date: DATE, reference: "TRX-1", documentType: "INVOICE" });
      expect((await books()).invoicePayments.find((p) => String(p.id) === payment.remoteId)).toMatchObject({ document_id: Number(invoice.remoteId), amount: "100.00", treasury_id: 1, status: 1, transaction_id: "TRX-1" });
      expect(await read(invoice.id)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "100.00", amountDue: "170.00" });
      expect(await read(payment.id)).toMatchObject({ amount: "100.00" });
    });

    it("overpaying an invoice is PROVIDER_VALIDATION with Daftra's message, and stores nothing", async () => {
      const invoice = await issuedInvoice();
      await ok(M.recordPayment, { o: org, input: { documentId: invoice.id, accountCode: "1201", date: DATE, amount: "200.00" } });
      const count = (await books()).invoicePayments.length;
      const error = await refused(M.recordPayment, { o: org, input: { documentId: invoice.id, accountCode: "1201", date: DATE, amount: "70.01" } });
      expect(error.extensions).toMatchObject({ code: "PROVIDER_VALIDATION", providerErrors: [{ field: "amount", message: "The payment amount is more than the invoice's unpaid amount (70.00)" }] });
      expect(error.message).toContain("The payment amount is more than the invoice's unpaid amount (70.00)");
      expect((await books()).invoicePayments).toHaveLength(count);
      expect(await read(invoice.id)).toMatchObject({ amountDue: "70.00" });
    });

    it("deleting an invoice with payments is refused with Daftra's message; an unpaid one is deleted", async () => {
      const paid = await issuedInvoice();
      await ok(M.recordPayment, { o: org, input: { documentId: paid.id, accountCode: "1202", date: DATE, amount: "270.00" } });
      const error = await refused(M.deleteRecord, { id: paid.id });
      expect(error.extensions.code).toBe("PROVIDER_VALIDATION");
      expect(error.message).toContain("Remove its transactions first");
      expect((await books()).invoices.some((i) => String(i.id) === paid.remoteId)).toBe(true);
      expect(await read(paid.id)).toMatchObject({ status: "PAID", amountDue: "0.00" });

      const unpaid = await issuedInvoice();
      expect((await ok(M.deleteRecord, { id: unpaid.id })).deleteRecord.outcome).toBe("DELETED");
      expect((await books()).invoices.some((i) => String(i.id) === unpaid.remoteId)).toBe(false);
      expect(await read(unpaid.id)).toBeNull();
    });

    it("createBill and updateBill store a purchase invoice against a supplier", async () => {
      const supplierId = gid("Contact", "supplier:2");
      const bill = (await ok(M.createBill, { o: org, input: { contactId: supplierId, status: "AUTHORISED", issueDate: "2026-11-01", dueDate: "2026-12-01", lines } })).createBill.record;
      expect(bill).toMatchObject({ total: "270.00", status: "AUTHORISED", contact: { id: supplierId } });
      expect((await books()).purchaseInvoices.find((d) => String(d.id) === bill.remoteId)).toMatchObject({ party_id: 2, draft: 0, date: "2026-11-01" });

      const edited = (await ok(M.updateBill, { id: bill.id, input: { number: "SUP-4411" } })).updateBill.record;
      expect(edited.number).toBe("SUP-4411");
      expect((await books()).purchaseInvoices.find((d) => String(d.id) === bill.remoteId)!.no).toBe("SUP-4411");
      expect(await read(bill.id)).toMatchObject({ number: "SUP-4411", total: "270.00", contact: { id: supplierId } });
    });
  });

  describe("quotes and credit notes", () => {
    it("createQuote stores an estimate; updateQuote moves it through Daftra's statuses", async () => {
      const quote = (await ok(M.createQuote, { o: org, input: { contactId: gid("Contact", "client:8"), issueDate: "2026-11-02", expiryDate: "2026-11-30", summary: "Office refit", terms: "50% upfront", lines: [{ description: "Refit", quantity: "1", unitAmount: "5000.00", taxRateCode: "1" }] } })).createQuote.record;
      expect(quote).toMatchObject({ status: "DRAFT", expiryDate: "2026-11-30", summary: "Office refit", terms: "50% upfront", total: "5750.00" });
      expect((await books()).estimates.find((e) => String(e.id) === quote.remoteId)).toMatchObject({ party_id: 8, draft: 1, terms: "50% upfront" });

      for (const [status, wire] of [["SENT", "0"], ["ACCEPTED", "1"]] as const) {
        expect((await ok(M.updateQuote, { id: quote.id, input: { status } })).updateQuote.record.status).toBe(status);
        expect((await books()).estimates.find((e) => String(e.id) === quote.remoteId)).toMatchObject({ status: wire, draft: 0 });
      }
      expect(await read(quote.id)).toMatchObject({ quoteStatus: "ACCEPTED", summary: "Office refit", total: "5750.00" });
    });

    it("createCreditNote stores a SALES credit note and posts its journal", async () => {
      const note = (await ok(M.createCreditNote, { o: org, input: { kind: "SALES", contactId: gid("Contact", "client:3"), issueDate: "2026-11-03", lines: [{ description: "Returned chair", quantity: "1", unitAmount: "450.00", taxRateCode: "1" }] } })).createCreditNote.record;
      expect(note).toMatchObject({ kind: "SALES", total: "517.50", contact: { id: gid("Contact", "client:3") } });
      const stored = await books();
      expect(stored.creditNotes.find((c) => String(c.id) === note.remoteId)).toMatchObject({ party_id: 3, date: "2026-11-03" });
      const journal = stored.journals.find((j) => j.entity_type === "credit_note" && String(j.entity_id) === note.remoteId)!;
      expect(journal.lines.find((l) => l.subkey === "client")!.credit).toBe("517.50");
      expect(await read(note.id)).toMatchObject({ kind: "SALES", total: "517.50" });
    });
  });

  describe("expenses, items, stock and notes", () => {
    it("createExpense stores the expense gross of tax; updateExpense changes amount and description", async () => {
      const expense = (await ok(M.createExpense, { o: org, input: { date: "2026-11-04", amount: "200.00", taxRateCode: "1", category: "Utilities", description: "Electricity October", paidFromAccountCode: "1202" } })).createExpense.record;
      expect(expense).toMatchObject({ kind: "EXPENSE", subTotal: "200.00", totalTax: "30.00", total: "230.00", category: "Utilities", paidFrom: { remoteId: "treasury:2" } });
      expect((await books()).expenses.find((e) => String(e.id) === expense.remoteId)).toMatchObject({ amount: "230.00", tax1_id: 1, treasury_id: 2, note: "Electricity October" });

      const updated = (await ok(M.updateExpense, { id: expense.id, input: { amount: "120.00", description: "Electricity (corrected)" } })).updateExpense.record;
      expect(updated).toMatchObject({ subTotal: "120.00", totalTax: "18.00", total: "138.00", description: "Electricity (corrected)" });
      expect((await books()).expenses.find((e) => String(e.id) === expense.remoteId)).toMatchObject({ amount: "138.00", note: "Electricity (corrected)" });
      expect(await read(expense.id)).toMatchObject({ total: "138.00", description: "Electricity (corrected)" });
    });

    it("createItem stores a tracked product; addStock raises its stock with a stock transaction", async () => {
      const item = (await ok(M.createItem, { o: org, input: { code: "P-900", name: "Ergonomic Footrest", salesUnitPrice: "120.00", purchaseUnitPrice: "70.00", taxRateCode: "1", isTracked: true } })).createItem.record;
      expect(item).toMatchObject({ code: "P-900", isTracked: true, quantityOnHand: "0", salesUnitPrice: "120.00", purchaseUnitPrice: "70.00" });
      expect((await books()).products.find((p) => String(p.id) === item.remoteId)).toMatchObject({ product_code: "P-900", track_stock: 1, buy_price: "70.00", unit_price: "120.00" });

      const added = (await ok(M.addStock, { i: item.id, q: "12", u: "65.00", d: DATE, n: "Restock" })).addStock;
      expect(added).toMatchObject({ quantityAdded: "12", via: expect.stringMatching(/^stock_transaction:\d+$/), item: { id: item.id, quantityOnHand: "12" } });
      const stored = await books();
      expect(stored.products.find((p) => String(p.id) === item.remoteId)!.stock_balance).toBe("12");
      expect(stored.stockTransactions!.find((s) => `stock_transaction:${s.id}` === added.via)).toMatchObject({ product_id: Number(item.remoteId), transaction_type: 1, quantity: "12", price: "65.00", date: DATE });
      expect(await read(item.id)).toMatchObject({ code: "P-900", quantityOnHand: "12" });
    });

    it("addNote stores a note on an invoice's and on a client's history", async () => {
      const invoice = await issuedInvoice();
      for (const [id, type, remoteId] of [[invoice.id, "invoice", Number(invoice.remoteId)], [gid("Contact", "client:5"), "client", 5]] as const) {
        const added = (await ok(M.addNote, { id, note: "Chased by phone" })).addNote;
        expect(added).toMatchObject({ id, note: { text: "Chased by phone", addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
        expect((await books()).notes).toContainEqual(expect.objectContaining({ item_type: type, item_id: remoteId, description: "Chased by phone" }));
      }
    });
  });

  it("deleteRecord removes a payment, bill, quote, credit note, expense and item; each reads back null", async () => {
    const issued = await issuedInvoice();
    const payment = (await ok(M.recordPayment, { o: org, input: { documentId: issued.id, accountCode: "1201", date: DATE, amount: "270.00" } })).recordPayment.record;
    const bill = (await ok(M.createBill, { o: org, input: { contactId: gid("Contact", "supplier:2"), lines } })).createBill.record;
    const quote = (await ok(M.createQuote, { o: org, input: { contactId: gid("Contact", "client:3"), lines } })).createQuote.record;
    const note = (await ok(M.createCreditNote, { o: org, input: { kind: "SALES", contactId: gid("Contact", "client:3"), lines } })).createCreditNote.record;
    const expense = (await ok(M.createExpense, { o: org, input: { date: DATE, amount: "15.00", category: "Utilities" } })).createExpense.record;
    const item = (await ok(M.createItem, { o: org, input: { code: "SRV-TMP", name: "Temporary service" } })).createItem.record;

    const gone: Array<[string, { id: string; remoteId: string }, (b: Awaited<ReturnType<typeof books>>) => boolean]> = [
      ["payment", payment, (b) => b.invoicePayments.some((x) => String(x.id) === payment.remoteId)],
      ["bill", bill, (b) => b.purchaseInvoices.some((x) => String(x.id) === bill.remoteId)],
      ["quote", quote, (b) => b.estimates.some((x) => String(x.id) === quote.remoteId)],
      ["credit note", note, (b) => b.creditNotes.some((x) => String(x.id) === note.remoteId)],
      ["expense", expense, (b) => b.expenses.some((x) => String(x.id) === expense.remoteId)],
      ["item", item, (b) => b.products.some((x) => String(x.id) === item.remoteId)],
    ];
    for (const [name, record, stillStored] of gone) {
      expect(stillStored(await books()), name).toBe(true);
      expect((await ok(M.deleteRecord, { id: record.id })).deleteRecord, name).toMatchObject({ id: record.id, outcome: "DELETED" });
      expect(stillStored(await books()), name).toBe(false);
      expect(await read(record.id), name).toBeNull();
    }
    expect(await read(issued.id)).toMatchObject({ status: "AUTHORISED", amountPaid: "0.00", amountDue: "270.00" });
  });

  describe("what Daftra cannot do answers NOT_SUPPORTED naming DAFTRA and the operation, before any upstream call", () => {
    const some = {
      contact: () => gid("Contact", "client:3"),
      supplier: () => gid("Contact", "supplier:2"),
      invoice: () => gid("Invoice", "1"),
      creditNote: () => gid("CreditNote", "1"),
      bill: () => gid("Bill", "1"),
      project: () => gid("Project", "1"),
    };
    const line = [{ description: "x", quantity: "1", unitAmount: "1.00" }];
    const cases: Array<[string, string, () => Record<string, unknown>, string, RegExp]> = [
      ["createBankTransaction", `mutation($o: ID!, $input: BankTransactionInput!) { createBankTransaction(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { kind: "SPEND", bankAccountCode: "1201", date: DATE, lines: [{ ...line[0], accountCode: "5203" }] } }), "create BankTransaction", /no bank transactions/],
      ["createBankTransfer", `mutation($o: ID!, $input: BankTransferInput!) { createBankTransfer(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { fromAccountCode: "1201", toAccountCode: "1203", amount: "10.00", date: DATE } }), "transfer BankTransaction", /no treasury transfers/],
      ["createPurchaseOrder", `mutation($o: ID!, $input: PurchaseOrderInput!) { createPurchaseOrder(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { contactId: some.supplier(), lines: line } }), "create PurchaseOrder", /no purchase orders/],
      ["allocateCreditNote", `mutation($c: ID!, $d: ID!) { allocateCreditNote(creditNoteId: $c, documentId: $d, amount: "1.00") { replayed } }`,
        () => ({ c: some.creditNote(), d: some.invoice() }), "allocate CreditNote", /no allocation endpoint/],
      ["sendInvoice", `mutation($id: ID!) { sendInvoice(id: $id) { sent } }`, () => ({ id: some.invoice() }), "send Invoice", /no endpoint that emails an invoice/],
      ["createProject", `mutation($o: ID!, $input: ProjectInput!) { createProject(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { name: "Fit-out", contactId: some.contact() } }), "create Project", /no projects/],
      ["createTask", `mutation($o: ID!, $input: TaskInput!) { createTask(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { name: "Measure", projectId: some.project() } }), "create Task", /no tasks/],
      ["createTimeEntry", `mutation($o: ID!, $input: TimeEntryInput!) { createTimeEntry(organizationId: $o, input: $input) { replayed } }`,
        () => ({ o: org, input: { projectId: some.project(), date: DATE, hours: "1", description: "Site visit" } }), "create TimeEntry", /does not map it/],
      ["createCreditNote (PURCHASE)", M.createCreditNote, () => ({ o: org, input: { kind: "PURCHASE", contactId: some.supplier(), lines: line } }), "PURCHASE credit notes", /purchase refund/],
      ["recordPayment on a bill", M.recordPayment, () => ({ o: org, input: { documentId: some.bill(), accountCode: "1201", date: DATE, amount: "1.00" } }), "recording a payment against a Bill", /sales invoices only/],
    ];

    it.each(cases)("%s", async (_name, query, variables, operation, reason) => {
      const before = upstream();
      const error = await refused(query, variables());
      expect(error.extensions, error.message).toMatchObject({ code: "NOT_SUPPORTED", provider: "DAFTRA", operation });
      expect(error.message).toContain(`DAFTRA does not support ${operation}.`);
      expect(error.message).toMatch(reason);
      expect(upstream() - before, "upstream requests").toBe(0);
    });
  });

  it("leaves Daftra's journals balanced after all these writes", async () => {
    const stored = await books();
    for (const journal of stored.journals) {
      const [debit, credit] = ["debit", "credit"].map((side) => journal.lines.reduce((sum, l) => sum + Math.round(Number(l[side as "debit"]) * 100), 0));
      expect(debit, `journal ${journal.id}`).toBe(credit);
    }
  });
});

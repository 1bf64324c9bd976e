import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerDifference, unbalancedJournals } from "../../testing/write-checks.js";
import type { ActivityEntity, ActivityRecord } from "../activity/simulator.js";
import { docTotals, paymentsOf, settlement } from "../books/totals.js";
import type { DocRow } from "../books/types.js";
import type { DaftraSandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

const PATHS: Record<ActivityEntity, string> = {
  client: "clients", invoice: "invoices", invoice_payment: "invoice_payments", estimate: "estimates",
  product: "products", stock_transaction: "stock_transactions", expense: "expenses",
};

const MODELS: Record<ActivityEntity, string> = {
  client: "Client", invoice: "Invoice", invoice_payment: "InvoicePayment", estimate: "Estimate",
  product: "Product", stock_transaction: "StockTransaction", expense: "Expense",
};

/** What an invoice edit may change: items, dates, notes, draft. */
const contentOf = (doc: DocRow) => JSON.stringify([doc.lines.map((l) => [l.item, l.quantity, l.unit_price]), doc.date, doc.due_after, doc.notes, doc.draft]);

const tally = (records: ActivityRecord[]) =>
  records.reduce<Record<string, number>>((n, r) => ({ ...n, [`${r.kind} ${r.entity}`]: (n[`${r.kind} ${r.entity}`] ?? 0) + 1 }), {});

describe("Daftra sandbox activity: determinism", () => {
  it("does the same things for the same seed, and other things for another seed", async () => {
    const [a, b, c] = await Promise.all([
      startSandbox({ activity: { everyMs: 0, seed: 11 } }),
      startSandbox({ activity: { everyMs: 0, seed: 11 } }),
      startSandbox({ activity: { everyMs: 0, seed: 12 } }),
    ]);
    try {
      const [first, second, other] = [a.activity.step(60), b.activity.step(60), c.activity.step(60)];
      expect(first).toHaveLength(60);
      expect(second).toEqual(first);
      expect(b.books).toEqual(a.books);
      expect(other).not.toEqual(first);
      expect(a.activity.steps).toBe(60);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("carries on where it stopped after a restart from the data file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "daftra-activity-"));
    try {
      const dataFile = path.join(dir, "state.json");
      const before = await startSandbox({ dataFile });
      const early = before.activity.step(20);
      await before.close();
      const after = await startSandbox({ dataFile });
      const late = after.activity.step(10);
      await after.close();
      const straight = await startSandbox();
      expect([...early, ...late]).toEqual(straight.activity.step(30));
      expect(after.books).toEqual(straight.books);
      await straight.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Daftra sandbox activity: 300 steps", () => {
  let sandbox: DaftraSandbox;
  const done: ActivityRecord[] = [];
  const deleted = new Set<number>();
  const seededInvoices = 400;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it("acts through the books one step at a time, each change visible on the wire at once", async () => {
    const books = sandbox.books;
    for (let i = 0; i < 300; i++) {
      const before = new Map<string, { modified: string; content: string }>([
        ...books.invoices.map((r) => [`invoice ${r.id}`, { modified: r.modified, content: contentOf(r) }] as const),
        ...books.products.map((r) => [`product ${r.id}`, { modified: r.modified, content: `${r.name}|${r.unit_price}` }] as const),
      ]);
      const [record] = sandbox.activity.step();
      expect(record).toBeDefined();
      done.push(record!);
      const { kind, entity, id } = record!;
      const read = await call(sandbox, `/${PATHS[entity]}/${id}.json`);
      if (kind === "deleted") {
        deleted.add(id);
        expect(read.status).toBe(404);
        continue;
      }
      expect(read.status).toBe(200);
      const wire = read.body.data[MODELS[entity]];
      expect(wire.id).toBe(String(id));
      if (kind === "updated") {
        const was = before.get(`${entity} ${id}`)!;
        expect(wire.modified > was.modified).toBe(true);
        expect(entity === "product" ? `${wire.name}|${wire.unit_price}` : contentOf(books.invoices.find((r) => r.id === id)!)).not.toBe(was.content);
      }
      if (entity === "product") {
        const row = books.products.find((p) => p.id === id)!;
        expect([wire.name, wire.unit_price]).toEqual([row.name, row.unit_price]);
      }
      if (entity === "invoice") {
        const row = books.invoices.find((r) => r.id === id)!;
        expect(wire).toMatchObject({ summary_total: Number(docTotals(row, books).total), notes: row.notes, draft: String(row.draft), due_after: String(row.due_after) });
        expect(wire.InvoiceItem.map((l: any) => [l.item, l.quantity])).toEqual(row.lines.map((l) => [l.item, l.quantity]));
      }
      if (entity === "invoice_payment") expect(new Decimal(wire.amount).gt(0)).toBe(true);
    }
  });

  it("did every kind of thing, and edited invoices of before as well as new ones", () => {
    expect(Object.keys(tally(done)).sort()).toEqual([
      "created client", "created estimate", "created expense", "created invoice", "created invoice_payment",
      "created product", "created stock_transaction", "deleted invoice", "updated invoice", "updated product",
    ]);
    const edited = done.filter((r) => r.kind === "updated" && r.entity === "invoice").map((r) => r.id);
    expect(edited.some((id) => id <= seededInvoices)).toBe(true);
    expect(edited.some((id) => id > seededInvoices)).toBe(true);
  });

  it("keeps every journal balanced and the ledger with them, as the wire reports it", async () => {
    const books = sandbox.books;
    expect(unbalancedJournals(books)).toEqual([]);
    expect(ledgerDifference(books)).toBe("0.00");
    const { body } = await call(sandbox, "/journals.json?limit=5000&recursive=1");
    expect(body.data.length).toBe(books.journals.length);
    for (const { Journal } of body.data) expect(Journal.total_debit).toBe(Journal.total_credit);
    const accounts = (await call(sandbox, "/journal_accounts.json?limit=100")).body.data;
    expect(accounts.reduce((s: Decimal, { JournalAccount: a }: any) => s.plus(a.total_debit).minus(a.total_credit), new Decimal(0)).toFixed(2)).toBe("0.00");
  });

  it("keeps the books consistent: postings, payments, stock", () => {
    const books = sandbox.books;
    const posted = (type: string) => books.journals.filter((j) => j.entity_type === type).map((j) => j.entity_id).sort((x, y) => x - y);
    const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((x, y) => x - y);
    expect(posted("invoice")).toEqual(ids(books.invoices.filter((i) => !i.draft)));
    expect(posted("invoice_payment")).toEqual(ids(books.invoicePayments.filter((p) => p.status === 1)));
    expect(posted("expense")).toEqual(ids(books.expenses.filter((e) => !e.is_income)));
    expect(posted("stock_transaction")).toEqual(ids(books.stockTransactions ?? []));
    for (const invoice of books.invoices) {
      const payments = paymentsOf(invoice, books.invoicePayments);
      if (invoice.draft) expect(payments).toEqual([]);
      expect(settlement(docTotals(invoice, books).total, payments).paymentStatus).not.toBe(4);
    }
    for (const product of books.products) expect(Number(product.stock_balance)).toBeGreaterThanOrEqual(0);
    for (const id of deleted) expect(books.invoices.some((i) => i.id === id)).toBe(false);
  });

  it("lists what it created and leaves out what it deleted", async () => {
    const { body } = await call(sandbox, "/invoices.json?limit=1000");
    const listed = new Set(body.data.map(({ Invoice }: any) => Number(Invoice.id)));
    expect(listed.size).toBe(sandbox.books.invoices.length);
    for (const r of done.filter((r) => r.entity === "invoice" && r.kind === "created")) expect(listed.has(r.id)).toBe(!deleted.has(r.id));
    for (const id of deleted) expect(listed.has(id)).toBe(false);
    const clients = (await call(sandbox, "/clients.json?limit=1000")).body.data.map(({ Client }: any) => Number(Client.id));
    for (const r of done.filter((r) => r.entity === "client")) expect(clients).toContain(r.id);
  });

  it("never hands out the id of a deleted invoice again", () => {
    const created = done.filter((r) => r.entity === "invoice" && r.kind === "created").map((r) => r.id);
    expect(new Set(created).size).toBe(created.length);
  });
});

describe("Daftra sandbox activity: on a timer", () => {
  const waitFor = async (check: () => boolean, ms = 3000) => {
    const until = Date.now() + ms;
    while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return check();
  };

  it("steps by itself from the start when configured, and stops when told", async () => {
    const sandbox = await startSandbox({ activity: { everyMs: 5, seed: 3 } });
    try {
      expect(sandbox.activity.running).toBe(true);
      expect(await waitFor(() => sandbox.activity.steps >= 3)).toBe(true);
      sandbox.activity.stop();
      expect(sandbox.activity.running).toBe(false);
      const stopped = sandbox.activity.steps;
      await new Promise((r) => setTimeout(r, 60));
      expect(sandbox.activity.steps).toBe(stopped);
      expect(unbalancedJournals(sandbox.books)).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it("is off by default, starts on demand, and stops on close", async () => {
    const sandbox = await startSandbox();
    expect(sandbox.activity.running).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(sandbox.activity.steps).toBe(0);
    sandbox.activity.start(5);
    expect(await waitFor(() => sandbox.activity.steps >= 2)).toBe(true);
    await sandbox.close();
    expect(sandbox.activity.running).toBe(false);
    const closed = sandbox.activity.steps;
    await new Promise((r) => setTimeout(r, 40));
    expect(sandbox.activity.steps).toBe(closed);
  });
});

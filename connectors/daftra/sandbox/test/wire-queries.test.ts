import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBooks } from "../books/seed.js";
import type { DaftraSandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: DaftraSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const ids = (body: any, model: string) => body.data.map((row: any) => row[model].id as string);

describe("Daftra sandbox: paging and filters", () => {
  it("pages without overlap and ends with next = null", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...ids((await call(sandbox, `/clients.json?page=${page}&limit=15`)).body, "Client"));
    expect(new Set(seen).size).toBe(40);
    expect((await call(sandbox, "/clients.json?page=3&limit=15")).body.pagination).toMatchObject({ page: 3, page_count: 3, next: null });
  });

  it("lists invoices newest first by default and honours sort/direction", async () => {
    const newest = (await call(sandbox, "/invoices.json?limit=1")).body.data[0].Invoice.id;
    expect(newest).toBe("400");
    expect((await call(sandbox, "/invoices.json?limit=1&sort=date&direction=ASC")).body.data[0].Invoice.id).toBe("1");
  });

  it.each([
    ["client_id=3", (i: any) => i.client_id === "3"],
    ["payment_status=2", (i: any) => i.payment_status === 2 && i.draft === "0"],
    ["payment_status=1", (i: any) => i.payment_status === 1],
    ["payment_status=-1", (i: any) => i.draft === "1"],
    ["draft=1", (i: any) => i.draft === "1"],
    ["date_from=2026-01-01&date_to=2026-01-31", (i: any) => /\/01\/2026$/.test(i.date)],
  ])("filters invoices by %s", async (query, holds) => {
    const { body } = await call(sandbox, `/invoices.json?limit=500&${query}`);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThan(400);
    expect(body.data.every((row: any) => holds(row.Invoice))).toBe(true);
  });

  it("ignores unknown filters (200, unfiltered)", async () => {
    expect((await call(sandbox, "/invoices.json?colour=blue")).body.pagination.total_results).toBe(400);
  });

  it("keeps payment states apart: unpaid, partially paid and paid invoices all exist", async () => {
    const count = async (status: number) => (await call(sandbox, `/invoices.json?payment_status=${status}`)).body.pagination.total_results;
    for (const status of [0, 1, 2]) expect(await count(status)).toBeGreaterThan(5);
  });
});

describe("Daftra sandbox: rate limit", () => {
  it("answers 429 with Retry-After past the per-minute budget", async () => {
    const small = await startSandbox({ ratePerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await call(small, "/taxes.json")).status).toBe(200);
      const refused = await call(small, "/taxes.json");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({ result: "failed", code: 429 });
    } finally {
      await small.close();
    }
  });
});

describe("Daftra sandbox: books", () => {
  it("is deterministic: same seed and day ⇒ same books; another seed differs", () => {
    expect(seedBooks(7, "2026-11-15")).toEqual(seedBooks(7, "2026-11-15"));
    expect(seedBooks(8, "2026-11-15").invoices).not.toEqual(seedBooks(7, "2026-11-15").invoices);
  });

  it("has the promised shape", () => {
    const b = sandbox.books;
    expect([b.clients.length, b.suppliers.length, b.products.length, b.invoices.length]).toEqual([40, 15, 25, 400]);
    expect(b.estimates.length && b.creditNotes.length && b.purchaseInvoices.length && b.expenses.some((e) => e.is_income)).toBeTruthy();
  });

  it("posts journals that all balance, and the ledger as a whole balances", async () => {
    const { body } = await call(sandbox, "/journals.json?limit=5000&recursive=1");
    expect(body.data.length).toBe(sandbox.books.journals.length);
    for (const { Journal } of body.data) {
      const debit = Journal.JournalTransaction.reduce((s: Decimal, t: any) => s.plus(t.debit), new Decimal(0));
      const credit = Journal.JournalTransaction.reduce((s: Decimal, t: any) => s.plus(t.credit), new Decimal(0));
      expect(debit.toFixed(2)).toBe(credit.toFixed(2));
      expect(Journal.total_debit).toBe(Journal.total_credit);
    }
    const accounts = (await call(sandbox, "/journal_accounts.json?limit=100")).body.data;
    const net = accounts.reduce((s: Decimal, { JournalAccount: a }: any) => s.plus(a.total_debit).minus(a.total_credit), new Decimal(0));
    expect(net.toFixed(2)).toBe("0.00");
  });

  it("posts every non-draft invoice exactly once", () => {
    const posted = new Set(sandbox.books.journals.filter((j) => j.entity_type === "invoice").map((j) => j.entity_id));
    expect(posted).toEqual(new Set(sandbox.books.invoices.filter((i) => !i.draft).map((i) => i.id)));
  });

  it("persists its books to dataFile and serves them again after a restart on another day", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "daftra-sandbox-"));
    const dataFile = path.join(dir, "books.json");
    try {
      const first = await startSandbox({ dataFile });
      first.books.clients[0]!.business_name = "Renamed Before Restart";
      await first.close();
      const second = await startSandbox({ dataFile, now: () => new Date("2027-01-01T00:00:00Z") });
      try {
        expect((await call(second, "/clients/1.json")).body.data.Client.business_name).toBe("Renamed Before Restart");
        expect(second.books.invoices).toEqual(first.books.invoices);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

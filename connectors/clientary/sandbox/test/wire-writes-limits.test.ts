import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBooks } from "../books/seed.js";
import type { ClientarySandbox } from "../server.js";
import { invoiceSchema } from "../../client/schemas/documents.js";
import { toClientaryInvoiceChanges, toClientaryPayment, toUnifiedInvoice } from "../../mapping/index.js";
import { call, FIXED_NOW, startSandbox } from "./harness.js";

let sandbox: ClientarySandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("writes", () => {
  it("creates a client from a wrapped body, and from an unwrapped one", async () => {
    const wrapped = await call(sandbox, "/clients", { method: "POST", body: { client: { name: "Wrapped Ltd" } } });
    expect(wrapped.status).toBe(201);
    expect(wrapped.json).toMatchObject({ name: "Wrapped Ltd", status: 1 });
    const bare = await call(sandbox, "/clients", { method: "POST", body: { name: "Bare Ltd" } });
    expect(bare.json.name).toBe("Bare Ltd");
    expect((await call(sandbox, `/clients/${bare.json.id}`)).json.name).toBe("Bare Ltd");
  });

  it.each([
    [{ client: {} }, { name: ["can't be blank"] }],
    [{ client: { name: "Dup", number: "1000" } }, { number: ["has already been taken"] }],
  ])("answers 422 with field messages for %j", async (body, errors) => {
    const res = await call(sandbox, "/clients", { method: "POST", body });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ errors });
  });

  it("creates a lead and a contact for it, wrapped as `lead` and `client_user`", async () => {
    const lead = await call(sandbox, "/leads", { method: "POST", body: { lead: { name: "Prospect Co" } } });
    expect(lead.status).toBe(201);
    const contact = await call(sandbox, `/clients/${lead.json.id}/contacts`, { method: "POST", body: { client_user: { name: "Pat", email: "pat@prospect.example" } } });
    expect(contact).toMatchObject({ status: 201, json: { client_id: lead.json.id, email: "pat@prospect.example" } });
    expect((await call(sandbox, `/clients/${lead.json.id}/contacts`, { method: "POST", body: { client_user: { name: "No mail" } } })).json).toEqual({ errors: { email: ["can't be blank"] } });
  });

  it.each(["leads", "contacts"] as const)("answers 426 past the plan's %s limit", async (kind) => {
    const limits = { ...sandbox.books.account.planLimits };
    sandbox.books.account.planLimits[kind] = 0;
    const path = kind === "leads" ? "/leads" : `/clients/${sandbox.books.clients[0]!.id}/contacts`;
    const res = await call(sandbox, path, { method: "POST", body: { name: "Over", email: "over@x.example" } });
    sandbox.books.account.planLimits = limits;
    expect(res.status).toBe(426);
  });

  it("answers 426 past the plan's client limit", async () => {
    const limits = { ...sandbox.books.account.planLimits };
    sandbox.books.account.planLimits.clients = sandbox.books.clients.length;
    const res = await call(sandbox, "/clients", { method: "POST", body: { client: { name: "One too many" } } });
    sandbox.books.account.planLimits = limits;
    expect(res.status).toBe(426);
    expect(res.json.error).toMatch(/plan/);
  });

  it("edits, adds and removes invoice lines through nested attributes", async () => {
    const unpaid = (id: number) => !sandbox.books.payments.some((p) => p.invoice_id === id);
    const invoice = sandbox.books.invoices.find((i) => i.status !== 3 && unpaid(i.id) && i.invoice_items.filter((item) => item.item_type === 3).length >= 2)!;
    const [keep, drop] = invoice.invoice_items.filter((item) => item.item_type === 3);
    const res = await call(sandbox, `/invoices/${invoice.id}`, {
      method: "PUT",
      body: { invoice: { invoice_items_attributes: [
        { id: keep!.id, quantity: 2, price: 100, taxable: false },
        { id: drop!.id, _destroy: true },
        { title: "Rush fee", quantity: 1, price: 50 },
      ] } },
    });
    expect(res.status).toBe(200);
    const titles = res.json.invoice_items.map((i: { title: string }) => i.title);
    expect(titles).toContain("Rush fee");
    expect(res.json.invoice_items.some((i: { id: number }) => i.id === drop!.id)).toBe(false);
    const regular = res.json.invoice_items.filter((i: { item_type: number }) => i.item_type === 3);
    expect(res.json.subtotal).toBeCloseTo(regular.reduce((s: number, i: { price: number; quantity: number }) => s + i.price * i.quantity, 0), 2);
  });

  it("refuses a nested change to a line of another invoice", async () => {
    const [a, b] = sandbox.books.invoices;
    const res = await call(sandbox, `/invoices/${a!.id}`, { method: "PUT", body: { invoice: { invoice_items_attributes: [{ id: b!.invoice_items[0]!.id, price: 1 }] } } });
    expect(res.status).toBe(422);
  });

  it("records a payment, lowering the balance, and marks the invoice paid once nothing is due", async () => {
    const invoice = sandbox.books.invoices.find((i) => i.status === 1 && !sandbox.books.payments.some((p) => p.invoice_id === i.id))!;
    const half = Math.round(invoice.total_cost * 50) / 100;
    const first = await call(sandbox, `/invoices/${invoice.id}/payments`, { method: "POST", body: { payment: { amount: half, received_on: "2026-11-14" } } });
    expect(first.status).toBe(201);
    let served = (await call(sandbox, `/invoices/${invoice.id}`)).json;
    expect(served).toMatchObject({ status: 1, total_payments: half });
    await call(sandbox, `/invoices/${invoice.id}/payments`, { method: "POST", body: { payment: { amount: served.balance } } });
    served = (await call(sandbox, `/invoices/${invoice.id}`)).json;
    expect(served).toMatchObject({ status: 4, balance: 0 });
    expect((await call(sandbox, `/invoices/${invoice.id}/payments`, { method: "POST", body: { payment: {} } })).status).toBe(422);
  });
});

describe("two-way mapping against the wire", () => {
  const ctx = { organizationId: "org-1", now: FIXED_NOW, currency: "USD" };

  it("applies the body toClientaryInvoiceChanges builds, and reads back what was written", async () => {
    const invoice = sandbox.books.invoices.find((i) => i.status === 0 && i.invoice_items.some((item) => item.item_type === 3))!;
    const [line] = invoice.invoice_items.filter((item) => item.item_type === 3);
    const { invoice: body } = toClientaryInvoiceChanges({
      issueDate: "2026-11-10", dueDate: "2026-12-10", lines: [{ description: "Extra revisions", quantity: "3", unitAmount: "80.00" }],
    }, [String(line!.id)]);
    const res = await call(sandbox, `/invoices/${invoice.id}`, { method: "PUT", body: { invoice: body } });
    const unified = toUnifiedInvoice(invoiceSchema.parse(res.json), ctx);
    expect(unified).toMatchObject({ issueDate: "2026-11-10", dueDate: "2026-12-10", status: "DRAFT" });
    expect(unified.lineItems.map((l) => l.remoteId)).not.toContain(String(line!.id));
    expect(unified.lineItems.at(-1)).toMatchObject({ description: "Extra revisions", quantity: "3", unitAmount: "80", lineAmount: "240.00" });
  });

  it("records the payment toClientaryPayment builds, and the invoice reads as partly paid", async () => {
    const invoice = sandbox.books.invoices.find((i) => i.status === 2 && !sandbox.books.payments.some((p) => p.invoice_id === i.id))!;
    const { path, body } = toClientaryPayment({ documentType: "INVOICE", documentRemoteId: String(invoice.id), accountCode: "-", date: "2026-11-14", amount: "10.00" });
    expect((await call(sandbox, `/${path}`, { method: "POST", body })).status).toBe(201);
    const unified = toUnifiedInvoice(invoiceSchema.parse((await call(sandbox, `/invoices/${invoice.id}`)).json), ctx);
    expect(unified).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "10.00" });
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-minute rate", async () => {
    const limited = await startSandbox({ ratePerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(limited, "/staff")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await call(limited, "/staff");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});

describe("determinism and persistence", () => {
  it("seeds the same books from the same seed and day, different ones from another seed", () => {
    const a = seedBooks(11, "2026-11-15");
    expect(seedBooks(11, "2026-11-15")).toEqual(a);
    expect(seedBooks(12, "2026-11-15")).not.toEqual(a);
    expect(a.invoices).toHaveLength(250);
    expect(a.clients.length).toBe(30);
    expect(a.leads.length).toBe(10);
    expect(a.projects.length).toBe(12);
    expect(new Set(a.invoices.map((i) => i.status))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("keeps writes across a restart on the same data file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clientary-sandbox-"));
    const dataFile = path.join(dir, "books.json");
    try {
      const first = await startSandbox({ dataFile });
      const created = await call(first, "/clients", { method: "POST", body: { client: { name: "Survivor Inc" } } });
      await first.close();
      const second = await startSandbox({ dataFile, seed: 99, now: () => new Date(FIXED_NOW.getTime() + 86_400_000 * 3) });
      expect((await call(second, `/clients/${created.json.id}`)).json.name).toBe("Survivor Inc");
      expect(second.books.seed).toBe(11);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientarySandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: ClientarySandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const books = () => sandbox.books;
const post = (path: string, body: unknown) => call(sandbox, path, { method: "POST", body });

describe("documents", () => {
  it("creates an invoice from a bare body on the .json path, numbered after the highest, and requires Clientary's fields", async () => {
    const client = books().clients[0]!;
    const highest = Math.max(...books().invoices.map((i) => Number(i.number)));
    const created = await post("/invoices.json", { client_id: client.id, date: "2026-11-15", due_date: "2026/11/30", currency_code: "usd", invoice_items_attributes: [{ title: "Logo", price: "900", quantity: 1 }] });
    expect(created).toMatchObject({ status: 201, json: { number: String(highest + 1), date: "2026/11/15", due_date: "2026/11/30", currency_code: "USD", status: 0, total_cost: 900, balance: 900, payments: [] } });
    const missing = await post("/invoices", { invoice: { client_id: client.id } });
    expect(missing).toMatchObject({ status: 422, json: { errors: { date: ["can't be blank"], due_date: ["can't be blank"], currency_code: ["can't be blank"] } } });
  });

  it("deleting an invoice makes its rebilled expenses unbilled again", async () => {
    const expense = books().expenses.find((e) => e.invoice_id !== null && !books().payments.some((p) => p.invoice_id === e.invoice_id))!;
    const invoiceId = expense.invoice_id!;
    expect((await call(sandbox, `/invoices/${invoiceId}`, { method: "DELETE" })).status).toBe(200);
    expect(expense).toMatchObject({ invoice_id: null, invoice_item_id: null });
    expect((await call(sandbox, `/invoices/${invoiceId}`)).status).toBe(404);
  });

  it("takes invoice messages bare or wrapped, and refuses a bad address", async () => {
    const invoice = books().invoices.find((i) => i.status === 0)!;
    expect((await post(`/invoices/${invoice.id}/messages`, { message: { recipients: ["a@b.example"], subject: "Your invoice", message: "Thanks!" } })).json)
      .toMatchObject({ document: "invoice", recipients: ["a@b.example"], subject: "Your invoice", message: "Thanks!", attach_pdf: true });
    expect(invoice.status).toBe(1);
    expect(await post(`/invoices/${invoice.id}/messages`, { recipients: ["not-an-address"] })).toMatchObject({ status: 422, json: { errors: { recipients: ["not-an-address is not a valid email address"] } } });
    expect(await post(`/invoices/${invoice.id}/messages`, {})).toMatchObject({ status: 422, json: { errors: { recipients: ["can't be blank"] } } });
  });

  it("refuses a payment on a cancelled invoice and a payment deleted from another invoice", async () => {
    const cancelled = books().invoices.find((i) => i.status === 3)!;
    expect((await post(`/invoices/${cancelled.id}/payments`, { payment: { amount: 1 } })).status).toBe(422);
    const payment = books().payments[0]!;
    const other = books().invoices.find((i) => i.id !== payment.invoice_id)!;
    expect((await call(sandbox, `/invoices/${other.id}/payments/${payment.id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("parties and work", () => {
  it("updates a client, refusing a number another client or lead holds", async () => {
    const [a, b] = books().clients;
    expect((await call(sandbox, `/clients/${a!.id}`, { method: "PUT", body: { client: { website: "https://new.example", zip: "" } } })).json).toMatchObject({ website: "https://new.example", zip: null });
    expect(await call(sandbox, `/clients/${a!.id}`, { method: "PUT", body: { client: { number: b!.number } } })).toMatchObject({ status: 422, json: { errors: { number: ["has already been taken"] } } });
    expect(await call(sandbox, `/clients/${a!.id}`, { method: "PUT", body: { client: { number: books().leads[0]!.number } } })).toMatchObject({ status: 422 });
  });

  it("logs hours wrapped as `hour` too, and deletes a contact", async () => {
    const project = books().projects[0]!;
    expect((await post(`/projects/${project.id}/hours`, { hour: { title: "Review", hours: "1.25" } })).json).toMatchObject({ title: "Review", hours: 1.25, rate: project.rate, cost: project.rate * 1.25 });
    const contact = books().contacts.at(-1)!;
    expect((await call(sandbox, `/contacts/${contact.id}`, { method: "DELETE" })).status).toBe(200);
    expect(books().contacts.includes(contact)).toBe(false);
  });

  it("counts write requests apart from reads", async () => {
    sandbox.stats.reset();
    await call(sandbox, "/staff");
    await post("/tasks", { task: {} });
    expect(sandbox.stats).toMatchObject({ total: 2, writes: 1 });
  });
});

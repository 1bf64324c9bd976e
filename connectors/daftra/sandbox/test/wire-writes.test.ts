import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DaftraSandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: DaftraSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method, headers: { apikey: sandbox.apiKey, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const post = (path: string, body: unknown) => send("POST", path, body);

describe("Daftra sandbox: creates", () => {
  it("creates a client: 202 with the id as a string, then readable", async () => {
    const answer = await post("/clients.json", { Client: { business_name: "Qasim Labs", email: "hello@qasim.example" } });
    expect(answer).toMatchObject({ status: 202, body: { code: 202, result: "successful", id: "41" } });
    expect((await call(sandbox, "/clients/41.json")).body.data.Client).toMatchObject({ id: "41", business_name: "Qasim Labs" });
  });

  it("creates an invoice from a model with sibling item rows and posts a balanced journal", async () => {
    const answer = await post("/invoices.json", {
      Invoice: { client_id: "3", date: "2026-11-14", due_after: 30 },
      InvoiceItem: [{ item: "Desk", unit_price: "100", quantity: "2", tax1: "1" }],
    });
    expect(answer.status).toBe(202);
    const invoice = (await call(sandbox, `/invoices/${answer.body.id}.json`)).body.data.Invoice;
    expect(invoice).toMatchObject({ summary_total: 230, payment_status: 0, date: "14/11/2026" });
    const journal = sandbox.books.journals.find((j) => j.entity_type === "invoice" && j.entity_id === Number(answer.body.id))!;
    const sum = (key: "debit" | "credit") => journal.lines.reduce((s, l) => s.plus(l[key]), new Decimal(0)).toFixed(2);
    expect([sum("debit"), sum("credit")]).toEqual(["230.00", "230.00"]);
  });

  it.each([
    ["items nested inside the model", { Invoice: { client_id: "3", InvoiceItem: [{ item: "x", unit_price: "1" }] } }, { InvoiceItem: "Invoice is empty" }],
    ["an unknown client", { Invoice: { client_id: "999" }, InvoiceItem: [{ item: "x", unit_price: "1" }] }, { client_id: expect.any(String) }],
    ["a bad price and tax", { Invoice: { client_id: "3" }, InvoiceItem: [{ item: "x", unit_price: "abc", tax1: "77" }] },
      { "InvoiceItem.0.unit_price": expect.any(String), "InvoiceItem.0.tax1": expect.any(String) }],
    ["no model wrapper", { client_id: "3" }, { Invoice: "Invoice is empty" }],
  ])("refuses %s with validation_errors", async (_name, body, errors) => {
    const answer = await post("/invoices.json", body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ result: "failed", code: 400, validation_errors: errors });
  });

  it("answers malformed JSON with 400", async () => {
    const response = await fetch(`${sandbox.url}/clients.json`, { method: "POST", headers: { apikey: sandbox.apiKey }, body: "{nope" });
    expect(response.status).toBe(400);
  });
});

describe("Daftra sandbox: edits and deletes", () => {
  const item = { item: "Desk", unit_price: "100", quantity: "1", tax1: "1" };

  it("edits with PUT (or POST to the id, for invoices): 200 without data, items replaced, journal re-posted", async () => {
    const { body } = await post("/invoices.json", { Invoice: { client_id: "3", date: "2026-11-01" }, InvoiceItem: [item, item] });
    const put = await send("PUT", `/invoices/${body.id}.json`, { Invoice: { client_id: "3", date: "2026-11-02" }, InvoiceItem: [{ ...item, quantity: "3" }] });
    expect(put).toEqual({ status: 200, body: { code: 200, result: "successful" } });
    const viaPost = await post(`/invoices/${body.id}.json`, { Invoice: { client_id: "3", date: "2026-11-02", po_number: "X-1" }, InvoiceItem: [{ ...item, quantity: "3" }] });
    expect(viaPost.status).toBe(200);
    const invoice = (await call(sandbox, `/invoices/${body.id}.json`)).body.data.Invoice;
    expect(invoice).toMatchObject({ summary_total: 345, po_number: "X-1", date: "02/11/2026" });
    expect(invoice.InvoiceItem).toHaveLength(1);
    expect(sandbox.books.journals.filter((j) => j.entity_type === "invoice" && j.entity_id === Number(body.id))).toHaveLength(1);
  });

  it.each([
    ["PUT", "/invoices/99999.json", { Invoice: { client_id: "3" }, InvoiceItem: [item] }, "Invoice not found"],
    ["PUT", "/clients/99999.json", { Client: { business_name: "x" } }, "Client not found"],
    ["DELETE", "/estimates/99999.json", undefined, "Estimate not found"],
    ["DELETE", "/invoice_payments/abc.json", undefined, "Payment not found"],
    ["POST", "/notes/invoice/99999.json", { Note: { description: "x" } }, "Item not found"],
  ])("%s %s answers 404 with Daftra's message", async (method, path, body, message) => {
    expect(await send(method, path, body)).toEqual({ status: 404, body: { result: "failed", code: 404, message } });
  });

  it("records and deletes an invoice payment: the invoice's payment status follows", async () => {
    const { body } = await post("/invoices.json", { Invoice: { client_id: "4", date: "2026-11-01" }, InvoiceItem: [item] });
    const paid = await post("/invoice_payments.json", { InvoicePayment: { invoice_id: body.id, amount: "50", payment_method: "cash", treasury_id: 2, date: "2026-11-03" } });
    expect(paid.status).toBe(202);
    expect((await call(sandbox, `/invoices/${body.id}.json`)).body.data.Invoice).toMatchObject({ payment_status: 1, summary_paid: "50.00", summary_unpaid: "65.00" });
    const over = await post("/invoice_payments.json", { InvoicePayment: { invoice_id: body.id, amount: "65.01", payment_method: "cash" } });
    expect(over).toMatchObject({ status: 400, body: { validation_errors: { amount: expect.stringContaining("unpaid amount (65.00)") } } });
    expect(await send("DELETE", `/invoice_payments/${paid.body.id}.json`)).toEqual({ status: 200, body: { result: "successful", code: 200, message: "Payment has been deleted" } });
    expect((await call(sandbox, `/invoices/${body.id}.json`)).body.data.Invoice).toMatchObject({ payment_status: 0, summary_unpaid: "115.00" });
  });

  it("edits a product with PUT: the fields sent change, stock only moves through transactions", async () => {
    const before = (await call(sandbox, "/products/3.json")).body.data.Product;
    expect(await send("PUT", "/products/3.json", { Product: { unit_price: "1250", name: "Monitor 27in Pro", stock_balance: "9999" } })).toEqual({ status: 200, body: { code: 200, result: "successful" } });
    const after = (await call(sandbox, "/products/3.json")).body.data.Product;
    expect(after).toMatchObject({ name: "Monitor 27in Pro", unit_price: "1250.00", buy_price: before.buy_price, stock_balance: before.stock_balance, product_code: before.product_code });
    expect(await send("PUT", "/products/3.json", { Product: { name: "" } })).toMatchObject({ status: 400, body: { validation_errors: { name: expect.any(String) } } });
    expect(await send("PUT", "/products/3.json", { Product: { product_code: "P-001" } })).toMatchObject({ status: 400, body: { validation_errors: { product_code: expect.any(String) } } });
    expect(await send("PUT", "/products/99999.json", { Product: { name: "x" } })).toEqual({ status: 404, body: { result: "failed", code: 404, message: "Product not found" } });
  });

  it("never reuses the id of a deleted document", async () => {
    const make = () => post("/invoices.json", { Invoice: { client_id: "5", draft: 1 }, InvoiceItem: [item] });
    const first = await make();
    expect((await send("DELETE", `/invoices/${first.body.id}.json`)).status).toBe(200);
    expect(Number((await make()).body.id)).toBe(Number(first.body.id) + 1);
  });

  it("serves stock transactions and notes it took", async () => {
    const tx = await post("/stock_transactions.json", { StockTransaction: { product_id: 1, quantity: 2, price: "10" } });
    expect((await call(sandbox, `/stock_transactions/${tx.body.id}.json`)).body.data.StockTransaction).toMatchObject({ product_id: "1", transaction_type: "1", quantity: "2", price: "10.00" });
    const note = await post("/notes/client/3.json", { Note: { description: "VIP" } });
    expect((await call(sandbox, `/notes/${note.body.id}.json`)).body.data.Note).toMatchObject({ item_type: "client", item_id: "3", description: "VIP" });
  });

  it("keeps writes across a restart when a data file is set", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "daftra-writes-"));
    const dataFile = path.join(dir, "state.json");
    const first = await startSandbox({ dataFile });
    await fetch(`${first.url}/stock_transactions.json`, { method: "POST", headers: { apikey: first.apiKey }, body: JSON.stringify({ StockTransaction: { product_id: 2, quantity: 5 } }) });
    const balance = first.books.products.find((p) => p.id === 2)!.stock_balance;
    await first.close();
    const second = await startSandbox({ dataFile });
    expect(second.books.products.find((p) => p.id === 2)!.stock_balance).toBe(balance);
    expect(second.books.stockTransactions).toHaveLength(1);
    await second.close();
    await rm(dir, { recursive: true, force: true });
  });
});

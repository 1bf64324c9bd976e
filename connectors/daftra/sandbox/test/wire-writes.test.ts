import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DaftraSandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: DaftraSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function post(path: string, body: unknown) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: "POST", headers: { apikey: sandbox.apiKey, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

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

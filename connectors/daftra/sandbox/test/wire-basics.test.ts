import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DaftraSandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: DaftraSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("Daftra sandbox: auth", () => {
  it.each([
    ["apikey", (key: string) => ({ apikey: key })],
    ["APIKEY", (key: string) => ({ APIKEY: key })],
    ["ApiKey", (key: string) => ({ ApiKey: key })],
  ])("accepts the key in a %s header", async (_name, headers) => {
    expect((await call(sandbox, "/site_info.json", headers(sandbox.apiKey))).status).toBe(200);
  });

  it.each([
    ["no key", {}],
    ["a wrong key", { apikey: "nope" }],
    ["the key plus an Authorization header", { apikey: "daftra-sandbox-key", authorization: "Bearer daftra-sandbox-key" }],
    ["the key as a Bearer token", { authorization: "Bearer daftra-sandbox-key" }],
  ])("refuses %s with Daftra's 401 body", async (_name, headers) => {
    const answer = await call(sandbox, "/clients.json", headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ result: "failed", code: 401, message: "Unauthorized" });
  });
});

describe("Daftra sandbox: envelopes", () => {
  it("serves site_info with the display date format and the account currency", async () => {
    const { body } = await call(sandbox, "/site_info");
    expect(body).toMatchObject({ code: 200, result: "successful", data: { Site: { currency_code: "SAR", date_format: "0", staff_id: -1 } } });
    const listing = await call(sandbox, "/listing/dateFormats.json");
    expect(listing.body.data.Listing["0"]).toBe("dd/mm/yyyy");
  });

  it("wraps list rows in their model with ids and numbers as strings and a pagination object", async () => {
    const { status, body } = await call(sandbox, "/invoices.json?limit=3");
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 200, result: "successful", pagination: { page: 1, page_count: 134, total_results: 400, prev: null } });
    expect(body.pagination.next).toMatch(/^\/api2\/invoices\.json\?.*page=2/);
    const invoice = body.data[0].Invoice;
    expect(typeof invoice.id).toBe("string");
    expect(typeof invoice.summary_total).toBe("number");
    expect(invoice.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(invoice.Client).toBeDefined();
    expect(invoice.InvoiceItem).toBeUndefined();
  });

  it("serves the same resource with and without .json", async () => {
    expect((await call(sandbox, "/taxes")).body).toEqual((await call(sandbox, "/taxes.json")).body);
  });

  it("nests items, payments and taxes in a single read", async () => {
    const { body } = await call(sandbox, "/invoices/5.json");
    const invoice = body.data.Invoice;
    expect(invoice.id).toBe("5");
    expect(invoice.InvoiceItem.length).toBeGreaterThan(0);
    expect(Array.isArray(invoice.InvoicePayment)).toBe(true);
    expect(invoice.InvoiceTax).toBeDefined();
  });

  it("answers 404 in Daftra's failure shape", async () => {
    expect(await call(sandbox, "/invoices/99999.json").then((a) => [a.status, a.body])).toEqual([404, { result: "failed", code: 404, message: "Invoice not found" }]);
    expect((await call(sandbox, "/nothing_here.json")).status).toBe(404);
  });

  it("answers a malformed filter with validation_errors", async () => {
    const { status, body } = await call(sandbox, "/invoices.json?date_from=15-01-2026");
    expect(status).toBe(400);
    expect(body).toMatchObject({ result: "failed", code: 400, validation_errors: { date_from: expect.any(String) } });
    expect((await call(sandbox, "/clients.json?limit=zero")).body.validation_errors.limit).toBeDefined();
  });
});

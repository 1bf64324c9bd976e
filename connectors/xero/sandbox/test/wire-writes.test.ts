/**
 * Writes over HTTP: PUT/POST semantics, summarizeErrors true (all-or-nothing 400) versus false
 * (200 with per-element status), malformed bodies, payments and their deletion, history notes,
 * and Idempotency-Key replay and refusal.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

const ZERO = "00000000-0000-0000-0000-000000000000";
let sandbox: XeroSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

const send = (method: string, path: string, body: unknown, headers?: Record<string, string>) => api(sandbox, token, path, { method, body, headers });
const contactNamed = (name: string) => sandbox.books.contacts.filter((c) => c.Name === name);

describe("contacts", () => {
  test("PUT creates, POST /{id} updates, PUT with an existing name is a ValidationException", async () => {
    const created = await send("PUT", "/Contacts", { Contacts: [{ Name: "Harbour Lights Ltd", EmailAddress: "ops@harbour.example" }] });
    expect(created.status).toBe(200);
    const contact = created.json.Contacts[0];
    expect(contact).toMatchObject({ Name: "Harbour Lights Ltd", ContactStatus: "ACTIVE", StatusAttributeString: "OK" });
    expect(contact.UpdatedDateUTC).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(contactNamed("Harbour Lights Ltd")).toHaveLength(1);

    const updated = await send("POST", `/Contacts/${contact.ContactID}`, { Contacts: [{ FirstName: "Ana" }] });
    expect(updated.json.Contacts[0]).toMatchObject({ ContactID: contact.ContactID, FirstName: "Ana" });

    const duplicate = await send("PUT", "/Contacts", { Contacts: [{ Name: "harbour lights ltd" }] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json).toMatchObject({ ErrorNumber: 10, Type: "ValidationException", Message: "A validation exception occurred" });
    expect(duplicate.json.Elements[0].ValidationErrors[0].Message).toMatch(/already assigned to another contact/);
  });

  test("summarizeErrors=false answers 200 with OK and ERROR elements; the good one is kept", async () => {
    const res = await send("PUT", "/Contacts?summarizeErrors=false", { Contacts: [{ Name: "Kept Co" }, { Name: "Broken Co", EmailAddress: "not-an-email" }] });
    expect(res.status).toBe(200);
    const [ok, bad] = res.json.Contacts;
    expect(ok).toMatchObject({ Name: "Kept Co", StatusAttributeString: "OK" });
    expect(bad).toMatchObject({ Name: "Broken Co", ContactID: ZERO, StatusAttributeString: "ERROR", HasValidationErrors: true });
    expect(bad.ValidationErrors).toEqual([{ Message: "Email address must be valid." }]);
    expect(contactNamed("Kept Co")).toHaveLength(1);
    expect(contactNamed("Broken Co")).toHaveLength(0);
  });

  test("summarizeErrors=true (default) is all-or-nothing", async () => {
    const res = await send("PUT", "/Contacts", { Contacts: [{ Name: "Never Kept Co" }, { Name: "Broken Two", EmailAddress: "nope" }] });
    expect(res.status).toBe(400);
    expect(res.json.Elements).toHaveLength(2);
    expect(res.json.Elements[1].ValidationErrors[0].Message).toBe("Email address must be valid.");
    expect(contactNamed("Never Kept Co")).toHaveLength(0);
  });

  test("malformed JSON is a 400 PostDataInvalidException; unknown ids 404", async () => {
    const res = await send("PUT", "/Contacts", '{"Contacts": [ {"Name": ');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ Type: "PostDataInvalidException" });
    expect((await send("POST", `/Contacts/${ZERO}`, { Contacts: [{ Name: "Ghost" }] })).status).toBe(404);
  });
});

describe("invoices, payments and history", () => {
  test("an invoice accepts YYYY-MM-DD and /Date()/ input; a payment settles it; deleting the payment reopens it", async () => {
    const customer = sandbox.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!;
    const dueMs = Date.UTC(2026, 3, 1);
    const invoice = await send("PUT", "/Invoices", {
      Invoices: [{
        Type: "ACCREC", Contact: { ContactID: customer.ContactID }, Date: "2026-03-02", DueDate: `/Date(${dueMs}+0000)/`,
        Status: "AUTHORISED", LineItems: [{ Description: "Consulting", Quantity: 2, UnitAmount: 150, AccountCode: "200" }],
      }],
    });
    expect(invoice.status, invoice.text).toBe(200);
    const created = invoice.json.Invoices[0];
    expect(created.Date).toBe(`/Date(${Date.UTC(2026, 2, 2)}+0000)/`);
    expect(created.DueDate).toBe(`/Date(${dueMs}+0000)/`);
    expect(created.UpdatedDateUTCString).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.AmountDue).toBe(created.Total);

    const bank = sandbox.books.accounts.find((a) => a.Type === "BANK")!;
    const payment = await send("PUT", "/Payments", { Payments: [{ Invoice: { InvoiceID: created.InvoiceID }, Account: { Code: bank.Code }, Date: "2026-03-05", Amount: created.Total }] });
    expect(payment.status, payment.text).toBe(200);
    const paymentId = payment.json.Payments[0].PaymentID;
    const paid = await send("GET", `/Invoices/${created.InvoiceID}`, undefined);
    expect(paid.json.Invoices[0]).toMatchObject({ Status: "PAID", AmountDue: 0 });

    const deleted = await send("POST", `/Payments/${paymentId}`, { Status: "DELETED" });
    expect(deleted.json.Payments[0]).toMatchObject({ PaymentID: paymentId, Status: "DELETED" });
    const reopened = await send("GET", `/Invoices/${created.InvoiceID}`, undefined);
    expect(reopened.json.Invoices[0]).toMatchObject({ Status: "AUTHORISED", AmountDue: created.Total });

    const tooMuch = await send("POST", "/Payments", { Invoice: { InvoiceID: created.InvoiceID }, Account: { Code: bank.Code }, Date: "2026-03-06", Amount: created.Total + 1 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.Elements[0].ValidationErrors[0].Message).toBe("Payment amount exceeds the amount outstanding on this document");

    const note = await send("PUT", `/Invoices/${created.InvoiceID}/History`, { HistoryRecords: [{ Details: "Called the customer." }] });
    expect(note.status).toBe(200);
    const history = await send("GET", `/Invoices/${created.InvoiceID}/History`, undefined);
    const last = history.json.HistoryRecords.at(-1);
    expect(last).toMatchObject({ Changes: "Note", Details: "Called the customer." });
    expect(last.DateUTC).toMatch(/^\/Date\(\d+\+0000\)\/$/);
  });
});

describe("Idempotency-Key", () => {
  test("the same key and request replays the first response byte for byte", async () => {
    const body = { Contacts: [{ Name: "Idempotent Co" }] };
    const first = await send("PUT", "/Contacts", body, { "Idempotency-Key": "key-1" });
    const second = await send("PUT", "/Contacts", body, { "Idempotency-Key": "key-1" });
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(contactNamed("Idempotent Co")).toHaveLength(1);
  });

  test("errors are replayed too", async () => {
    const body = { Contacts: [{ Name: "Bad Email Co", EmailAddress: "x" }] };
    const first = await send("PUT", "/Contacts", body, { "Idempotency-Key": "key-2" });
    const second = await send("PUT", "/Contacts", body, { "Idempotency-Key": "key-2" });
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(second.text).toBe(first.text);
  });

  test("the same key with a different request is refused; over-long keys are refused", async () => {
    await send("PUT", "/Contacts", { Contacts: [{ Name: "Key Three Co" }] }, { "Idempotency-Key": "key-3" });
    const other = await send("PUT", "/Contacts", { Contacts: [{ Name: "Another Co" }] }, { "Idempotency-Key": "key-3" });
    expect(other.status).toBe(400);
    expect(other.json.Message).toMatch(/used with a different request/);
    expect(contactNamed("Another Co")).toHaveLength(0);
    const long = await send("PUT", "/Contacts", { Contacts: [{ Name: "Long Key Co" }] }, { "Idempotency-Key": "k".repeat(129) });
    expect(long.status).toBe(400);
  });
});

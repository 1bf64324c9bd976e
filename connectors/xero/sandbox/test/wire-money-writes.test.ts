/**
 * Purchase orders, credit notes and their allocations, bank transactions, transfers and items over
 * HTTP: Xero's envelopes, 404 for unknown parents, ValidationException bodies and batch semantics.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 10_000 } });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

const send = (method: string, path: string, body: unknown) => api(sandbox, token, path, { method, body });
const contactId = () => sandbox.books.contacts.find((c) => c.ContactStatus === "ACTIVE")!.ContactID;
const firstError = (res: { json: { Elements: Array<{ ValidationErrors: Array<{ Message: string }> }> } }) => res.json.Elements[0]!.ValidationErrors[0]!.Message;

describe("credit note allocations", () => {
  test("PUT /CreditNotes/{id}/Allocations answers an Allocations envelope; an unknown credit note or invoice is a 404", async () => {
    const contact = { ContactID: contactId() };
    const invoice = (await send("PUT", "/Invoices", { Invoices: [{ Type: "ACCREC", Status: "AUTHORISED", Contact: contact, Date: "2026-03-01", DueDate: "2026-03-31", LineAmountTypes: "NoTax", LineItems: [{ Description: "S", Quantity: 1, UnitAmount: 90, AccountCode: "260" }] }] })).json.Invoices[0];
    const note = (await send("PUT", "/CreditNotes", { CreditNotes: [{ Type: "ACCRECCREDIT", Status: "AUTHORISED", Contact: contact, Date: "2026-03-02", LineAmountTypes: "NoTax", LineItems: [{ Description: "S", Quantity: 1, UnitAmount: 40, AccountCode: "260" }] }] })).json.CreditNotes[0];
    expect(note).toMatchObject({ Type: "ACCRECCREDIT", RemainingCredit: 40, CreditNoteNumber: expect.stringMatching(/^CN-/), StatusAttributeString: "OK" });

    const res = await send("PUT", `/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 15, Date: "2026-03-05" }] });
    expect(res.status).toBe(200);
    expect(res.json.Allocations[0]).toMatchObject({ Amount: 15, Date: "/Date(1772668800000+0000)/", Invoice: { InvoiceID: invoice.InvoiceID }, CreditNote: { CreditNoteID: note.CreditNoteID }, StatusAttributeString: "OK" });
    const after = (await api(sandbox, token, `/CreditNotes/${note.CreditNoteID}`)).json.CreditNotes[0];
    expect(after).toMatchObject({ RemainingCredit: 25, Allocations: [{ Amount: 15 }] });

    expect((await send("PUT", "/CreditNotes/00000000-0000-4000-8000-000000000001/Allocations", { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 1, Date: "2026-03-05" }] })).status).toBe(404);
    expect((await send("PUT", `/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: "00000000-0000-4000-8000-000000000002" }, Amount: 1, Date: "2026-03-05" }] })).status).toBe(404);
    const undated = await send("PUT", `/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 1 }] });
    expect([undated.status, firstError(undated)]).toEqual([400, "The Date field must be specified."]);
  });
});

describe("transfers and items", () => {
  test("a transfer to the same account is a ValidationException echoing the element", async () => {
    const res = await send("PUT", "/BankTransfers", { BankTransfers: [{ FromBankAccount: { Code: "090" }, ToBankAccount: { Code: "090" }, Amount: 10 }] });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ Type: "ValidationException", Elements: [{ FromBankAccount: { Code: "090" }, Amount: 10 }] });
    expect(firstError(res)).toMatch(/must be different/);
    expect((await send("POST", "/BankTransfers", { BankTransfers: [] })).status).toBe(404);
  });

  test("items: summarizeErrors=false keeps the good item and marks the duplicate code ERROR", async () => {
    const res = await send("PUT", "/Items?summarizeErrors=false", { Items: [{ Code: "WIRE-NEW", Name: "Wire item" }, { Code: "CONSULT", Name: "Duplicate" }] });
    expect(res.status).toBe(200);
    const [ok, bad] = res.json.Items;
    expect(ok).toMatchObject({ Code: "WIRE-NEW", IsTrackedAsInventory: false, StatusAttributeString: "OK" });
    expect(bad).toMatchObject({ Code: "CONSULT", StatusAttributeString: "ERROR", ValidationErrors: [{ Message: "Price List Item with Code ''CONSULT'' already exists" }] });
    expect(sandbox.books.items.filter((i) => i.Code === "CONSULT")).toHaveLength(1);
  });

  test("purchase orders never create contacts: an unknown ContactID is a 404", async () => {
    const res = await send("PUT", "/PurchaseOrders", { PurchaseOrders: [{ Contact: { ContactID: "00000000-0000-4000-8000-000000000003" }, LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 1 }] }] });
    expect(res.status).toBe(404);
  });
});
